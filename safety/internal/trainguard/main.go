// Command trainguard fits the guard classifier (safety/guard_clf.go), a
// per-rule logistic regression that can add text-rule violations the
// guard's rules missed, chooses its per-rule thresholds by
// leave-one-file-out cross-validation, and writes guard_clf.bin (run by
// `go generate` in package safety).
//
// Training data: the guard suites named by -files (each file is a source,
// written at a different time), and the seed corpus's preference pairs
// whose failure code maps to a guard rule (the rejected reply's own
// sentences are the candidates for the violation, the sentences it shares
// with the chosen reply and the chosen reply itself are clean), weighted
// down by -seed-weight because they are templated. guard_fresh5.jsonl is
// kept out: it is the batch the classifier is measured on first.
//
// Thresholds: for each source the model is trained on all the others and
// scores the held-out replies. The thresholds are lowered greedily, the
// rule with the most held-out recall gained (non-seed sources) per false
// positive first, while the share of clean replies (labelled clean, not
// already flagged by the rules) that the classifier flags stays within
// -max-fpr, both over the non-seed sources and over all sources with the
// seed weighted by -seed-weight.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data/seed"
	"github.com/tend-project/tend/safety"
)

const defaultFiles = "testdata/guard.jsonl,testdata/guard_more.jsonl,testdata/guard_fresh.jsonl,testdata/guard_fresh2.jsonl,testdata/guard_fresh3.jsonl,testdata/guard_fresh4.jsonl,testdata/guard_train_written.jsonl,testdata/guard_w3_myths.jsonl,testdata/guard_w3_replies.jsonl,testdata/guard_w3_accept.jsonl,testdata/guard_w3_subtle.jsonl,testdata/guard_w4_danger.jsonl,testdata/guard_w4_misinfo.jsonl,testdata/guard_w4_people.jsonl"

// failureRules maps the seed corpus's failure codes to guard rules.
var failureRules = map[string]string{
	conv.FailureDiagnoses:      safety.RuleDiagnosis,
	conv.FailurePrescribes:     safety.RuleMedication,
	conv.FailureMethodDetails:  safety.RuleMethodDetail,
	conv.FailureClaimsHuman:    safety.RuleClaimsHuman,
	conv.FailureMisinformation: safety.RuleMisinformation,
}

type config struct {
	opt        safety.GuardClfTrainOptions
	maxFPR     float64
	minThr     float64
	minGain    float64
	seedPairs  int
	seedWeight float64
	sentences  string
	// crisisWeight multiplies the crisis rules' recall gains in the
	// threshold search.
	crisisWeight float64
	// misinfoFPR is misinformation's own false-positive budget, on top
	// of maxFPR.
	misinfoFPR float64
}

func main() {
	files := flag.String("files", defaultFiles, "comma-separated guard case files (JSONL), one source each")
	out := flag.String("out", "guard_clf.bin", "weights file to write")
	bits := flag.Uint("bits", 16, "hashed feature rows are 2^bits")
	epochs := flag.Int("epochs", 8, "passes over the training data")
	rate := flag.Float64("rate", 0.1, "AdaGrad learning rate")
	l2 := flag.Float64("l2", 1e-3, "L2 strength")
	maxFPR := flag.Float64("max-fpr", 0.02, "largest share of held-out clean replies the classifier may flag")
	minThr := flag.Float64("min-threshold", 0.5, "lowest threshold considered")
	minGain := flag.Float64("min-gain", 0.6, "smallest recall gained per false positive (plus one half) for lowering a threshold")
	seedPairs := flag.Int("seed-pairs", 3000, "seed preference pairs to generate (0: none)")
	posWeight := flag.Float64("pos-weight", 5, "largest class-balance weight of a positive")
	seedWeight := flag.Float64("seed-weight", 0.25, "weight of a seed reply relative to a written one")
	crisisWeight := flag.Float64("crisis-weight", 2, "value of a caught method detail or encouragement relative to other rules when choosing thresholds")
	misinfoFPR := flag.Float64("misinfo-max-fpr", 0.01, "misinformation's own share of held-out clean replies it may flag, spent after the other rules' -max-fpr")
	sentences := flag.String("sentences", "../data/testdata/filters/misinfo_sentences.jsonl", "labelled misinformation sentences ({\"text\",\"misinfo\"} JSONL, data curation's set), one more source; empty: none")
	flag.Parse()
	cfg := config{
		opt:    safety.GuardClfTrainOptions{Bits: uint32(*bits), Epochs: *epochs, Rate: *rate, L2: *l2, Seed: 1, PosWeight: *posWeight},
		maxFPR: *maxFPR, minThr: *minThr, minGain: *minGain, seedPairs: *seedPairs, seedWeight: *seedWeight, sentences: *sentences, crisisWeight: *crisisWeight, misinfoFPR: *misinfoFPR,
	}
	if err := run(cfg, strings.Split(*files, ","), *out); err != nil {
		fmt.Fprintln(os.Stderr, "trainguard:", err)
		os.Exit(1)
	}
}

