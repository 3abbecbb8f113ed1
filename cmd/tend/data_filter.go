// tend data filter and tend data annotate: check texts against the content
// filters (misinformation, harmful advice, stigma), label conversation files
// with the trained annotator, and measure both on labelled sets. The
// pipeline runs the same filters and annotator inside tend data curate.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data"
)

func newDataFilterCmd() *cobra.Command {
	var eval []string
	var showErrors, classifier bool
	cmd := &cobra.Command{
		Use:   "filter [TEXT...] | --eval FILE",
		Short: "Check texts against the misinformation, harmful-advice and stigma filters, or measure them",
		Long: `Filter prints, for each TEXT, every rule it breaks with its reason code and
matching span (the same rejects tend data curate writes to rejects.jsonl).

With --eval FILE (JSONL of {"filter", "text", "flag"}) it prints precision and
recall per filter; --errors lists the misses and false alarms. With --classifier
it prints the misinformation classifier's precision and recall on the held-out
part of its embedded training sentences. See docs/data-filters.md.`,
		Example: "  tend data filter \"Vaccines cause autism.\"\n  tend data filter --eval data/testdata/filters/eval.jsonl --errors\n  tend data filter --classifier",
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if len(eval) == 0 && !classifier && len(args) == 0 {
				return errors.New("give TEXT to check, --eval FILE or --classifier")
			}
			for _, f := range eval {
				cases, err := data.ReadFilterCases(f)
				if err != nil {
					return err
				}
				scores, err := data.EvaluateFilters(cases)
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "%s: %d cases\n", f, len(cases))
				if err := data.WriteFilterScores(w, scores, showErrors); err != nil {
					return err
				}
			}
			if classifier {
				r, err := data.MisinfoHeldOut()
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "misinformation classifier, held-out sentences: %d (%d misinformation)\n", r.HeldOut, r.HeldOutPositive)
				fmt.Fprintf(w, "  classifier alone at %.2f  precision %.3f  recall %.3f\n", r.Threshold, r.Classifier.Precision(), r.Classifier.Recall())
				fmt.Fprintf(w, "  rules + classifier         precision %.3f  recall %.3f\n", r.Filter.Precision(), r.Filter.Recall())
			}
			if len(args) > 0 {
				return checkTexts(w, args)
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&eval, "eval", nil, "labelled JSONL to measure the filters on (repeatable)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "with --eval, list misses and false alarms")
	cmd.Flags().BoolVar(&classifier, "classifier", false, "measure the misinformation classifier on its held-out sentences")
	return cmd
}

func checkTexts(w io.Writer, texts []string) error {
	fs, err := data.ContentFilters()
	if err != nil {
		return err
	}
	for _, t := range texts {
		n := 0
		for _, name := range data.ContentFilterNames {
			for _, r := range fs[name].CheckText(t) {
				fmt.Fprintf(w, "%s\t%s\t%q\t%s\n", name, r.Code, r.Span, r.Reason)
				n++
			}
		}
		if n == 0 {
			fmt.Fprintf(w, "ok\t%q\n", t)
		}
	}
	return nil
}

