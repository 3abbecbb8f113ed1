// tend sources: the library of authoritative pages. Search it, add to it,
// import a team's documents into it, measure retrieval on labelled queries,
// and find entries that are due for review or whose links have broken.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/sources"
)

// sourcesFlags are shared by every sources subcommand.
type sourcesFlags struct {
	libraries []string
	noBundled bool
}

func (f *sourcesFlags) load() (*sources.Library, error) {
	if f.noBundled && len(f.libraries) == 0 {
		return nil, errors.New("--no-bundled needs at least one --library")
	}
	return sources.Load(f.noBundled, f.libraries...)
}

func newSourcesCmd() *cobra.Command {
	var sf sourcesFlags
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Search and maintain the library of authoritative pages",
		Long: `The library holds the pages tend may cite: the bundled set written by the tend
authors plus any library files a team adds with --library. Replies can only
link to URLs in the library.`,
	}
	cmd.PersistentFlags().StringArrayVar(&sf.libraries, "library", nil, "a team library file merged with the bundled one (repeatable)")
	cmd.PersistentFlags().BoolVar(&sf.noBundled, "no-bundled", false, "use only the --library files, not the bundled library")
	cmd.AddCommand(
		newSourcesSearchCmd(&sf),
		newSourcesListCmd(&sf),
		newSourcesAddCmd(&sf),
		newSourcesImportCmd(&sf),
		newSourcesEvalCmd(&sf),
		newSourcesCheckCmd(&sf),
	)
	return cmd
}

func parseConcerns(ss []string) ([]conv.Concern, error) {
	var out []conv.Concern
	for _, s := range ss {
		for _, p := range strings.Split(s, ",") {
			c := conv.Concern(strings.TrimSpace(p))
			if !c.Valid() {
				return nil, fmt.Errorf("unknown concern %q (see conv.Concerns: stress, anxiety, depression, grief, ...)", c)
			}
			out = append(out, c)
		}
	}
	return out, nil
}

func newSourcesSearchCmd(sf *sourcesFlags) *cobra.Command {
	var concerns []string
	var locale string
	var k int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   `search "QUERY"`,
		Short: "Rank library entries for a query (BM25)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := parseConcerns(concerns)
			if err != nil {
				return err
			}
			lib, err := sf.load()
			if err != nil {
				return err
			}
			hits, err := lib.SearchContext(cmd.Context(), strings.Join(args, " "), sources.Filter{Concerns: cs, Locale: locale}, k)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				type row struct {
					Rank  int     `json:"rank"`
					Score float64 `json:"score"`
					sources.Entry
				}
				enc := json.NewEncoder(out)
				for i, h := range hits {
					if err := enc.Encode(row{i + 1, h.Score, *h.Entry}); err != nil {
						return err
					}
				}
				return nil
			}
			if len(hits) == 0 {
				fmt.Fprintln(out, "no matching entries")
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RANK\tSCORE\tID\tLOCALE\tORGANISATION\tTITLE\tURL")
			for i, h := range hits {
				e := h.Entry
				fmt.Fprintf(tw, "%d\t%.3f\t%s\t%s\t%s\t%s\t%s\n", i+1, h.Score, e.ID, e.Locale, e.Organisation, e.Title, e.URL)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringArrayVar(&concerns, "concern", nil, "only entries on this concern (repeatable or comma-separated)")
	cmd.Flags().StringVar(&locale, "locale", "", "only entries for this locale, its language, or global (e.g. en-GB)")
	cmd.Flags().IntVarP(&k, "k", "k", 5, "number of results")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines instead of a table")
	return cmd
}

func newSourcesListCmd(sf *sourcesFlags) *cobra.Command {
	var concerns []string
	var urlsOnly bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List library entries, or with --urls the allow-list the output guard enforces",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := parseConcerns(concerns)
			if err != nil {
				return err
			}
			lib, err := sf.load()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if urlsOnly {
				for _, u := range lib.URLs() {
					fmt.Fprintln(out, u)
				}
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTOPICS\tLOCALE\tVERIFIED\tORGANISATION\tTITLE")
			for _, e := range lib.Entries() {
				if len(cs) > 0 && !hasAny(&e, cs) {
					continue
				}
				ts := make([]string, len(e.Topics))
				for i, t := range e.Topics {
					ts[i] = string(t)
				}
				v := e.LastVerified
				if v == "" {
					v = "never"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, strings.Join(ts, ","), e.Locale, v, e.Organisation, e.Title)
			}
			fmt.Fprintf(tw, "\n%d entries, library %s\n", lib.Len(), lib.Version())
			return tw.Flush()
		},
	}
	cmd.Flags().StringArrayVar(&concerns, "concern", nil, "only entries on this concern")
	cmd.Flags().BoolVar(&urlsOnly, "urls", false, "print only the distinct URLs, one per line")
	return cmd
}

func hasAny(e *sources.Entry, cs []conv.Concern) bool {
	for _, c := range cs {
		if e.HasTopic(c) {
			return true
		}
	}
	return false
}

