// Statistics about a generated corpus, the manifest that records them, and
// the table `tend data seed` prints.
package seed

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/tend-project/tend/conv"
)

// Stats counts what was generated. Maps marshal with sorted keys, so the
// manifest is stable.
type Stats struct {
	Seed           uint64 `json:"seed"`
	Conversations  int    `json:"conversations"`
	Pairs          int    `json:"pairs"`
	AssistantTurns int    `json:"assistant_turns"`
	// PerConcern counts conversations labelled with each concern (a
	// conversation with a crisis co-label counts for both).
	PerConcern map[conv.Concern]int `json:"per_concern"`
	// PerConcernSeverity[concern][severity] counts conversations.
	PerConcernSeverity map[conv.Concern]map[string]int `json:"per_concern_severity"`
	PerSeverity        map[string]int                  `json:"per_severity"`
	PerStrategy        map[conv.Strategy]int           `json:"per_strategy"`
	// PerKind counts conversation plans: self, crisis, third_party, info.
	PerKind map[string]int `json:"per_kind"`
	// PerLocale counts conversations by the locale the assistant knows
	// ("unknown" when neither the system prompt nor the user says).
	PerLocale map[string]int `json:"per_locale"`
	// PerExchanges counts conversations by user–assistant exchanges.
	PerExchanges     map[string]int `json:"per_exchanges"`
	WithSystemPrompt int            `json:"with_system_prompt"`
	// Cited counts conversations whose Information answer ends with a
	// "Learn more" page from the bundled sources library.
	Cited        int                  `json:"cited"`
	PerFailure   map[string]int       `json:"per_failure"`
	PairConcerns map[conv.Concern]int `json:"pair_concerns"`
	// LengthBaseline is the accuracy of guessing "the longer reply is
	// chosen": how much a reward model could get from length alone.
	LengthBaseline float64 `json:"length_baseline"`
	longerChosen   int
	// Diversity is over conversation assistant turns; the pair figures are
	// over chosen and rejected replies separately.
	Diversity         Diversity `json:"diversity"`
	ChosenDiversity   Diversity `json:"chosen_diversity"`
	RejectedDiversity Diversity `json:"rejected_diversity"`

	div, chosen, rejected *diversity
}

func newStats(seed uint64) *Stats {
	return &Stats{
		Seed:               seed,
		PerConcern:         map[conv.Concern]int{},
		PerConcernSeverity: map[conv.Concern]map[string]int{},
		PerSeverity:        map[string]int{},
		PerStrategy:        map[conv.Strategy]int{},
		PerKind:            map[string]int{},
		PerLocale:          map[string]int{},
		PerExchanges:       map[string]int{},
		PerFailure:         map[string]int{},
		PairConcerns:       map[conv.Concern]int{},
		div:                newDiversity(),
		chosen:             newDiversity(),
		rejected:           newDiversity(),
	}
}

var kindNames = [...]string{kindSelf: "self", kindCrisis: "crisis", kindOther: "third_party", kindInfo: "info"}

func (st *Stats) addConversation(c *conv.Conversation, m meta) {
	st.Conversations++
	sev := "unlabelled"
	if c.Labels.Severity != nil {
		sev = strconv.Itoa(int(*c.Labels.Severity))
	}
	st.PerSeverity[sev]++
	for _, k := range c.Labels.Concerns {
		st.PerConcern[k]++
		if st.PerConcernSeverity[k] == nil {
			st.PerConcernSeverity[k] = map[string]int{}
		}
		st.PerConcernSeverity[k][sev]++
	}
	for _, t := range c.Labels.Turns {
		st.PerStrategy[t.Strategy]++
	}
	st.PerKind[kindNames[m.kind]]++
	loc := m.locale
	if loc == "" {
		loc = "unknown"
	}
	st.PerLocale[loc]++
	users := 0
	for _, msg := range c.Messages {
		switch msg.Role {
		case conv.RoleUser:
			users++
		case conv.RoleAssistant:
			st.AssistantTurns++
			st.div.add(msg.Content)
		}
	}
	st.PerExchanges[strconv.Itoa(users)]++
	if c.Messages[0].Role == conv.RoleSystem {
		st.WithSystemPrompt++
	}
	if m.cited {
		st.Cited++
	}
}

