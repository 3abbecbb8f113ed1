package train

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/tokenizer"
)

// ggufKVs reads the metadata of a GGUF file (format v3, ggml's docs/gguf.md):
// strings as values, arrays as their length.
func ggufKVs(t *testing.T, path string) map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	rd := func(v any) {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			t.Fatal(err)
		}
	}
	str := func() string {
		var n uint64
		rd(&n)
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	size := map[uint32]int{0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
	var value func(typ uint32) any
	value = func(typ uint32) any {
		switch typ {
		case 8:
			return str()
		case 9:
			var et uint32
			var n uint64
			rd(&et)
			rd(&n)
			for range n {
				value(et)
			}
			return int(n)
		case 4:
			var v uint32
			rd(&v)
			return v
		}
		b := make([]byte, size[typ])
		if _, err := io.ReadFull(r, b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	var magic [4]byte
	var version uint32
	var nTensors, nKV uint64
	rd(&magic)
	rd(&version)
	rd(&nTensors)
	rd(&nKV)
	if string(magic[:]) != "GGUF" || version != 3 {
		t.Fatalf("not a GGUF v3 file: %q v%d", magic, version)
	}
	kv := map[string]any{}
	for range nKV {
		k := str()
		var typ uint32
		rd(&typ)
		kv[k] = value(typ)
	}
	return kv
}

func TestExportGGUFTokenizerKeys(t *testing.T) {
	f := newFixture(t)
	out := filepath.Join(t.TempDir(), "m.gguf")
	if err := ExportGGUF(f.model, out, true, false); err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.LoadDir(f.model)
	if err != nil {
		t.Fatal(err)
	}
	eos, _ := tok.TokenID("<|end_of_text|>")
	eot, _ := tok.TokenID("<|end|>")
	kv := ggufKVs(t, out)
	want := map[string]any{
		"general.architecture":        "llama",
		"tokenizer.ggml.model":        "gpt2",
		"tokenizer.ggml.pre":          "llama-bpe",
		"tokenizer.ggml.tokens":       tok.VocabSize(),
		"tokenizer.ggml.token_type":   tok.VocabSize(),
		"tokenizer.ggml.eos_token_id": uint32(eos),
		"tokenizer.ggml.eot_token_id": uint32(eot),
	}
	for k, v := range want {
		if fmt.Sprint(kv[k]) != fmt.Sprint(v) {
			t.Errorf("%s = %v, want %v", k, kv[k], v)
		}
	}
	if n, _ := kv["tokenizer.ggml.merges"].(int); n < 100 {
		t.Errorf("tokenizer.ggml.merges has %d entries", n)
	}
	if s, _ := kv["tokenizer.chat_template"].(string); s == "" {
		t.Error("no tokenizer.chat_template")
	}
	if err := ExportGGUF(f.model, out, true, false); err == nil {
		t.Error("export over an existing file without force succeeded")
	}
}
