// Tests of the generated corpus as a whole: determinism, counts, coverage,
// validity, label truth, safe crisis handling and diversity. The default
// corpus (5,000 + 5,000) is generated once and shared; it takes about a
// second.
package seed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tend-project/tend/conv"
)

type corpus struct {
	convs []*conv.Conversation
	pairs []*conv.PreferencePair
	stats Stats
}

var (
	fullOnce sync.Once
	full     corpus
	fullErr  error
)

// defaultCorpus generates the bundled corpus once per test binary.
func defaultCorpus(t testing.TB) corpus {
	t.Helper()
	fullOnce.Do(func() { full, fullErr = generate(DefaultConfig()) })
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	return full
}

func generate(cfg Config) (corpus, error) {
	var c corpus
	st, err := Generate(cfg,
		func(x *conv.Conversation) error { c.convs = append(c.convs, x); return nil },
		func(p *conv.PreferencePair) error { c.pairs = append(c.pairs, p); return nil })
	c.stats = st
	return c, err
}

// jsonl renders what `tend data seed` would write.
func jsonl(t *testing.T, cfg Config) []byte {
	t.Helper()
	var buf bytes.Buffer
	cw := conv.NewWriter[conv.Conversation](&buf)
	pw := conv.NewWriter[conv.PreferencePair](&buf)
	if _, err := Generate(cfg, cw.Write, pw.Write); err != nil {
		t.Fatal(err)
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := pw.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Seed: 42, Conversations: 300, Pairs: 300}
	a, b := jsonl(t, cfg), jsonl(t, cfg)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different output")
	}
	cfg.Seed = 43
	if c := jsonl(t, cfg); bytes.Equal(a, c) {
		t.Fatal("seeds 42 and 43 gave identical output")
	}
	// Record i does not depend on how many records are requested.
	small := Config{Seed: 42, Conversations: 50}
	s, err := generate(small)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range s.convs {
		if got := Conversation(42, i); got.Messages[len(got.Messages)-1] != c.Messages[len(c.Messages)-1] {
			t.Fatalf("conversation %d differs between a run of 50 and a direct call", i)
		}
	}
}

func TestCountsAndValidity(t *testing.T) {
	for _, cfg := range []Config{{Seed: 7, Conversations: 1000, Pairs: 1000}, {Seed: 7}, {Seed: 1, Conversations: 3, Pairs: 17}} {
		c, err := generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.convs) != cfg.Conversations || c.stats.Conversations != cfg.Conversations {
			t.Errorf("%+v: %d conversations (stats %d), want %d", cfg, len(c.convs), c.stats.Conversations, cfg.Conversations)
		}
		if len(c.pairs) != cfg.Pairs || c.stats.Pairs != cfg.Pairs {
			t.Errorf("%+v: %d pairs (stats %d), want %d", cfg, len(c.pairs), c.stats.Pairs, cfg.Pairs)
		}
		ids := map[string]bool{}
		for _, x := range c.convs {
			if err := x.Validate(); err != nil {
				t.Fatalf("%s: %v", x.ID, err)
			}
			if ids[x.ID] {
				t.Fatalf("duplicate id %s", x.ID)
			}
			ids[x.ID] = true
			if x.Source != Source || x.License != License || x.Split != conv.SplitNone {
				t.Fatalf("%s: source %q license %q split %q", x.ID, x.Source, x.License, x.Split)
			}
		}
		for _, p := range c.pairs {
			if err := p.Validate(); err != nil {
				t.Fatalf("%s: %v", p.ID, err)
			}
			if len(p.Reasons) != 1 || p.Annotator != Annotator || p.Source != Source || p.License != License {
				t.Fatalf("%s: reasons %v annotator %q source %q license %q", p.ID, p.Reasons, p.Annotator, p.Source, p.License)
			}
		}
	}
	if _, err := Generate(Config{Conversations: -1}, nil, nil); err == nil {
		t.Error("negative count accepted")
	}
}