func (st *Stats) addPair(p *conv.PreferencePair) {
	st.Pairs++
	for _, r := range p.Reasons {
		st.PerFailure[r]++
	}
	for _, k := range p.Concerns {
		st.PairConcerns[k]++
	}
	for _, m := range p.Chosen {
		st.chosen.add(m.Content)
	}
	if len(p.Chosen[0].Content) > len(p.Rejected[0].Content) {
		st.longerChosen++
	}
	for _, m := range p.Rejected {
		st.rejected.add(m.Content)
	}
}

func (st *Stats) finish() Stats {
	st.Diversity = st.div.result()
	st.ChosenDiversity = st.chosen.result()
	st.RejectedDiversity = st.rejected.result()
	if st.Pairs > 0 {
		st.LengthBaseline = float64(st.longerChosen) / float64(st.Pairs)
	}
	// Drop the counters so a kept Stats does not pin their maps.
	st.div, st.chosen, st.rejected = nil, nil, nil
	return *st
}

// WriteTable prints the statistics as aligned text, in a fixed order.
func (st Stats) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k string, v any) { fmt.Fprintf(tw, "  %s\t%v\n", k, v) }
	fmt.Fprintf(tw, "seed %d: %d conversations (%d assistant turns), %d preference pairs\n", st.Seed, st.Conversations, st.AssistantTurns, st.Pairs)
	fmt.Fprintln(tw, "concerns\tsev 0\t1\t2\t3\t4\tconversations\tpairs")
	for _, c := range conv.Concerns {
		if st.PerConcern[c]+st.PairConcerns[c] == 0 {
			continue
		}
		fmt.Fprintf(tw, "  %s", c)
		for s := 0; s <= 4; s++ {
			fmt.Fprintf(tw, "\t%d", st.PerConcernSeverity[c][strconv.Itoa(s)])
		}
		fmt.Fprintf(tw, "\t%d\t%d\n", st.PerConcern[c], st.PairConcerns[c])
	}
	fmt.Fprintf(tw, "  all")
	for s := 0; s <= 4; s++ {
		fmt.Fprintf(tw, "\t%d", st.PerSeverity[strconv.Itoa(s)])
	}
	fmt.Fprintf(tw, "\t%d\t%d\n", st.Conversations, st.Pairs)
	fmt.Fprintln(tw, "plans")
	for _, k := range kindNames {
		row(k, st.PerKind[k])
	}
	fmt.Fprintln(tw, "strategies (assistant turns)")
	for _, s := range conv.Strategies {
		row(string(s), st.PerStrategy[s])
	}
	fmt.Fprintln(tw, "locales")
	for _, r := range resources {
		row(r.Locale, st.PerLocale[r.Locale])
	}
	row("unknown", st.PerLocale["unknown"])
	row("with system prompt", st.WithSystemPrompt)
	row("citing a library page", st.Cited)
	fmt.Fprintln(tw, "failures (rejected replies)")
	for _, f := range conv.Failures {
		row(f, st.PerFailure[f])
	}
	row("longer reply is chosen", fmt.Sprintf("%.1f%%", 100*st.LengthBaseline))
	fmt.Fprintln(tw, "diversity\tdistinct-2\tunique\tmax sentence share")
	for _, d := range []struct {
		name string
		d    Diversity
	}{{"conversations", st.Diversity}, {"chosen", st.ChosenDiversity}, {"rejected", st.RejectedDiversity}} {
		fmt.Fprintf(tw, "  %s\t%.3f\t%.1f%%\t%.2f%% %q\n", d.name, d.d.Distinct2, 100*d.d.UniqueShare, 100*d.d.MaxSentenceShare, d.d.MaxSentence)
	}
	return tw.Flush()
}

// Manifest is written beside the corpus as manifest.json.
type Manifest struct {
	Generator       string   `json:"generator"`
	Version         string   `json:"version,omitempty"`
	Files           []string `json:"files"`
	License         string   `json:"license"`
	DurationSeconds float64  `json:"duration_seconds"`
	Stats           Stats    `json:"stats"`
}