func newDataAnnotateCmd() *cobra.Command {
	var handwritten []string
	var perLabel, classifierOnly, eval, force bool
	var out string
	var below float64
	cmd := &cobra.Command{
		Use:   "annotate IN... --out FILE | --eval [--set FILE]",
		Short: "Label conversations with the trained annotator, or measure it",
		Long: `Annotate labels tend JSONL conversations with the trained annotator (concerns,
severity, emotions, an ESConv strategy per assistant turn) and writes them to
FILE atomically (never over an existing file without --force). Labels a record
already has are kept; records labelled here carry labels.confidence, and the
number below --below is printed so they can be sent to review. The model is
trained from the bundled seed corpus on first use (a few seconds).

With --eval it prints macro-F1 and expected calibration error per head on the
seed corpus's test part and on each --set FILE of labelled tend conversations
(default: the hand-written set). --labels adds per-label precision, recall and
F1; --classifier-only switches the rule layer off. tend data curate runs the
same annotator; see docs/data-annotate.md.`,
		Example: "  tend data annotate chats.jsonl --out labelled.jsonl\n  tend data annotate --eval\n  tend data annotate --eval --labels --set data/testdata/annotate/handwritten.jsonl",
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if !eval && (len(args) == 0 || out == "") {
				return errors.New("give IN... --out FILE, or --eval")
			}
			fmt.Fprintln(cmd.ErrOrStderr(), "annotate: training on the seed corpus...")
			m, err := data.DefaultAnnotModel()
			if err != nil {
				return err
			}
			m.Rules = !classifierOnly
			if !eval {
				return annotateFiles(cmd.ErrOrStderr(), args, out, force, below)
			}
			r, err := data.EvaluateSeedTest(m)
			if err != nil {
				return err
			}
			if err := r.Write(w, perLabel); err != nil {
				return err
			}
			if seedTest, err := data.SeedTestConversations(); err == nil {
				d, l := data.EvaluateDetectConcerns(seedTest)
				fmt.Fprintf(w, "concerns of user turns: %s macro-F1 %.3f, %s %.3f\n", d.Head, d.MacroF1(), l.Head, l.MacroF1())
			}
			for _, f := range handwritten {
				fh, err := os.Open(f)
				if err != nil {
					return err
				}
				cs, err := data.ReadLabelled(fh, f)
				fh.Close()
				if err != nil {
					return err
				}
				fmt.Fprintln(w)
				if err := data.EvaluateAnnotator(m, f, cs).Write(w, perLabel); err != nil {
					return err
				}
				d, l := data.EvaluateDetectConcerns(cs)
				fmt.Fprintf(w, "concerns of user turns: %s macro-F1 %.3f, %s %.3f\n", d.Head, d.MacroF1(), l.Head, l.MacroF1())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&eval, "eval", false, "measure the annotator instead of labelling files")
	cmd.Flags().StringVar(&out, "out", "", "labelled JSONL to write")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	cmd.Flags().Float64Var(&below, "below", 0.5, "count records labelled here with confidence below this")
	cmd.Flags().StringArrayVar(&handwritten, "set", []string{"data/testdata/annotate/handwritten.jsonl"}, "with --eval, labelled tend JSONL to score (repeatable)")
	cmd.Flags().BoolVar(&perLabel, "labels", false, "with --eval, print per-label precision, recall and F1")
	cmd.Flags().BoolVar(&classifierOnly, "classifier-only", false, "without the rule layer")
	return cmd
}

// annotateFiles labels every conversation of ins into out.
func annotateFiles(stderr io.Writer, ins []string, out string, force bool, below float64) error {
	a, err := data.NewModelAnnotator()
	if err != nil {
		return err
	}
	f, err := atomicfile.Create(out, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	cw := conv.NewWriter[conv.Conversation](f)
	n, labelled, low := 0, 0, 0
	for _, in := range ins {
		fh, err := os.Open(in)
		if err != nil {
			return err
		}
		r := conv.NewReader[conv.Conversation](fh, in)
		for {
			c, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				fh.Close()
				return err
			}
			had := c.Labels.Confidence == nil && (len(c.Labels.Concerns) > 0 || c.Labels.Severity != nil)
			l, conf := a.Annotate(&c)
			c.Labels = l
			if !had {
				labelled++
				if conf < below {
					low++
				}
			}
			if err := cw.Write(&c); err != nil {
				fh.Close()
				return err
			}
			if n++; n%1000 == 0 {
				fmt.Fprintf(stderr, "\rannotate: %d conversations", n)
			}
		}
		fh.Close()
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	if err := f.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "\rannotate: %d conversations, %d labelled here, %d with confidence below %.2f; wrote %s\n", n, labelled, low, below, out)
	return nil
}
