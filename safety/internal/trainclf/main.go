// Command trainclf fits the assessment classifier on the training split of
// the labelled suite and writes its weights (run by `go generate` in
// package safety). It prints dev-split precision and recall at a few
// thresholds so the threshold in assess.go can be chosen on dev, never on
// the test split.
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
	out := flag.String("out", "classifier.bin", "weights file to write")
	bits := flag.Uint("bits", 18, "hashed feature space is 2^bits")
	epochs := flag.Int("epochs", 30, "passes over the training split")
	l2 := flag.Float64("l2", 1e-4, "L2 regularisation")
	flag.Parse()
	if err := run(*suite, *out, uint32(*bits), *epochs, *l2); err != nil {
		fmt.Fprintln(os.Stderr, "trainclf:", err)
		os.Exit(1)
	}
}

func run(suitePath, out string, bits uint32, epochs int, l2 float64) error {
	cases, err := safety.ReadCasesFile(suitePath)
	if err != nil {
		return err
	}
	var train, dev []safety.TrainExample
	for _, c := range cases {
		for _, ex := range examples(c) {
			switch safety.SplitOf(c.ID) {
			case "train":
				train = append(train, ex)
			case "dev":
				dev = append(dev, ex)
			}
		}
	}
	clf := safety.TrainClassifier(train, bits, epochs, l2, 1)
	fmt.Fprintf(os.Stderr, "trained on %d examples, %d weights; dev %d examples\n", len(train), len(clf.Weights), len(dev))
	for _, th := range []float64{0.5, 0.7, 0.8, 0.85, 0.9, 0.95} {
		var tp, fp, fn int
		for _, ex := range dev {
			p := clf.ProbText(ex.Text) >= th
			switch {
			case p && ex.Risk:
				tp++
			case p:
				fp++
			case ex.Risk:
				fn++
			}
		}
		fmt.Fprintf(os.Stderr, "dev threshold %.2f: precision %.3f recall %.3f\n", th, ratio(tp, tp+fp), ratio(tp, tp+fn))
	}
	f, err := atomicfile.Create(out, true)
	if err != nil {
		return err
	}
	if _, err := clf.WriteTo(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// examples turns a case into per-message examples: the last user message
// carries the label; earlier user messages of multi-turn cases are skipped
// because their own level is not labelled.
func examples(c safety.Case) []safety.TrainExample {
	text := c.Text
	if text == "" {
		for i := len(c.Messages) - 1; i >= 0; i-- {
			if c.Messages[i].Role == "user" {
				text = c.Messages[i].Content
				break
			}
		}
	}
	return []safety.TrainExample{{Text: text, Risk: c.Level >= safety.LevelModerate && c.Subject != safety.SubjectGeneral}}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