func TestCoverage(t *testing.T) {
	c := defaultCorpus(t)
	type cell struct {
		c conv.Concern
		s conv.Severity
	}
	seen := map[cell]int{}
	for _, x := range c.convs {
		for _, k := range x.Labels.Concerns {
			seen[cell{k, *x.Labels.Severity}]++
		}
	}
	for _, b := range banks() {
		want := []conv.Severity{0, 1, 2, 3}
		if b.Escalates {
			want = append(want, 4)
		}
		if b.Concern == conv.ConcernCrisis {
			want = []conv.Severity{0, 2, 3, 4}
		}
		for _, s := range want {
			if seen[cell{b.Concern, s}] == 0 {
				t.Errorf("no conversation for %s at severity %d", b.Concern, s)
			}
		}
	}
	for _, f := range conv.Failures {
		if got := c.stats.PerFailure[f]; got != len(c.pairs)/len(conv.Failures) {
			t.Errorf("failure %s: %d pairs, want %d (balanced)", f, got, len(c.pairs)/len(conv.Failures))
		}
	}
	for _, s := range conv.Strategies {
		if s == conv.StrategySelfDisclose {
			continue // never produced; see the package doc
		}
		if c.stats.PerStrategy[s] == 0 {
			t.Errorf("strategy %q never used", s)
		}
	}
	kinds := c.stats.PerKind
	if kinds["third_party"] == 0 || kinds["info"] == 0 || kinds["crisis"] == 0 {
		t.Errorf("plans: %v", kinds)
	}
	if len(c.convs) < 5000 || len(c.pairs) < 5000 {
		t.Errorf("default corpus has %d conversations and %d pairs, want ≥ 5000 each", len(c.convs), len(c.pairs))
	}
}

var (
	directAsk  = regexp.MustCompile(`(?i)(suicide|ending your life|end your life|killing yourself|taking your own life)[^.!]*\?|are you thinking about suicide\?`)
	resourceRe = regexp.MustCompile(`988|9-8-8|116 123|13 11 14|1737|85258|50808|findahelpline\.com`)
	referralRe = regexp.MustCompile(`(?i)\b(GP|doctor|counsell?or|therapist|psychologist|mental health professional)\b|` + resourceRe.String())
	// methodRe lists words that would describe how, or with what; none may
	// appear in any crisis conversation or crisis pair.
	methodRe = regexp.MustCompile(`(?i)\b(hang(ing|ed)?|noose|overdos\w*|jump(ing)? (off|from)|bridge|cut(ting)? (my|your|her|him|them)sel\w*|razor|blade|guns?|firearm|shoot\w*|poison\w*|bleach|rope|ligature|lethal|carbon monoxide|slit|wrists?|pills?|tablets?|dose|mg|painkillers?|paracetamol)\b`)
)

func TestSeverityAndCrisisHandling(t *testing.T) {
	c := defaultCorpus(t)
	for _, x := range c.convs {
		sev := *x.Labels.Severity
		var assistant []string
		for _, m := range x.Messages {
			if m.Role == conv.RoleAssistant {
				assistant = append(assistant, m.Content)
			}
		}
		all := strings.Join(assistant, "\n")
		if sev >= conv.SeverityModerate && !referralRe.MatchString(all) {
			t.Errorf("%s: severity %d without a referral:\n%s", x.ID, sev, all)
		}
		crisis := sev == conv.SeverityCrisis || slices.Contains(x.Labels.Concerns, conv.ConcernCrisis)
		if sev == conv.SeverityCrisis {
			if !directAsk.MatchString(all) {
				t.Errorf("%s: crisis conversation never asks directly about suicide:\n%s", x.ID, all)
			}
			if !resourceRe.MatchString(all) {
				t.Errorf("%s: crisis conversation gives no crisis line:\n%s", x.ID, all)
			}
			if !slices.Contains(x.Labels.Concerns, conv.ConcernCrisis) {
				t.Errorf("%s: severity 4 without the crisis concern: %v", x.ID, x.Labels.Concerns)
			}
		}
		if crisis {
			for _, m := range x.Messages {
				if w := methodRe.FindString(m.Content); w != "" {
					t.Errorf("%s: crisis conversation mentions %q: %s", x.ID, w, m.Content)
				}
			}
		}
	}
	for _, p := range c.pairs {
		f := p.Reasons[0]
		if !slices.Contains(p.Concerns, conv.ConcernCrisis) {
			continue
		}
		for _, side := range [][]conv.Message{p.Prompt, p.Chosen, p.Rejected} {
			for _, m := range side {
				if w := methodRe.FindString(m.Content); w != "" {
					t.Errorf("%s: crisis pair mentions %q: %s", p.ID, w, m.Content)
				}
			}
		}
		if (f == conv.FailureMethodDetails || f == conv.FailureMissesCrisis) && !resourceRe.MatchString(p.Chosen[0].Content) {
			t.Errorf("%s: chosen crisis reply has no crisis line: %s", p.ID, p.Chosen[0].Content)
		}
	}
}

