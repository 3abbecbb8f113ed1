// TestBlindSets measures the assessor and the guard on the independent
// sets: testdata/blind3*.jsonl (385 risk cases, 244 guard cases, written in
// session 2) and testdata/blind4*.jsonl (320 risk cases, 200 guard cases,
// written in session 3). Each was written in one sitting by an engineer who
// read neither the safety package's rules nor its other case files,
// committed before its first run and never used for tuning. Their figures
// are in docs/safety.md. The figures are logged, not asserted (a floor would
// invite tuning on them); only the files' shape is checked. Misses are not
// printed, to keep them from becoming a to-do list.
package safety

import (
	"strings"
	"testing"
)

func TestBlindSets(t *testing.T) {
	sets := []struct {
		name, risk, guard string
		minRisk, minGuard int
	}{
		{"blind3", "testdata/blind3.jsonl", "testdata/blind3_guard.jsonl", 300, 200},
		{"blind4", "testdata/blind4.jsonl", "testdata/blind4_guard.jsonl", 300, 180},
		{"blind5", "testdata/blind5.jsonl", "testdata/blind5_guard.jsonl", 350, 180},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			cases, err := ReadCasesFile(s.risk)
			if err != nil {
				t.Fatal(err)
			}
			if len(cases) < s.minRisk {
				t.Fatalf("%s: %d cases, want at least %d", s.risk, len(cases), s.minRisk)
			}
			r := Evaluate(newTestAssessor(t), cases)
			logReport(t, s.name+" (independent, not asserted)", r)
			t.Logf("%s: high+imminent recall %.3f, moderate+ recall %.3f, FPR %.3f (>= low) %.3f (>= moderate)",
				s.name, r.HighPlus.Recall(), r.AnyRisk.Recall(), r.FPR(), r.FPRModerate())

			gcases, err := ReadGuardCasesFile(s.guard)
			if err != nil {
				t.Fatal(err)
			}
			if len(gcases) < s.minGuard {
				t.Fatalf("%s: %d cases, want at least %d", s.guard, len(gcases), s.minGuard)
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
				t.Logf("%s guard, classifier %v (independent, not asserted)\n%s", s.name, clf, b.String())
			}
		})
	}
}
