// Precision and recall of the content filters on the labelled set in
// testdata/filters/eval.jsonl, and of the misinformation classifier on
// the held-out part of its sentences. Run with -v to see the tables.
package data

import (
	"bytes"
	"testing"
)

func TestFilterEval(t *testing.T) {
	cases, err := ReadFilterCases("testdata/filters/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	scores, err := EvaluateFilters(cases)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteFilterScores(&buf, scores, true); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", buf.String())
	for _, s := range scores {
		if s.Cases < 40 {
			t.Errorf("%s: %d cases, want at least 40", s.Filter, s.Cases)
		}
		if s.Precision() < 0.9 || s.Recall() < 0.85 {
			t.Errorf("%s: precision %.3f recall %.3f, want at least 0.90 and 0.85", s.Filter, s.Precision(), s.Recall())
		}
	}
}
