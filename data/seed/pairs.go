// Preference pairs in TRL's prompt/chosen/rejected shape. The prompt is the
// start of a generated conversation, chosen is the listener's real next
// reply (made complete enough to stand alone: from severity 2 it always
// points to professional help), and rejected is written by the failure
// builder in failures.go. Failure types rotate, so they are balanced.
package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Annotator names the seed generator on every pair.
const Annotator = "tend-seed"

// Pair returns preference pair i (0-based) for seed, exactly as Generate
// would emit it.
func Pair(seed uint64, i int) *conv.PreferencePair {
	p, _ := pair(seed, i)
	return p
}

// pair also returns the severity of the scene the prompt came from.
func pair(seed uint64, i int) (*conv.PreferencePair, conv.Severity) {
	r := rand.New(rand.NewPCG(seed, uint64(i)<<1|1))
	failure := conv.Failures[i%len(conv.Failures)]
	all := banks()
	b := all[(i/len(conv.Failures))%len(all)]
	crisis := failure == conv.FailureMethodDetails || failure == conv.FailureMissesCrisis
	sev := conv.Severity(1 + r.IntN(3))
	if crisis {
		sev = conv.SeverityCrisis
		if !b.Escalates {
			b = crisisBank
		}
	}
	s := newScene(r, b, sev)
	if crisis {
		s.avoidMeans()
	}
	d := &dialogue{}
	pl := s.placeLocale(d, crisis || sev >= conv.SeveritySevere || b.Concern == conv.ConcernCrisis)

	var cut int    // index into d.msgs of the chosen reply
	var best *turn // the chosen reply
	switch {
	case crisis:
		s.crisisPlan(d, 2, failure == conv.FailureMethodDetails)
		cut, best = d.turns[1].Turn, d.ts[1]
		if failure == conv.FailureMissesCrisis && chance(r, 0.5) {
			cut, best = d.turns[0].Turn, s.crisisResources(false, true)
		}
	default:
		s.selfPlan(d, 2+r.IntN(2))
		j := 0
		if chance(r, 0.45) {
			for k, t := range d.ts {
				if t.strategy == conv.StrategySuggestions {
					j = k
				}
			}
		}
		best = d.ts[j]
		if sev >= conv.SeverityModerate && !best.referred {
			s.referBeforeQuestion(best)
		}
		cut = d.turns[j].Turn
	}
	// Most rejected replies keep the chosen reply's scaffolding and put the
	// failure in, so length and warmth do not give the answer away; the
	// rest are written whole.
	var rejected string
	if chance(r, 0.7) {
		rejected = s.rejectedFrom(failure, best)
	} else {
		rejected = s.rejected(failure)
	}
	if pl.userMention != "" {
		d.msgs[pl.firstUser].Content += " " + pl.userMention
	}
	return &conv.PreferencePair{
		ID:        fmt.Sprintf("seed-pair-%06d", i+1),
		Prompt:    d.msgs[:cut],
		Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: best.text()}},
		Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: rejected}},
		Reasons:   []string{failure},
		Annotator: Annotator,
		Concerns:  s.concerns(),
		Source:    Source,
		License:   License,
	}, sev
}

// referBeforeQuestion adds a referral to t, before its closing question if
// it ends with one, so the question stays the last thing the person reads.
func (s *scene) referBeforeQuestion(t *turn) {
	n := len(t.parts)
	if n == 0 || !strings.HasSuffix(t.parts[n-1], "?") {
		s.refer(t)
		return
	}
	last, tag := t.parts[n-1], t.tags[n-1]
	t.parts, t.tags = t.parts[:n-1], t.tags[:n-1]
	s.refer(t)
	t.parts, t.tags = append(t.parts, last), append(t.tags, tag)
}
