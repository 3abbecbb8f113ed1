// tend review: the clinicians' review app. serve runs the web app; user add
// creates accounts (the password is read from the terminal or stdin, never
// from a flag); task create builds a queue from a file or from logged
// conversations; export writes preference pairs or ratings; export-evalcases
// turns low-rated or flagged items into eval-suite cases.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/data"
	"github.com/tend-project/tend/review"
	"github.com/tend-project/tend/sources"
	"github.com/tend-project/tend/store"
)

// reviewScrub is the PII scrubber applied to everything reviewers see and
// everything imported into a queue. Links into the sources library (the
// bundled one plus --library files) are kept, so reviewers can check a
// reply's citations; the safety directory's crisis lines are always kept.
func reviewScrub(libraries []string) (func(string) string, error) {
	lib, err := sources.Load(false, libraries...)
	if err != nil {
		return nil, fmt.Errorf("sources library (for the scrubber's allowed links): %w", err)
	}
	urls := lib.URLs()
	lib.Close()
	s := data.NewScrubber(data.ScrubConfig{AllowURLs: urls})
	return func(text string) string { return s.Scrub(text, nil) }, nil
}

func newReviewCmd() *cobra.Command {
	var dsn string
	var libraries []string
	scrub := func() (func(string) string, error) { return reviewScrub(libraries) }
	cmd := &cobra.Command{
		Use:   "review",
		Short: "The clinicians' review app: queues, ratings, comparisons, rewrites, exports",
		Long: `Clinicians rate model replies (empathy, helpfulness, safety, clinical accuracy,
boundaries), flag problems, compare two replies blind and rewrite them; the
judgements export as TRL preference pairs for tend train dpo, as ratings, and
as new eval cases. State lives in SQLite (a file path) or PostgreSQL
(postgres://…), chosen with --db or TEND_REVIEW_DB.`,
	}
	cmd.PersistentFlags().StringVar(&dsn, "db", "", "database: a SQLite file path or postgres://… (default $TEND_REVIEW_DB or tend-review.db)")
	cmd.PersistentFlags().StringArrayVar(&libraries, "library", nil, "a team sources library whose links the PII scrubber keeps (repeatable)")
	open := func(ctx context.Context) (store.Store, error) {
		d := dsn
		if d == "" {
			d = os.Getenv("TEND_REVIEW_DB")
		}
		if d == "" {
			d = "tend-review.db"
		}
		return store.Open(ctx, d)
	}
	user := &cobra.Command{Use: "user", Short: "Manage review accounts"}
	user.AddCommand(newReviewUserAddCmd(open), newReviewUserListCmd(open))
	task := &cobra.Command{Use: "task", Short: "Manage review tasks"}
	task.AddCommand(newReviewTaskCreateCmd(open, scrub), newReviewTaskListCmd(open))
	cmd.AddCommand(newReviewServeCmd(open, scrub), user, task, newReviewExportCmd(open), newReviewEvalCasesCmd(open))
	return cmd
}

type openStore func(context.Context) (store.Store, error)

type scrubberFunc func() (func(string) string, error)

func newReviewServeCmd(open openStore, scrubber scrubberFunc) *cobra.Command {
	var listen string
	var insecure, trustProxy bool
	var strength int
	var maxUpload int64
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the review web app",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			host, _, err := net.SplitHostPort(listen)
			if err != nil {
				return fmt.Errorf("--listen %q: %w", listen, err)
			}
			if ip := net.ParseIP(host); insecure && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
				log.Warn("--insecure-cookies on a non-loopback address: session cookies will travel without TLS")
			}
			scrub, err := scrubber()
			if err != nil {
				return err
			}
			st, err := open(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			app, err := review.New(review.Config{Store: st, Scrub: scrub, InsecureCookies: insecure, TrustProxy: trustProxy,
				PairStrength: strength, MaxUploadBytes: maxUpload, Log: log})
			if err != nil {
				return err
			}
			srv := &http.Server{Addr: listen, Handler: app, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
				WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return err
			}
			scheme := "https (behind your TLS proxy)"
			if insecure {
				scheme = "http"
			}
			log.Info("tend review listening", "addr", ln.Addr().String(), "cookies", scheme)
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
				sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				return srv.Shutdown(sctx)
			}
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:8090", "address to listen on")
	f.BoolVar(&insecure, "insecure-cookies", false, "send session cookies without Secure, for plain http on localhost")
	f.BoolVar(&trustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For (only behind your own proxy)")
	f.IntVar(&strength, "pair-strength", 2, "default minimum strength (1 slight, 2 clear, 3 strong) for exported pairs")
	f.Int64Var(&maxUpload, "max-upload", 32<<20, "largest task file upload, bytes")
	return cmd
}

