// tend data import and tend data export: bring conversation data in from
// the formats people already have (OpenAI chat, ShareGPT, Alpaca, CSV Q&A,
// ESConv, EmpatheticDialogues, preference pairs, and tend's sources library
// as psychoeducation passages) as tend JSONL, and write tend JSONL back out
// in those formats (all but the library, which is import-only). Both write atomically and never
// overwrite without --force; see docs/data-import.md.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data"
)

type importFlags struct {
	format, out, rejects, license, columns string
	skipInvalid, force, situation          bool
}

func newDataImportCmd() *cobra.Command {
	var fl importFlags
	cmd := &cobra.Command{
		Use:   "import [flags] IN... | --format library [LIBRARY.yaml...]",
		Short: "Import conversations or preference pairs from other formats into tend JSONL",
		Long: `Import reads one or more files in an external format and writes one tend
JSONL file. The format is detected from the extension and the first record,
or given with --format: ` + formatList() + `.
Files ending in .gz are decompressed.

--format library turns a sources library (YAML, detected by .yaml/.yml)
into one supportive psychoeducation reply per entry, ending with the page's
citation; with no input files it uses the library bundled with tend.

A malformed record stops the import with file:line: reason, and nothing is
written. With --skip-invalid such records go to a rejects file (one JSON
object per line with file, line, reason and raw) and the import continues.
Preference inputs produce preference-pair JSONL; conversation and preference
inputs cannot be mixed in one output.`,
		Example: `  tend data import --out data/chats.jsonl chats.jsonl sharegpt.json
  tend data import --format csv --columns question=body,answer=reply --license CC-BY-4.0 --out qa.jsonl qa.csv
  tend data import --skip-invalid --rejects bad.jsonl --out esconv.jsonl ESConv.json
  tend data import --format library --out library_sft.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && fl.format != string(data.FormatLibrary) {
				return fmt.Errorf("no input files (only --format library may omit them, to use the bundled library)")
			}
			return runImport(cmd.Context(), cmd.ErrOrStderr(), fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "", "input format (default: detect per file): "+formatList())
	f.StringVarP(&fl.out, "out", "o", "", "output tend JSONL file (required)")
	f.BoolVar(&fl.skipInvalid, "skip-invalid", false, "write malformed records to the rejects file and continue")
	f.StringVar(&fl.rejects, "rejects", "", "rejects file for --skip-invalid (default: OUT with .rejects.jsonl for its extension)")
	f.BoolVar(&fl.force, "force", false, "overwrite existing output files")
	f.StringVar(&fl.license, "license", "unknown", "licence recorded on every record (an SPDX id or a short statement)")
	f.StringVar(&fl.columns, "columns", "", "CSV column mapping, e.g. title=questionTitle,question=questionText,answer=answerText,topic=topic,id=")
	f.BoolVar(&fl.situation, "situation", false, "keep ESConv situation / EmpatheticDialogues prompt as a leading system message")
	cmd.MarkFlagRequired("out")
	cmd.RegisterFlagCompletionFunc("format", completeFormats)
	return cmd
}

func completeFormats(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	names := make([]string, len(data.Formats))
	for i, f := range data.Formats {
		names[i] = string(f)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// exportFormatList leaves out import-only formats (the sources library).
func exportFormatList() string {
	var names []string
	for _, f := range data.Formats {
		if !f.ImportOnly() {
			names = append(names, string(f))
		}
	}
	return strings.Join(names, ", ")
}

func formatList() string {
	names := make([]string, len(data.Formats))
	for i, f := range data.Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// input is one opened input file.
type input struct {
	name   string
	format data.Format
	r      *bufio.Reader
	close  func() error
	// bundled is the library shipped with tend, read without a file.
	bundled bool
}

func openInput(name string) (io.Reader, func() error, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	if !strings.HasSuffix(strings.ToLower(name), ".gz") {
		return f, f.Close, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return zr, func() error { zr.Close(); return f.Close() }, nil
}

// openInputs opens every file and settles its format before anything is
// written, so a wrong path or an undetectable file fails fast.
func openInputs(names []string, forced string) ([]*input, error) {
	var fixed data.Format
	if forced != "" {
		f, err := data.ParseFormat(forced)
		if err != nil {
			return nil, err
		}
		fixed = f
	}
	var ins []*input
	if len(names) == 0 && fixed == data.FormatLibrary {
		return []*input{{name: data.BundledLibraryName, format: fixed, bundled: true, close: func() error { return nil }}}, nil
	}
	for _, name := range names {
		r, closeFn, err := openInput(name)
		if err != nil {
			closeAll(ins)
			return nil, err
		}
		in := &input{name: name, format: fixed, r: data.NewBufferedReader(r), close: closeFn}
		ins = append(ins, in)
		if in.format == "" {
			if in.format, err = data.Detect(name, in.r); err != nil {
				closeAll(ins)
				return nil, err
			}
		}
		if in.format.Pairs() != ins[0].format.Pairs() {
			closeAll(ins)
			return nil, fmt.Errorf("%s is %s but %s is %s: conversations and preference pairs cannot go in one output",
				ins[0].name, ins[0].format, name, in.format)
		}
	}
	return ins, nil
}

func closeAll(ins []*input) {
	for _, in := range ins {
		in.close()
	}
}

// reject is one line of the rejects file.
type reject struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Raw    string `json:"raw"`
}

// importer holds the output side of one import run.
type importer struct {
	fl       importFlags
	opt      data.Options
	stderr   io.Writer
	rejects  *json.Encoder
	nRejects int
	lastTick time.Time
}

func runImport(ctx context.Context, stderr io.Writer, fl importFlags, args []string) error {
	cols, err := data.ParseColumns(fl.columns)
	if err != nil {
		return err
	}
	ins, err := openInputs(args, fl.format)
	if err != nil {
		return err
	}
	defer closeAll(ins)

	out, err := atomicfile.Create(fl.out, fl.force)
	if err != nil {
		return err
	}
	defer out.Abort()
	imp := &importer{fl: fl, stderr: stderr, lastTick: time.Now(),
		opt: data.Options{License: fl.license, Columns: cols, Situation: fl.situation}}
	var rejects *atomicfile.File
	if fl.skipInvalid {
		if fl.rejects == "" {
			fl.rejects = strings.TrimSuffix(fl.out, filepath.Ext(fl.out)) + ".rejects.jsonl"
		}
		if rejects, err = atomicfile.Create(fl.rejects, fl.force); err != nil {
			return err
		}
		defer rejects.Abort()
		imp.rejects = json.NewEncoder(rejects)
		imp.rejects.SetEscapeHTML(false)
	}

	total := 0
	if ins[0].format.Pairs() {
		w := conv.NewWriter[conv.PreferencePair](out)
		for _, in := range ins {
			n, err := importOne(ctx, imp, in, data.OpenPairs(in.r, in.name, imp.opt), w)
			if err != nil {
				return err
			}
			total += n
		}
		if err := w.Flush(); err != nil {
			return err
		}
	} else {
		w := conv.NewWriter[conv.Conversation](out)
		for _, in := range ins {
			var r data.Reader[conv.Conversation]
			if in.bundled {
				r, err = data.OpenBundledLibrary(imp.opt)
			} else {
				r, err = data.OpenConversations(in.r, in.name, in.format, imp.opt)
			}
			if err != nil {
				return err
			}
			n, err := importOne(ctx, imp, in, r, w)
			if err != nil {
				return err
			}
			total += n
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d records to %s\n", total, fl.out)
	if rejects != nil {
		if err := rejects.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %d rejected records to %s\n", imp.nRejects, fl.rejects)
	}
	return nil
}

// importOne copies one input to the writer and returns how many records it
// wrote. A bad record ends the import unless --skip-invalid is set and the
// reader can resume after it.
func importOne[T conv.Record](ctx context.Context, imp *importer, in *input, r data.Reader[T], w *conv.Writer[T]) (int, error) {
	n, rejected := 0, 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var le *conv.LineError
			if !imp.fl.skipInvalid || !errors.As(err, &le) || errors.Is(err, data.ErrStreamBroken) {
				return n, err
			}
			rejected++
			imp.nRejects++
			if err := imp.rejects.Encode(reject{le.File, le.Line, le.Err.Error(), strings.TrimRight(string(r.Raw()), "\r\n")}); err != nil {
				return n, err
			}
			continue
		}
		if err := w.Write(&rec); err != nil {
			return n, fmt.Errorf("%s: %w", in.name, err)
		}
		n++
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if time.Since(imp.lastTick) > 2*time.Second {
				imp.lastTick = time.Now()
				fmt.Fprintf(imp.stderr, "%s: %d records so far\n", in.name, n)
			}
		}
	}
	fmt.Fprintf(imp.stderr, "%s (%s): %d imported, %d rejected\n", in.name, in.format, n, rejected)
	return n, nil
}

type exportFlags struct {
	format, out, columns           string
	force, array, lines, skipUnfit bool
}

func newDataExportCmd() *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export --format F --out FILE IN.jsonl",
		Short: "Write tend JSONL out in another format (the inverse of import)",
		Long: `Export reads tend JSONL (conversations, or preference pairs for
--format preference) and writes it in an external format: ` + exportFormatList() + `.
JSON formats are written as a JSON array when OUT ends in .json and as JSONL
otherwise (override with --array or --lines). Labels a format cannot hold are
left out; a conversation whose shape it cannot hold (for example a long
dialogue as one-question CSV) stops the export, or is skipped and counted
with --skip-unfit.`,
		Example: `  tend data export --format sharegpt --out chats_sharegpt.json chats.jsonl
  tend data export --format preference --out pairs_trl.jsonl pairs.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), cmd.ErrOrStderr(), fl, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "", "output format (required): "+exportFormatList())
	f.StringVarP(&fl.out, "out", "o", "", "output file (required)")
	f.BoolVar(&fl.force, "force", false, "overwrite an existing output file")
	f.BoolVar(&fl.array, "array", false, "write a JSON array even if OUT does not end in .json")
	f.BoolVar(&fl.lines, "lines", false, "write JSONL even if OUT ends in .json")
	f.BoolVar(&fl.skipUnfit, "skip-unfit", false, "skip (and count) conversations the format cannot hold")
	f.StringVar(&fl.columns, "columns", "", "CSV column names, as for import --columns")
	cmd.MarkFlagRequired("format")
	cmd.MarkFlagRequired("out")
	cmd.RegisterFlagCompletionFunc("format", completeFormats)
	return cmd
}