func TestTurnLabelsMatchText(t *testing.T) {
	c := defaultCorpus(t)
	for _, x := range c.convs {
		turns := x.AssistantTurns()
		if len(turns) != len(x.Labels.Turns) {
			t.Fatalf("%s: %d assistant turns, %d labels", x.ID, len(turns), len(x.Labels.Turns))
		}
		users := 0
		for _, m := range x.Messages {
			if m.Role == conv.RoleUser {
				users++
			}
		}
		if users < 2 || users > 4 || users != len(turns) {
			t.Errorf("%s: %d user and %d assistant turns, want 2–4 exchanges", x.ID, users, len(turns))
		}
		for i, l := range x.Labels.Turns {
			if l.Turn != turns[i] || l.Strategy == "" || l.Empathy == nil {
				t.Fatalf("%s: turn label %d is %+v", x.ID, i, l)
			}
			text := x.Messages[l.Turn].Content
			if l.Empathy.Explorations > 0 && !strings.Contains(text, "?") {
				t.Errorf("%s turn %d: explorations %d but no question: %s", x.ID, l.Turn, l.Empathy.Explorations, text)
			}
			if l.Strategy == conv.StrategyQuestion && !strings.HasSuffix(text, "?") {
				t.Errorf("%s turn %d: Question strategy but does not end with a question: %s", x.ID, l.Turn, text)
			}
			if l.Strategy == conv.StrategyInformation && l.Empathy.EmotionalReactions == 0 && *x.Labels.Severity == 0 && len(text) < 120 {
				t.Errorf("%s turn %d: information turn too short to inform: %s", x.ID, l.Turn, text)
			}
		}
	}
}

func TestTextIsClean(t *testing.T) {
	c := defaultCorpus(t)
	check := func(id, s string) {
		if why := unclean(s); why != "" {
			t.Errorf("%s: %s in %q", id, why, s)
		}
	}
	for _, x := range c.convs {
		for _, m := range x.Messages {
			check(x.ID, m.Content)
		}
	}
	for _, p := range c.pairs {
		for _, side := range [][]conv.Message{p.Prompt, p.Chosen, p.Rejected} {
			for _, m := range side {
				check(p.ID, m.Content)
			}
		}
	}
}

// unclean says what is wrong with a message's surface, or "". It scans
// bytes rather than running regexps: it sees every message in the corpus.
func unclean(s string) string {
	if s == "" || strings.TrimSpace(s) != s {
		return "empty or untrimmed"
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return "lower-case start"
	}
	for _, bad := range []string{"{", "}", "  ", " ,", " .", " ;", " :", " ?", " !", "..", ",,", "you was ", "you am ", "you wasn't", "I're"} {
		if strings.Contains(s, bad) {
			return fmt.Sprintf("%q", bad)
		}
	}
	prev := ""
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if lw == prev {
			return fmt.Sprintf("repeated word %q", w)
		}
		if p := len(prev); p > 0 && (prev[p-1] == '.' || prev[p-1] == '?' || prev[p-1] == '!') && w[0] >= 'a' && w[0] <= 'z' {
			return fmt.Sprintf("lower-case sentence start %q", w)
		}
		prev = lw
	}
	return ""
}

