// Command trainclf fits the two assessment classifiers, P(moderate or
// higher) and P(high or imminent), and writes their weights (run by `go
// generate` in package safety). Training data: the train and dev splits of
// the labelled suite (the test split is held out), testdata/train_extra.jsonl
// (varied phrasings written for the classifier) and testdata/train_seed.jsonl
// (user turns of the seed corpus). It prints precision and recall on the blind
// dev set (testdata/devblind.jsonl) at a range of thresholds so the
// operating points in assess.go can be chosen there, for recall.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/safety"
)

func main() {
	suite := flag.String("suite", "testdata/suite.jsonl", "labelled suite (JSONL)")
	extra := flag.String("extra", "testdata/train_extra.jsonl,testdata/train_seed.jsonl", "comma-separated extra training sets (case JSONL)")
	dev := flag.String("dev", "testdata/devblind.jsonl", "dev set for choosing thresholds")
	out := flag.String("out", "classifier.bin", "P(moderate+) weights file to write")
	outHigh := flag.String("out-high", "classifier_high.bin", "P(high+) weights file to write")
	bits := flag.Uint("bits", 18, "hashed feature space is 2^bits")
	epochs := flag.Int("epochs", 10, "passes over the training data")
	l2 := flag.Float64("l2", 1e-2, "L2 regularisation")
	flag.Parse()
	if err := run(*suite, *extra, *dev, *out, *outHigh, uint32(*bits), *epochs, *l2); err != nil {
		fmt.Fprintln(os.Stderr, "trainclf:", err)
		os.Exit(1)
	}
}

type labelled struct {
	text    string
	mod, hi bool
}

func load(path string, holdTest bool) ([]labelled, error) {
	cases, err := safety.ReadCasesFile(path)
	if err != nil {
		return nil, err
	}
	var out []labelled
	for _, c := range cases {
		if holdTest && safety.SplitOf(c.ID) == "test" {
			continue
		}
		out = append(out, example(c))
	}
	return out, nil
}

func run(suitePath, extra, devPath, out, outHigh string, bits uint32, epochs int, l2 float64) error {
	train, err := load(suitePath, true)
	if err != nil {
		return err
	}
	for _, p := range splitComma(extra) {
		ex, err := load(p, false)
		if err != nil {
			return err
		}
		train = append(train, ex...)
	}
	dev, err := load(devPath, false)
	if err != nil {
		return err
	}
	var mod, hi []safety.TrainExample
	for _, e := range train {
		mod = append(mod, safety.TrainExample{Text: e.text, Risk: e.mod})
		hi = append(hi, safety.TrainExample{Text: e.text, Risk: e.hi})
	}
	fmt.Fprintf(os.Stderr, "training on %d examples (%d moderate+, %d high+)\n", len(train), count(mod), count(hi))
	cm := safety.TrainClassifier(mod, bits, true, epochs, l2, 1)
	ch := safety.TrainClassifier(hi, bits, true, epochs, l2, 2)
	report("moderate+", cm, dev, func(l labelled) bool { return l.mod })
	report("high+", ch, dev, func(l labelled) bool { return l.hi })
	for _, w := range []struct {
		path string
		c    *safety.Classifier
	}{{out, cm}, {outHigh, ch}} {
		f, err := atomicfile.Create(w.path, true)
		if err != nil {
			return err
		}
		if _, err := w.c.WriteTo(f); err != nil {
			f.Abort()
			return err
		}
		if err := f.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func report(name string, c *safety.Classifier, dev []labelled, gold func(labelled) bool) {
	fmt.Fprintf(os.Stderr, "%s head: %d weights\n", name, len(c.Weights))
	for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
		var tp, fp, fn, neg int
		for _, ex := range dev {
			p := c.ProbText(ex.text) >= th
			g := gold(ex)
			if !g {
				neg++
			}
			switch {
			case p && g:
				tp++
			case p:
				fp++
			case g:
				fn++
			}
		}
		fmt.Fprintf(os.Stderr, "  dev threshold %.2f: precision %.3f recall %.3f fpr %.3f\n", th, ratio(tp, tp+fp), ratio(tp, tp+fn), ratio(fp, neg))
	}
}

// example turns a case into one example: the last user message carries the
// label (earlier turns of multi-turn cases are not labelled on their own).
// Risk to someone else and general questions are negatives: the classifier
// speaks for the writer only.
func example(c safety.Case) labelled {
	text := c.Text
	if text == "" {
		for i := len(c.Messages) - 1; i >= 0; i-- {
			if c.Messages[i].Role == "user" {
				text = c.Messages[i].Content
				break
			}
		}
	}
	self := c.Subject != safety.SubjectGeneral && c.Subject != safety.SubjectThirdParty
	return labelled{text: text, mod: self && c.Level >= safety.LevelModerate, hi: self && c.Level >= safety.LevelHigh}
}

func count(ex []safety.TrainExample) int {
	n := 0
	for _, e := range ex {
		if e.Risk {
			n++
		}
	}
	return n
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
