// Package seed generates tend's bundled corpus: multi-turn supportive
// conversations and preference pairs, composed from building blocks written
// by hand for this project (situations, feelings, validating and reflective
// sentences, open questions, coping ideas, referrals and crisis protocols).
//
// Labels are correct by construction: a conversation's concerns and
// severity come from the bank and plan used, each assistant turn's ESConv
// strategy from its main move, its EPITOME scores from the blocks it
// contains, and each pair's reason from the failure builder that wrote the
// rejected reply.
//
// ESConv's Self-disclosure strategy is never produced: an AI has no
// experiences of its own to disclose, and inventing some is exactly the
// claims_human failure the preference pairs teach against.
//
// Output is deterministic for a seed: record i draws from its own PCG
// stream keyed by (seed, i), and no map iteration reaches the output, so
// the first n records are the same whatever total is requested.
package seed

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/tend-project/tend/conv"
)

// Source and License are stamped on every record.
const (
	Source  = "seed"
	License = "CC-BY-4.0"
)

// Config says how much to generate.
type Config struct {
	Seed          uint64
	Conversations int
	Pairs         int
	// Progress, if set, is called every few hundred records and at the
	// end with the records done so far and the total.
	Progress func(done, total int)
}

// DefaultConfig is the bundled corpus: 5,000 conversations and 5,000 pairs.
func DefaultConfig() Config { return Config{Seed: 1, Conversations: 5000, Pairs: 5000} }

// ErrConfig marks an invalid Config. Check with errors.Is.
var ErrConfig = errors.New("invalid seed config")

// Generate builds the corpus, handing each record to emitConv or emitPair
// as soon as it is made (either may be nil), and returns the statistics.
// An error from an emit function stops generation and is returned.
func Generate(cfg Config, emitConv func(*conv.Conversation) error, emitPair func(*conv.PreferencePair) error) (Stats, error) {
	return GenerateContext(context.Background(), cfg, emitConv, emitPair)
}

// GenerateContext is Generate that stops with ctx.Err() when ctx is done
// (checked every few hundred records).
func GenerateContext(ctx context.Context, cfg Config, emitConv func(*conv.Conversation) error, emitPair func(*conv.PreferencePair) error) (Stats, error) {
	if cfg.Conversations < 0 || cfg.Pairs < 0 {
		return Stats{}, fmt.Errorf("%w: counts must be ≥ 0 (conversations %d, pairs %d)", ErrConfig, cfg.Conversations, cfg.Pairs)
	}
	// Information answers cite the bundled sources library; a library
	// that does not load is a build defect, reported before any output.
	if _, err := bundledLibrary(); err != nil {
		return Stats{}, fmt.Errorf("seed: loading the bundled sources library: %w", err)
	}
	st := newStats(cfg.Seed)
	total := cfg.Conversations + cfg.Pairs
	done := 0
	tick := func() error {
		done++
		if done%250 == 0 || done == total {
			if cfg.Progress != nil {
				cfg.Progress(done, total)
			}
			return ctx.Err()
		}
		return nil
	}
	for i := range cfg.Conversations {
		c, m := conversation(cfg.Seed, i)
		st.addConversation(c, m)
		if emitConv != nil {
			if err := emitConv(c); err != nil {
				return st.finish(), err
			}
		}
		if err := tick(); err != nil {
			return st.finish(), err
		}
	}
	for i := range cfg.Pairs {
		p := Pair(cfg.Seed, i)
		st.addPair(p)
		if emitPair != nil {
			if err := emitPair(p); err != nil {
				return st.finish(), err
			}
		}
		if err := tick(); err != nil {
			return st.finish(), err
		}
	}
	return st.finish(), nil
}

// meta records how a conversation was made, for the statistics.
type meta struct {
	kind   kind
	locale string // "" when the conversation does not say
	cited  bool   // an Information turn cites a library page
}

// Conversation returns conversation i (0-based) for seed, exactly as
// Generate would emit it. (Should the bundled sources library fail to load,
// which Generate reports as an error, its answers would carry no citation.)
func Conversation(seed uint64, i int) *conv.Conversation {
	c, _ := conversation(seed, i)
	return c
}