// readPassword reads a password: twice with echo off on a terminal, or the
// first line of stdin otherwise (for scripts).
func readPassword(cmd *cobra.Command) (string, error) {
	in := cmd.InOrStdin()
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(cmd.ErrOrStderr(), "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		fmt.Fprint(cmd.ErrOrStderr(), "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", fmt.Errorf("reading the password from stdin: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func newReviewUserAddCmd(open openStore) *cobra.Command {
	var name, role string
	cmd := &cobra.Command{
		Use:   "add --name NAME --role admin|reviewer",
		Short: "Add an account; the password is read from the terminal or stdin",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r := store.Role(role)
			if !r.Valid() {
				return fmt.Errorf("--role %q: want admin or reviewer", role)
			}
			pw, err := readPassword(cmd)
			if err != nil {
				return err
			}
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			u, err := review.AddUser(cmd.Context(), st, name, r, pw, 12, 0)
			if err != nil {
				return fmt.Errorf("add user %q: %w", name, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %s %q (id %d)\n", u.Role, u.Name, u.ID)
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "account name (required)")
	cmd.Flags().StringVar(&role, "role", "reviewer", "admin or reviewer")
	cmd.MarkFlagRequired("name")
	return cmd
}

func newReviewUserListCmd(open openStore) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List accounts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			us, err := st.ListUsers(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tROLE\tSTATUS\tCREATED")
			for _, u := range us {
				status := "active"
				if u.Disabled {
					status = "disabled"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Name, u.Role, status, u.CreatedAt.Format("2006-01-02"))
			}
			return tw.Flush()
		},
	}
}

func newReviewTaskCreateCmd(open openStore, scrubber scrubberFunc) *cobra.Command {
	var from, name, kind, format, modelA, modelB, admin, instructions string
	var k, limit int
	var since time.Duration
	cmd := &cobra.Command{
		Use:   "create --from FILE --kind rate|pairwise --k N",
		Short: "Create a review queue and assign every item to k reviewers",
		Long: `--from reads a JSONL file: eval outputs ({id, model, messages|prompt, response}),
plain records ({context, response} or {context, response_a, response_b}),
conversations such as curation's needs_review.jsonl, or TRL preference pairs.
--from conversations takes what tend serve logged in the last --since instead.
Every text is PII-scrubbed before it is stored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			scrub, err := scrubber()
			if err != nil {
				return err
			}
			st, err := open(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			creator, err := pickAdmin(ctx, st, admin)
			if err != nil {
				return err
			}
			tk := store.TaskKind(kind)
			var items []store.Item
			if from == "conversations" {
				var skipped int
				items, skipped, err = review.ConversationItems(ctx, st, time.Now().Add(-since), time.Time{}, limit, scrub)
				if err != nil {
					return err
				}
				if skipped > 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "skipped %d logged conversations without an assistant reply\n", skipped)
				}
				if len(items) == 0 {
					return fmt.Errorf("no logged conversations with a reply in the last %s", since)
				}
				if name == "" {
					name = "conversations " + time.Now().UTC().Format("2006-01-02 15:04")
				}
			} else {
				f, err := os.Open(from)
				if err != nil {
					return err
				}
				defer f.Close()
				items, err = review.ReadItems(f, from, review.ImportOptions{Kind: tk, Format: review.Format(format), Scrub: scrub, ModelA: modelA, ModelB: modelB})
				if err != nil {
					return err
				}
				if name == "" {
					name = strings.TrimSuffix(filepath.Base(from), filepath.Ext(from))
				}
			}
			t, n, err := review.CreateTask(ctx, st, review.NewTask{Name: name, Kind: tk, K: k, Instructions: instructions, CreatedBy: creator.ID, Items: items})
			if err != nil {
				return fmt.Errorf("create task %q: %w", name, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "task %d %q: %d items, %d assignments (k=%d)\n", t.ID, t.Name, len(items), n, t.K)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", `input JSONL file, or "conversations" for what tend serve logged (required)`)
	f.StringVar(&kind, "kind", "rate", "rate (score one reply) or pairwise (compare two)")
	f.IntVar(&k, "k", 2, "reviewers per item")
	f.StringVar(&name, "name", "", "task name (default: the file name)")
	f.StringVar(&format, "format", "auto", fmt.Sprintf("input format: %v", review.Formats))
	f.StringVar(&modelA, "model-a", "", "pairwise from eval outputs: the first model (when the file has more than two)")
	f.StringVar(&modelB, "model-b", "", "pairwise from eval outputs: the second model")
	f.StringVar(&admin, "admin", "", "admin account recorded as the creator (default: the only admin)")
	f.StringVar(&instructions, "instructions", "", "instructions shown to reviewers")
	f.DurationVar(&since, "since", 7*24*time.Hour, "with --from conversations: how far back")
	f.IntVar(&limit, "limit", 1000, "with --from conversations: at most this many")
	cmd.MarkFlagRequired("from")
	return cmd
}

func pickAdmin(ctx context.Context, st store.Store, name string) (store.User, error) {
	if name != "" {
		u, err := st.GetUserByName(ctx, name)
		if err != nil {
			return u, fmt.Errorf("--admin %q: %w", name, err)
		}
		if u.Role != store.RoleAdmin {
			return u, fmt.Errorf("--admin %q is a %s, not an admin", name, u.Role)
		}
		return u, nil
	}
	us, err := st.ListUsers(ctx)
	if err != nil {
		return store.User{}, err
	}
	var admins []store.User
	for _, u := range us {
		if u.Role == store.RoleAdmin && !u.Disabled {
			admins = append(admins, u)
		}
	}
	switch len(admins) {
	case 0:
		return store.User{}, errors.New("no admin account: add one with `tend review user add --role admin`")
	case 1:
		return admins[0], nil
	}
	return store.User{}, fmt.Errorf("%d admin accounts: choose one with --admin", len(admins))
}

func newReviewTaskListCmd(open openStore) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List tasks with their progress",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			ts, err := st.ListTasks(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tKIND\tK\tSUBMITTED")
			for _, t := range ts {
				ps, err := st.Progress(cmd.Context(), t.ID)
				if err != nil {
					return err
				}
				done, all := 0, 0
				for _, p := range ps {
					done, all = done+p.Done, all+p.Assigned
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d/%d\n", t.ID, t.Name, t.Kind, t.K, done, all)
			}
			return tw.Flush()
		},
	}
}

// findTask accepts a task ID or name.
func findTask(ctx context.Context, st store.Store, ref string) (*review.TaskData, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return review.LoadTask(ctx, st, id)
	}
	ts, err := st.ListTasks(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range ts {
		if strings.EqualFold(t.Name, ref) {
			return review.LoadTask(ctx, st, t.ID)
		}
	}
	return nil, fmt.Errorf("--task %q: %w", ref, store.ErrNotFound)
}

// writeOut writes an export atomically; "-" is stdout.
func writeOut(path string, force bool, write func(io.Writer) error) error {
	if path == "-" {
		return write(os.Stdout)
	}
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Abort()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

func newReviewExportCmd(open openStore) *cobra.Command {
	var task, out, format string
	var force, noChoices, noRewrites bool
	var minStrength int
	cmd := &cobra.Command{
		Use:   "export pairs|ratings --task ID|NAME --out FILE",
		Short: "Export preference pairs (TRL shape, for tend train dpo) or ratings (JSONL or CSV)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			d, err := findTask(cmd.Context(), st, task)
			if err != nil {
				return err
			}
			switch args[0] {
			case "pairs":
				if minStrength < 1 || minStrength > store.MaxStrength {
					return fmt.Errorf("--min-strength %d: want 1 to %d", minStrength, store.MaxStrength)
				}
				pairs, stats := review.PreferencePairs(d, review.PairOptions{MinStrength: minStrength, Choices: !noChoices, Rewrites: !noRewrites})
				if err := writeOut(out, force, func(w io.Writer) error { return review.WritePairs(w, pairs) }); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%d pairs (%d from choices, %d from rewrites) to %s\n", len(pairs), stats.FromChoices, stats.FromRewrites, out)
				for why, n := range stats.Skipped {
					fmt.Fprintf(cmd.ErrOrStderr(), "  skipped %d: %s\n", n, why)
				}
			case "ratings":
				recs := review.RatingRecords(d)
				write := func(w io.Writer) error { return review.WriteRatingsJSONL(w, recs) }
				switch format {
				case "csv":
					write = func(w io.Writer) error { return review.WriteRatingsCSV(w, recs) }
				case "jsonl":
				default:
					return fmt.Errorf("--format %q: want jsonl or csv", format)
				}
				if err := writeOut(out, force, write); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%d ratings to %s\n", len(recs), out)
			default:
				return fmt.Errorf("export %q: want pairs or ratings", args[0])
			}
			return st.AppendAudit(cmd.Context(), store.AuditEntry{Action: "export", Target: fmt.Sprintf("task:%d", d.Task.ID), Detail: args[0] + " (command line) to " + out})
		},
	}
	f := cmd.Flags()
	f.StringVar(&task, "task", "", "task ID or name (required)")
	f.StringVar(&out, "out", "", `output file, or "-" for stdout (required)`)
	f.BoolVar(&force, "force", false, "overwrite --out if it exists")
	f.StringVar(&format, "format", "jsonl", "ratings: jsonl or csv")
	f.IntVar(&minStrength, "min-strength", 2, "pairs: weakest choice that counts (1 slight, 2 clear, 3 strong)")
	f.BoolVar(&noChoices, "no-choices", false, "pairs: leave out pairs from pairwise choices")
	f.BoolVar(&noRewrites, "no-rewrites", false, "pairs: leave out pairs from rewrites")
	cmd.MarkFlagRequired("task")
	cmd.MarkFlagRequired("out")
	return cmd
}

func newReviewEvalCasesCmd(open openStore) *cobra.Command {
	var task, out string
	var force bool
	var maxMean float64
	var minFlags int
	cmd := &cobra.Command{
		Use:   "export-evalcases --task ID|NAME --out FILE",
		Short: "Turn low-rated or flagged items into eval-suite cases ({id, messages, expect})",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			d, err := findTask(cmd.Context(), st, task)
			if err != nil {
				return err
			}
			cases := review.EvalCases(d, review.EvalCaseOptions{MaxMean: maxMean, MinFlags: minFlags})
			if err := writeOut(out, force, func(w io.Writer) error { return review.WriteEvalCases(w, cases) }); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d eval cases from %d items to %s\n", len(cases), len(d.Items), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&task, "task", "", "task ID or name (required)")
	f.StringVar(&out, "out", "", `output file, or "-" for stdout (required)`)
	f.BoolVar(&force, "force", false, "overwrite --out if it exists")
	f.Float64Var(&maxMean, "max-mean", 2, "an item qualifies when any dimension's mean score is at or below this")
	f.IntVar(&minFlags, "min-flags", 1, "an item qualifies when at least this many reviewers flagged it")
	cmd.MarkFlagRequired("task")
	cmd.MarkFlagRequired("out")
	return cmd
}
