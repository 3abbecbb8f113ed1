// Fuzz targets for the parsers that read untrusted files: the safetensors
// header and config.json.
package model

import (
	"bytes"
	"encoding/binary"
	"testing"
)

func FuzzParseSafetensors(f *testing.F) {
	hdr := `{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"}}`
	good := append(binary.LittleEndian.AppendUint64(nil, uint64(len(hdr))), hdr...)
	good = append(good, make([]byte, 8)...)
	f.Add(good)
	f.Add(good[:12])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSafetensors(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for name, info := range s.Tensors {
			if info.Begin < 0 || info.End < info.Begin || s.data+info.End > int64(len(data)) {
				t.Fatalf("tensor %q accepted with range [%d,%d) in %d bytes", name, info.Begin, info.End, len(data))
			}
			n, _ := dtypeSize(info.DType)
			if info.DType == "F32" || info.DType == "F16" || info.DType == "BF16" {
				dst := make([]float32, (info.End-info.Begin)/int64(n))
				if err := s.Read(name, dst); err != nil {
					t.Fatalf("read of accepted tensor %q: %v", name, err)
				}
			}
		}
	})
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(`{"architectures":["LlamaForCausalLM"],"vocab_size":10,"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":4}`))
	f.Add([]byte(`{"architectures":["Qwen2ForCausalLM"],"vocab_size":10,"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"num_key_value_heads":3,"intermediate_size":4,"rope_scaling":{"rope_type":"llama3"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig(data)
		if err != nil {
			return
		}
		if c.Heads%c.KVHeads != 0 || c.HeadDim%2 != 0 || c.Vocab <= 0 {
			t.Fatalf("invalid config accepted: %+v", c)
		}
		if _, err := c.JSON(); err != nil {
			t.Fatal(err)
		}
	})
}