func conversation(seed uint64, i int) (*conv.Conversation, meta) {
	r := rand.New(rand.NewPCG(seed, uint64(i)<<1))
	all := banks()
	b := all[i%len(all)]
	k, sev := chooseKind(r, b)
	s := newScene(r, b, sev)
	if k == kindCrisis {
		s.avoidMeans()
	}
	d := &dialogue{}
	sys := s.placeLocale(d, k == kindCrisis || sev >= conv.SeveritySevere || b.Concern == conv.ConcernCrisis)
	exchanges := 2 + r.IntN(3)
	var cited bool
	switch k {
	case kindInfo:
		lib, _ := bundledLibrary()
		cited = s.infoPlan(d, lib)
	case kindOther:
		s.otherPlan(d, exchanges)
	case kindCrisis:
		s.crisisPlan(d, exchanges, chance(r, 0.12))
	default:
		s.selfPlan(d, exchanges)
	}
	if sys.userMention != "" {
		d.msgs[sys.firstUser].Content += " " + sys.userMention
	}
	c := &conv.Conversation{
		ID:       fmt.Sprintf("seed-conv-%06d", i+1),
		Messages: d.msgs,
		Labels: conv.Labels{
			Concerns: s.concerns(),
			Severity: conv.SeverityOf(sev),
			Emotions: s.emotions(k),
			Turns:    d.turns,
		},
		Source:  Source,
		License: License,
	}
	loc := ""
	if s.known {
		loc = s.loc.Locale
	}
	return c, meta{kind: k, locale: loc, cited: cited}
}

// chooseKind draws the plan and severity. Crisis/self-harm leans towards
// high severity; concerns that do not escalate never reach 4.
func chooseKind(r *rand.Rand, b *bank) (kind, conv.Severity) {
	p := r.Float64()
	if b.Concern == conv.ConcernCrisis {
		switch {
		case p < 0.10:
			return kindInfo, conv.SeverityNone
		case p < 0.20:
			return kindOther, conv.SeveritySevere
		case p < 0.35:
			return kindSelf, conv.SeverityModerate
		case p < 0.55:
			return kindSelf, conv.SeveritySevere
		}
		return kindCrisis, conv.SeverityCrisis
	}
	switch {
	case p < 0.12:
		return kindInfo, conv.SeverityNone
	case p < 0.22:
		return kindOther, conv.Severity(1 + r.IntN(2))
	case p < 0.46:
		return kindSelf, conv.SeverityMild
	case p < 0.71:
		return kindSelf, conv.SeverityModerate
	case p < 0.90 || !b.Escalates:
		return kindSelf, conv.SeveritySevere
	}
	return kindCrisis, conv.SeverityCrisis
}

type placement struct {
	userMention string
	firstUser   int
}

// placeLocale decides whether the assistant knows where the user is: from
// the system prompt, from the user saying so (only where it matters, in
// high-risk conversations), or not at all. It adds the system prompt.
func (s *scene) placeLocale(d *dialogue, risky bool) placement {
	mode := s.r.IntN(10)
	var pl placement
	switch {
	case mode < 3:
		s.setLocale(s.loc, true)
		d.msgs = append(d.msgs, conv.Message{Role: conv.RoleSystem, Content: tidy(pick(s.r, systemPrompts), "The user is in "+s.loc.Country+".")})
	case mode < 7 && risky:
		s.setLocale(s.loc, true)
		pl.userMention = localeMention(s.r, s.loc)
	default:
		s.setLocale(s.loc, false)
		if mode >= 8 {
			d.msgs = append(d.msgs, conv.Message{Role: conv.RoleSystem, Content: pick(s.r, systemPrompts)})
		}
	}
	pl.firstUser = len(d.msgs)
	return pl
}

func (s *scene) emotions(k kind) []string {
	switch k {
	case kindInfo:
		return nil
	case kindOther:
		return []string{"worried", "helpless"}
	}
	out := []string{s.feel}
	if s.feel2 != s.feel {
		out = append(out, s.feel2)
	}
	if k == kindCrisis && s.feel != "hopeless" && s.feel2 != "hopeless" {
		out = append(out, "hopeless")
	}
	return out
}
