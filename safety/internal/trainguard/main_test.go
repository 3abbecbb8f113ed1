// Tests for trainguard's parts that decide what the shipped classifier
// does: reading data curation's labelled sentences, and the threshold
// search's two budgets (the other rules first, then misinformation's own).
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-project/tend/safety"
)

func TestSentenceCases(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "s.jsonl")
	if err := os.WriteFile(good, []byte(`{"text": "Antidepressants are addictive.", "misinfo": true, "split": "train"}
{"text": "Depression is treatable.", "misinfo": false}

`), 0o644); err != nil {
		t.Fatal(err)
	}
	cs, err := sentenceCases(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || len(cs[0].Rules) != 1 || cs[0].Rules[0] != safety.RuleMisinformation || len(cs[1].Rules) != 0 || cs[0].Source != "misinfo_sentences" {
		t.Errorf("cases %+v", cs)
	}
	for name, body := range map[string]string{
		"bad json":   "{\"text\": \"x\", \"misinfo\": true}\n{nope\n",
		"no label":   "{\"text\": \"x\"}\n",
		"empty text": "{\"text\": \" \", \"misinfo\": true}\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".jsonl")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := sentenceCases(p); err == nil || !strings.Contains(err.Error(), p+":") {
			t.Errorf("%s: error %v, want one naming %s and the line", name, err, p)
		}
	}
}

// TestThresholdBudgets: misinformation's positives cannot take the other
// rules' budget, and it gets its own.
func TestThresholdBudgets(t *testing.T) {
	idx := func(rule string) int {
		for r, n := range safety.GuardClfRules {
			if n == rule {
				return r
			}
		}
		t.Fatalf("no rule %s", rule)
		return -1
	}
	mi, md := idx(safety.RuleMisinformation), idx(safety.RuleMethodDetail)
	var bags []safety.GuardClfBag
	var held [][nRules]float32
	add := func(label int, score [nRules]float32) {
		var b safety.GuardClfBag
		b.Source, b.Weight = "a", 1
		if label >= 0 {
			b.Labels[label] = true
		}
		bags = append(bags, b)
		held = append(held, score)
	}
	// 200 clean replies; two of them score high for misinformation, one
	// for method detail. 40 misinformation positives, 5 method details.
	for i := 0; i < 200; i++ {
		var s [nRules]float32
		switch i {
		case 0, 1:
			s[mi] = 0.9
		case 2:
			s[md] = 0.9
		}
		add(-1, s)
	}
	for i := 0; i < 40; i++ {
		var s [nRules]float32
		s[mi] = 0.95
		add(mi, s)
	}
	for i := 0; i < 5; i++ {
		var s [nRules]float32
		s[md] = 0.95
		add(md, s)
	}
	cfg := config{maxFPR: 0.006, minThr: 0.5, minGain: 0.6, crisisWeight: 2, misinfoFPR: 0.006, seedWeight: 0.25}
	thr := chooseThresholds(bags, held, cfg)
	if thr[md] > 0.95 {
		t.Errorf("method detail threshold %.3f: the shared budget should reach its positives", thr[md])
	}
	if thr[mi] > 0.95 {
		t.Errorf("misinformation threshold %.3f: its own budget should reach its positives", thr[mi])
	}
	cfg.misinfoFPR = 0
	if thr := chooseThresholds(bags, held, cfg); thr[mi] <= 1 {
		t.Errorf("without its own budget misinformation stays off, got threshold %.3f", thr[mi])
	}
}