func runExport(ctx context.Context, stderr io.Writer, fl exportFlags, in string) error {
	format, err := data.ParseFormat(fl.format)
	if err != nil {
		return err
	}
	if format.ImportOnly() {
		return fmt.Errorf("--format %s is import-only: a conversation is not a library entry (it has no page, title or publisher)", format)
	}
	cols, err := data.ParseColumns(fl.columns)
	if err != nil {
		return err
	}
	opt := data.ExportOptions{Columns: cols, Array: (strings.HasSuffix(fl.out, ".json") || fl.array) && !fl.lines}
	r, closeIn, err := openInput(in)
	if err != nil {
		return err
	}
	defer closeIn()
	out, err := atomicfile.Create(fl.out, fl.force)
	if err != nil {
		return err
	}
	defer out.Abort()
	var n, skipped int
	if format.Pairs() {
		n, skipped, err = exportAll(ctx, conv.NewReader[conv.PreferencePair](r, in), data.NewPairExporter(out, opt), fl.skipUnfit)
	} else {
		var e data.Exporter
		if e, err = data.NewExporter(out, format, opt); err != nil {
			return err
		}
		n, skipped, err = exportAll(ctx, conv.NewReader[conv.Conversation](r, in), e, fl.skipUnfit)
	}
	if err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d records to %s as %s", n, fl.out, format)
	if skipped > 0 {
		fmt.Fprintf(stderr, " (%d skipped: the format cannot hold them)", skipped)
	}
	fmt.Fprintln(stderr)
	return nil
}

type recordWriter[T conv.Record] interface {
	Write(*T) error
	Close() error
}

func exportAll[T conv.Record](ctx context.Context, r *conv.Reader[T], w recordWriter[T], skipUnfit bool) (n, skipped int, err error) {
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, skipped, err
		}
		if err := w.Write(&rec); err != nil {
			if skipUnfit && errors.Is(err, data.ErrNotRepresentable) {
				skipped++
				continue
			}
			return n, skipped, fmt.Errorf("%s:%d: %w", r.File(), r.Line(), err)
		}
		n++
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, skipped, err
			}
		}
	}
	return n, skipped, w.Close()
}