func newSourcesAddCmd(sf *sourcesFlags) *cobra.Command {
	var e sources.Entry
	var topics []string
	var verifiedOn string
	var verifiedToday bool
	cmd := &cobra.Command{
		Use:   "add --library FILE --id ID --organisation ORG --title T --url URL --topic C --locale L --summary S",
		Short: "Append one entry to a team library file (created if missing)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(sf.libraries) != 1 {
				return errors.New("add needs exactly one --library FILE to append to")
			}
			path := sf.libraries[0]
			cs, err := parseConcerns(topics)
			if err != nil {
				return err
			}
			e.Topics = cs
			if verifiedToday {
				verifiedOn = sources.Today(time.Now())
			}
			e.LastVerified, e.Verified = verifiedOn, verifiedOn != ""
			// Check against everything else in use: the bundled library and
			// the file as it stands.
			var others []*sources.Library
			if !sf.noBundled {
				b, err := sources.Bundled()
				if err != nil {
					return err
				}
				others = append(others, b)
			}
			if err := sources.AppendEntry(path, e, others...); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %s to %s\n", e.ID, path)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&e.ID, "id", "", "entry id (lower case, digits, . _ -)")
	f.StringVar(&e.Organisation, "organisation", "", "publishing organisation")
	f.StringVar(&e.Title, "title", "", "page title, as the publisher gives it")
	f.StringVar(&e.URL, "url", "", "page URL")
	f.StringArrayVar(&topics, "topic", nil, "concern the page covers (repeatable or comma-separated)")
	f.StringVar(&e.Locale, "locale", "", "en-US, en-GB, en-AU, ..., or global")
	f.StringVar(&e.Summary, "summary", "", "two to four sentences in your own words")
	f.StringArrayVar(&e.Keywords, "keyword", nil, "a phrase people use for the topic (repeatable)")
	f.StringVar(&verifiedOn, "verified-on", "", "date the URL and title were checked (YYYY-MM-DD)")
	f.BoolVar(&verifiedToday, "verified", false, "mark as checked today")
	return cmd
}

func newSourcesImportCmd(sf *sourcesFlags) *cobra.Command {
	var opt sources.ImportOptions
	var topics []string
	var out, version string
	var force bool
	cmd := &cobra.Command{
		Use:   "import PATH --out FILE",
		Short: "Chunk a Markdown/HTML document or folder into a library file",
		Long: `Each document becomes entries of about --chunk-words words that keep the
document's title, source URL and chunk index. The URL comes from front matter
(url:, source_url: or canonical_url:), <link rel="canonical">, --url (single
file) or --base-url plus the file's path (folder). Front matter may also set
title, organisation, topics, locale, last_verified and keywords.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out FILE is required")
			}
			cs, err := parseConcerns(topics)
			if err != nil {
				return err
			}
			opt.Topics = cs
			st, err := os.Stat(args[0])
			if err != nil {
				return err
			}
			var entries []sources.Entry
			if st.IsDir() {
				if opt.URL != "" {
					return errors.New("--url names one document; for a folder use --base-url")
				}
				entries, err = sources.ImportDir(os.DirFS(args[0]), opt)
			} else {
				var data []byte
				if data, err = os.ReadFile(args[0]); err == nil {
					entries, err = sources.ImportDoc(args[0], data, opt)
				}
			}
			if err != nil {
				return err
			}
			file := &sources.File{Name: out, Version: version, Entries: entries}
			// The new file must merge cleanly with the libraries it will be
			// used alongside.
			var files []*sources.File
			if !sf.noBundled {
				b, err := sources.BundledFile()
				if err != nil {
					return err
				}
				files = append(files, b)
			}
			for _, p := range sf.libraries {
				f, err := sources.ReadFile(p)
				if err != nil {
					return err
				}
				files = append(files, f)
			}
			if _, err := sources.New(append(files, file)...); err != nil {
				return err
			}
			if err := sources.WriteFile(out, file, force); err != nil {
				return err
			}
			docs := map[string]bool{}
			for _, e := range entries {
				docs[e.URL] = true
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d passages from %d documents to %s\n", len(entries), len(docs), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "library file to write")
	f.BoolVar(&force, "force", false, "overwrite --out if it exists")
	f.StringVar(&version, "version", "1", "version recorded in the new library file")
	f.StringVar(&opt.URL, "url", "", "source URL for a single document that does not name one")
	f.StringVar(&opt.BaseURL, "base-url", "", "for a folder: URL prefix for documents that do not name one")
	f.StringVar(&opt.Organisation, "organisation", "", "organisation, unless the document names one")
	f.StringArrayVar(&topics, "topic", nil, "concern, unless the document lists topics (repeatable)")
	f.StringVar(&opt.Locale, "locale", "", "locale, unless the document names one (default global)")
	f.StringVar(&opt.LastVerified, "verified-on", "", "review date for documents without last_verified (YYYY-MM-DD)")
	f.IntVar(&opt.ChunkWords, "chunk-words", sources.DefaultChunkWords, "target passage length in words")
	f.StringVar(&opt.IDPrefix, "id-prefix", "", "prefix for entry ids, e.g. acme-")
	return cmd
}

func newSourcesEvalCmd(sf *sourcesFlags) *cobra.Command {
	var k int
	var useConcern, showMisses bool
	cmd := &cobra.Command{
		Use:   "eval QUERIES.jsonl",
		Short: "Report the top-k hit rate on labelled queries",
		Long: `Each line is {"query": "...", "concern": "...", "want": ["entry-id", ...]}.
A query is a hit when one of its wanted entries is in the top k.
The bundled set is sources/testdata/queries.jsonl.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			qs, err := sources.ReadQueries(f, args[0])
			if err != nil {
				return err
			}
			lib, err := sf.load()
			if err != nil {
				return err
			}
			res, err := lib.Evaluate(qs, sources.EvalOptions{K: k, UseConcern: useConcern})
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return printEval(cmd.OutOrStdout(), res, useConcern, showMisses)
		},
	}
	cmd.Flags().IntVarP(&k, "k", "k", 3, "cut-off rank")
	cmd.Flags().BoolVar(&useConcern, "use-concern", false, "filter each search by the query's labelled concern")
	cmd.Flags().BoolVar(&showMisses, "misses", false, "list the queries that missed")
	return cmd
}

