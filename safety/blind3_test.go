// TestBlind3 measures the assessor and the guard on testdata/blind3.jsonl
// and testdata/blind3_guard.jsonl: 385 risk cases and 244 guard cases
// written in one sitting by an engineer who read neither the safety
// package's rules nor its other case files, committed before their first
// run and never used for tuning. Their first-run figures are in
// docs/safety.md. The figures are logged, not asserted (a floor would
// invite tuning on them); only the files' shape is checked. Misses are not
// printed, to keep them from becoming a to-do list.
package safety

import (
	"strings"
	"testing"
)

func TestBlind3(t *testing.T) {
	cases, err := ReadCasesFile("testdata/blind3.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 300 {
		t.Fatalf("blind3.jsonl: %d cases, want at least 300", len(cases))
	}
	r := Evaluate(newTestAssessor(t), cases)
	logReport(t, "blind3 (independent, not asserted)", r)
	t.Logf("blind3: high+imminent recall %.3f, FPR %.3f (>= low) %.3f (>= moderate)", r.HighPlus.Recall(), r.FPR(), r.FPRModerate())

	gcases, err := ReadGuardCasesFile("testdata/blind3_guard.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(gcases) < 200 {
		t.Fatalf("blind3_guard.jsonl: %d cases, want at least 200", len(gcases))
	}
	for _, clf := range []bool{false, true} {
		p := DefaultPolicy()
		p.GuardClassifier = &clf
		g, err := NewGuard(p, ResourceURLs())
		if err != nil {
			t.Fatal(err)
		}
		gr := EvaluateGuard(g, gcases)
		var b strings.Builder
		gr.WriteTable(&b)
		t.Logf("blind3 guard, classifier %v (independent, not asserted)\n%s", clf, b.String())
	}
}