// TestDiversity enforces tend's rule that no sentence appears in more than
// 2% of replies, and keeps replies overwhelmingly unique.
func TestDiversity(t *testing.T) {
	st := defaultCorpus(t).stats
	for _, d := range []struct {
		name      string
		d         Diversity
		minUnique float64
	}{
		{"conversations", st.Diversity, 0.93},
		{"chosen", st.ChosenDiversity, 0.99},
		{"rejected", st.RejectedDiversity, 0.80},
	} {
		t.Logf("%s: %d replies, distinct-2 %.3f, unique %.1f%%, max sentence share %.2f%% (%q)",
			d.name, d.d.Replies, d.d.Distinct2, 100*d.d.UniqueShare, 100*d.d.MaxSentenceShare, d.d.MaxSentence)
		if d.d.MaxSentenceShare > 0.02 {
			t.Errorf("%s: %q is in %.2f%% of replies, limit 2%%", d.name, d.d.MaxSentence, 100*d.d.MaxSentenceShare)
		}
		if d.d.UniqueShare < d.minUnique {
			t.Errorf("%s: unique share %.3f, want ≥ %.2f", d.name, d.d.UniqueShare, d.minUnique)
		}
		if d.d.Distinct2 < 0.02 {
			t.Errorf("%s: distinct-2 %.4f, want ≥ 0.02", d.name, d.d.Distinct2)
		}
	}
}

// TestLengthIsNotTheAnswer keeps the pairs from being separable by length
// alone: rejected replies mostly keep the chosen reply's scaffolding.
func TestLengthIsNotTheAnswer(t *testing.T) {
	st := defaultCorpus(t).stats
	t.Logf("longer reply is chosen in %.1f%% of pairs", 100*st.LengthBaseline)
	if st.LengthBaseline > 0.85 {
		t.Errorf("a length-only guess is right %.1f%% of the time, want ≤ 85%%", 100*st.LengthBaseline)
	}
}

// TestDiversityOtherSeeds checks the 2% rule is a property of the blocks,
// not luck of the default seed.
func TestDiversityOtherSeeds(t *testing.T) {
	for _, seed := range []uint64{2, 99} {
		c, err := generate(Config{Seed: seed, Conversations: 2000, Pairs: 2000})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []Diversity{c.stats.Diversity, c.stats.ChosenDiversity, c.stats.RejectedDiversity} {
			if d.MaxSentenceShare > 0.02 {
				t.Errorf("seed %d: %q in %.2f%% of replies", seed, d.MaxSentence, 100*d.MaxSentenceShare)
			}
		}
	}
}

func TestEmitErrorStops(t *testing.T) {
	n := 0
	stop := errTest("stop")
	_, err := Generate(Config{Seed: 1, Conversations: 100, Pairs: 100}, func(*conv.Conversation) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || n != 10 {
		t.Fatalf("err %v after %d records, want stop after 10", err, n)
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := GenerateContext(ctx, Config{Seed: 1, Conversations: 2000}, func(*conv.Conversation) error {
		if n++; n == 300 {
			cancel()
		}
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 500 {
		t.Fatalf("err %v after %d records, want context.Canceled at the next check (500)", err, n)
	}
}

func TestProgress(t *testing.T) {
	var calls [][2]int
	_, err := Generate(Config{Seed: 1, Conversations: 300, Pairs: 300, Progress: func(d, n int) { calls = append(calls, [2]int{d, n}) }}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{600, 600} {
		t.Fatalf("progress calls %v, want to end with [600 600]", calls)
	}
}

func BenchmarkGenerate(b *testing.B) {
	cfg := Config{Seed: 1, Conversations: 500, Pairs: 500}
	for b.Loop() {
		if _, err := Generate(cfg, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*(cfg.Conversations+cfg.Pairs))/b.Elapsed().Seconds(), "records/s")
}