func printEval(w io.Writer, res sources.EvalResult, useConcern, showMisses bool) error {
	mode := "no filter"
	if useConcern {
		mode = "filtered by labelled concern"
	}
	fmt.Fprintf(w, "queries      %d\n", res.N)
	fmt.Fprintf(w, "top-%d hits   %d\n", res.K, res.Hits)
	fmt.Fprintf(w, "hit rate     %.3f (%s)\n", res.HitRate, mode)
	fmt.Fprintf(w, "MRR@%d        %.3f\n", res.K, res.MRR)
	if showMisses {
		for _, m := range res.Misses {
			fmt.Fprintf(w, "miss  line %d  %q  got [%s]  want one of [%s]\n", m.Query.Line, m.Query.Query,
				strings.Join(m.Got, " "), strings.Join(m.Query.Want, " "))
		}
	}
	return nil
}

// errNeedsReview makes `tend sources check` exit non-zero when it lists
// anything, so it can gate a CI job.
var errNeedsReview = errors.New("library needs review")

func newSourcesCheckCmd(sf *sourcesFlags) *cobra.Command {
	var maxAge string
	var online bool
	var timeout time.Duration
	var concurrency int
	cmd := &cobra.Command{
		Use:   "check [--max-age 365d] [--online]",
		Short: "List entries past their review age and, with --online, broken links",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			age, err := sources.ParseAge(maxAge)
			if err != nil {
				return err
			}
			lib, err := sf.load()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			problems := 0
			stale := lib.Stale(time.Now(), age)
			fmt.Fprintf(out, "%d of %d entries are past a review age of %s\n", len(stale), lib.Len(), maxAge)
			if len(stale) > 0 {
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tLAST VERIFIED\tAGE (DAYS)\tURL")
				for _, s := range stale {
					days := "-"
					if !s.Never {
						days = fmt.Sprint(int(s.Age.Hours() / 24))
					}
					v := s.Entry.LastVerified
					if v == "" {
						v = "never"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Entry.ID, v, days, s.Entry.URL)
				}
				tw.Flush()
				problems += len(stale)
			}
			if online {
				stderr := cmd.ErrOrStderr()
				res := lib.CheckLinks(cmd.Context(), sources.CheckOptions{
					Timeout: timeout, Concurrency: concurrency,
					Progress: func(done, total int) { fmt.Fprintf(stderr, "\rchecking links %d/%d", done, total) },
				})
				fmt.Fprintln(stderr)
				var bad []sources.LinkResult
				for _, r := range res {
					if !r.OK() {
						bad = append(bad, r)
					}
				}
				fmt.Fprintf(out, "\n%d of %d URLs did not answer 2xx/3xx\n", len(bad), len(res))
				if len(bad) > 0 {
					tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "STATUS\tURL\tENTRIES\tERROR")
					for _, r := range bad {
						msg := ""
						if r.Err != nil {
							msg = r.Err.Error()
						}
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.Status, r.URL, strings.Join(r.IDs, ","), msg)
					}
					tw.Flush()
				}
				problems += len(bad)
			}
			if problems > 0 {
				return fmt.Errorf("%w: %d item(s) listed above", errNeedsReview, problems)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&maxAge, "max-age", "365d", "review age, e.g. 365d, 26w or 4380h")
	cmd.Flags().BoolVar(&online, "online", false, "also request every URL (HEAD, then GET) and list those that fail")
	cmd.Flags().DurationVar(&timeout, "timeout", 15*time.Second, "per-URL timeout for --online")
	cmd.Flags().IntVar(&concurrency, "concurrency", 8, "URLs checked at once for --online")
	return cmd
}
