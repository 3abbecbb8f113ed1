package train

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/generate/generatetest"
)

// Short, hand-written pieces combined into tiny datasets for the tests.
var (
	testUsers = []string{
		"I can't sleep before exams.", "My friend stopped texting me.", "Work has been so stressful lately.",
		"I feel tired all the time.", "I argued with my sister again.", "Nothing seems to help with the worry.",
	}
	testGood = []string{
		"That sounds exhausting. What has been keeping you up?", "I'm sorry, that hurts. How are you feeling about it?",
		"It makes sense to feel worn down. What part is hardest?", "Thank you for telling me. Would a short walk help a little?",
		"That sounds painful. Do you want to talk about what happened?", "Worry can be so tiring. What have you tried so far?",
	}
	testBad = []string{
		"Just stop worrying.", "Everyone has problems.", "You should get over it.",
		"That is not a big deal.", "Try harder.", "Cheer up!",
	}
)

func testConv(i int) conv.Conversation {
	return conv.Conversation{ID: fmt.Sprintf("c%d", i), Messages: []conv.Message{
		{Role: "user", Content: testUsers[i%6]},
		{Role: "assistant", Content: testGood[(i+i/6)%6]},
		{Role: "user", Content: testUsers[(i+2)%6]},
		{Role: "assistant", Content: testGood[(i+3)%6]},
	}}
}

func testPair(i int) conv.PreferencePair {
	return conv.PreferencePair{ID: fmt.Sprintf("p%d", i),
		Prompt:   []conv.Message{{Role: "user", Content: testUsers[i%6]}},
		Chosen:   []conv.Message{{Role: "assistant", Content: testGood[i%6]}},
		Rejected: []conv.Message{{Role: "assistant", Content: testBad[(i+i/6)%6]}}}
}

// writeJSONL writes n records made by mk into path.
func writeJSONL[T conv.Record](t testing.TB, path string, n int, mk func(int) T) {
	t.Helper()
	var buf bytes.Buffer
	w := conv.NewWriter[T](&buf)
	for i := range n {
		r := mk(i)
		if err := w.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixture is a tiny model directory and datasets.
type fixture struct {
	model, convs, pairs, dir string
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	dir := t.TempDir()
	f := fixture{model: generatetest.TinyModelDir(t), convs: filepath.Join(dir, "convs.jsonl"), pairs: filepath.Join(dir, "pairs.jsonl"), dir: dir}
	writeJSONL(t, f.convs, 24, testConv)
	writeJSONL(t, f.pairs, 24, testPair)
	return f
}

// config returns a small, valid run of method on the fixture.
func (f fixture) config(t testing.TB, method string) Config {
	data := f.convs
	if method == "dpo" || method == "reward" {
		data = f.pairs
	}
	c := Config{Method: method, BaseModel: f.model, Datasets: []Dataset{{Path: data}}, SequenceLen: 96,
		MicroBatchSize: 4, LearningRate: 3e-3, MaxSteps: 4, ValSetSize: 0.2, Seed: 7, OutputDir: filepath.Join(t.TempDir(), "out")}
	c.Defaults()
	return c
}