func run(cfg config, files []string, out string) error {
	p := safety.DefaultPolicy()
	off := false
	p.GuardClassifier = &off
	rulesOnly, err := safety.NewGuard(p, safety.ResourceURLs())
	if err != nil {
		return err
	}
	var cases []safety.GuardClfCase
	for _, f := range files {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		gc, err := safety.ReadGuardCasesFile(f)
		if err != nil {
			return err
		}
		src := strings.TrimSuffix(filepath.Base(f), ".jsonl")
		for i := range gc {
			c, reply := gc[i].Split()
			cases = append(cases, safety.GuardClfCase{Source: src, Conv: c, Reply: reply, Rules: gc[i].Violations})
		}
		fmt.Fprintf(os.Stderr, "trainguard: %s: %d cases\n", f, len(gc))
	}
	if cfg.sentences != "" {
		sc, err := sentenceCases(cfg.sentences)
		if err != nil {
			return err
		}
		cases = append(cases, sc...)
		fmt.Fprintf(os.Stderr, "trainguard: %s: %d sentences\n", cfg.sentences, len(sc))
	}
	cases = append(cases, seedCases(cfg.seedPairs, float32(cfg.seedWeight))...)
	fmt.Fprintf(os.Stderr, "trainguard: preparing %d replies\n", len(cases))
	bags := safety.PrepareGuardClf(rulesOnly, cfg.opt.Bits, cases)

	var sources []string
	seen := map[string]bool{}
	for _, b := range bags {
		if !seen[b.Source] {
			seen[b.Source] = true
			sources = append(sources, b.Source)
		}
	}
	held := make([][nRules]float32, len(bags))
	for _, s := range sources {
		var train []safety.GuardClfBag
		for _, b := range bags {
			if b.Source != s {
				train = append(train, b)
			}
		}
		fmt.Fprintf(os.Stderr, "trainguard: fold %s: training on %d replies\n", s, len(train))
		m := safety.TrainGuardClassifier(train, cfg.opt)
		for i := range bags {
			if bags[i].Source == s {
				held[i] = m.MaxScores(&bags[i])
			}
		}
	}
	thr := chooseThresholds(bags, held, cfg)
	report(os.Stdout, bags, held, thr, sources)

	fmt.Fprintf(os.Stderr, "trainguard: training the final model on %d replies\n", len(bags))
	m := safety.TrainGuardClassifier(bags, cfg.opt)
	m.SetThresholds(thr)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(out, buf.Bytes(), true); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trainguard: wrote %s (%d bytes)\n", out, buf.Len())
	return nil
}

// seedCases returns the seed pairs as training replies: each mapped
// rejected reply with its failure's rule, and every chosen reply clean.
func seedCases(n int, w float32) []safety.GuardClfCase {
	var out []safety.GuardClfCase
	for i := 0; i < n; i++ {
		pr := seed.Pair(1, i)
		if len(pr.Chosen) == 0 || len(pr.Rejected) == 0 {
			continue
		}
		c := &conv.Conversation{ID: pr.ID, Messages: pr.Prompt}
		chosen := pr.Chosen[0].Content
		out = append(out, safety.GuardClfCase{Source: "seed", Conv: c, Reply: chosen, Weight: w})
		var rules []string
		for _, code := range pr.Reasons {
			if r, ok := failureRules[code]; ok {
				rules = append(rules, r)
			}
		}
		if len(rules) == 0 {
			continue
		}
		shared, _ := safety.SplitGuardSentences(chosen)
		out = append(out, safety.GuardClfCase{Source: "seed", Conv: c, Reply: pr.Rejected[0].Content, Rules: rules, Clean: shared, Weight: w})
	}
	return out
}

// sentenceCases reads data curation's labelled misinformation sentences
// (one {"text", "misinfo"} object a line) as one-sentence replies: a false
// claim is a misinformation positive, a true statement (most are
// corrections of a myth) a clean reply.
func sentenceCases(path string) ([]safety.GuardClfCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []safety.GuardClfCase
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r struct {
			Text    string `json:"text"`
			Misinfo *bool  `json:"misinfo"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
		}
		if strings.TrimSpace(r.Text) == "" || r.Misinfo == nil {
			return nil, fmt.Errorf("%s:%d: text and misinfo are required", path, n+1)
		}
		c := safety.GuardClfCase{Source: "misinfo_sentences", Conv: &conv.Conversation{ID: fmt.Sprintf("ms-%d", n+1)}, Reply: r.Text}
		if *r.Misinfo {
			c.Rules = []string{safety.RuleMisinformation}
		}
		out = append(out, c)
	}
	return out, nil
}
