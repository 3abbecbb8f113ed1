// Tests of the EPITOME-style empathy scorer: the embedded weights match a
// fresh deterministic training run, and held-out accuracy is reported and
// bounded.
package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-project/tend/conv"
)

var update = flag.Bool("update", false, "rewrite golden files and the embedded empathy model")

func readExamples(t testing.TB, name string) []EmpathyExample {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "epitome", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ex, err := ReadEmpathyExamples(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestEmpathyModel(t *testing.T) {
	train := readExamples(t, "train.jsonl")
	held := readExamples(t, "heldout.jsonl")
	if n := len(train) + len(held); n < 300 {
		t.Fatalf("only %d labelled replies, want ≥ 300", n)
	}
	s, err := TrainEmpathy(train, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("empathy_model.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("rewrote empathy_model.json")
	}
	emb, err := DefaultEmpathy()
	if err != nil {
		t.Fatal(err)
	}
	embData, _ := json.Marshal(emb)
	if !bytes.Equal(embData, data) {
		t.Fatal("embedded empathy_model.json differs from a fresh training run; run go test ./eval -run TestEmpathyModel -update")
	}
	trainAcc := EvaluateEmpathy(emb, train)
	acc := EvaluateEmpathy(emb, held)
	// The majority-class baseline on the held-out set, for comparison.
	for m, name := range Mechanisms {
		var counts [3]int
		for _, e := range held {
			counts[e.label(m)]++
		}
		base := float64(max(counts[0], counts[1], counts[2])) / float64(len(held))
		t.Logf("%-20s held-out accuracy %.3f (within one level %.3f; majority baseline %.3f; train %.3f; n=%d)",
			name, acc.Accuracy[m], acc.Within1[m], base, trainAcc.Accuracy[m], acc.N)
		if acc.Accuracy[m] < base+0.1 {
			t.Errorf("%s: held-out accuracy %.3f is not clearly above the majority baseline %.3f", name, acc.Accuracy[m], base)
		}
	}
}

func TestEmpathyScoreHandPicked(t *testing.T) {
	s, err := DefaultEmpathy()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		reply string
		check func(conv.Empathy) bool
	}{
		{"plain advice has no mechanisms", "Make a list and set an alarm for seven.", func(e conv.Empathy) bool { return EmpathyTotal(e) == 0 }},
		{"warm sympathy is an emotional reaction", "I'm so sorry, that is heartbreaking.", func(e conv.Empathy) bool { return e.EmotionalReactions >= 1 }},
		{"a specific question is an exploration", "When you lie awake at night, what thoughts keep coming back about your brother?", func(e conv.Empathy) bool { return e.Explorations == 2 }},
		{"an inference about feelings is an interpretation", "It sounds like you feel nobody notices how hard you are trying at work.", func(e conv.Empathy) bool { return e.Interpretations == 2 }},
	}
	for _, tt := range tests {
		if got := s.Score(tt.reply); !tt.check(got) {
			t.Errorf("%s: Score(%q) = %+v", tt.name, tt.reply, got)
		}
	}
}

func TestReadEmpathyExamplesErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"out of range", `{"id":"x","response":"hi","emotional_reactions":3,"interpretations":0,"explorations":0}`, "emotional_reactions = 3 is outside 0–2"},
		{"empty", `{"id":"x","response":" ","emotional_reactions":0,"interpretations":0,"explorations":0}`, "response: empty"},
		{"unknown field", `{"id":"x","reply":"hi"}`, "unknown field"},
	}
	for _, tt := range tests {
		_, err := ReadEmpathyExamples(bytes.NewReader([]byte(tt.in)), "f.jsonl")
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}
