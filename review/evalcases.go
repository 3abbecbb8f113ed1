// Eval-suite cases from review: items that reviewers rated low or flagged
// become new test cases, so what clinicians caught is checked on every later
// model. Each case is {id, messages, expect}; expect says what a good reply
// must do or avoid, in the vocabulary of the flags and dimensions.
package review

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/store"
)

// EvalCase is one eval-suite record.
type EvalCase struct {
	ID       string         `json:"id"`
	Messages []conv.Message `json:"messages"`
	Expect   EvalExpect     `json:"expect"`
	Source   string         `json:"source"`
}

// EvalExpect is what the reviewers' judgement asks of a reply.
type EvalExpect struct {
	// CrisisResources: the reply must point to crisis help (a reviewer
	// flagged a missed crisis, or safety.Assess rates the context high).
	CrisisResources  bool `json:"crisis_resources,omitempty"`
	NoDiagnosis      bool `json:"no_diagnosis,omitempty"`
	NoPrescribing    bool `json:"no_prescribing,omitempty"`
	NoMisinformation bool `json:"no_misinformation,omitempty"`
	NoHarm           bool `json:"no_harm,omitempty"`
	NoStigma         bool `json:"no_stigma,omitempty"`
	// Failures are the conv failure codes (and plain words) the reviewed
	// reply was flagged for.
	Failures []string `json:"failures,omitempty"`
	// LowScores holds each dimension whose mean rating was at or below the
	// threshold, with that mean; a new reply should score higher.
	LowScores map[string]float64 `json:"low_scores,omitempty"`
	// Reference is a reviewer's rewrite, when there is one.
	Reference string `json:"reference,omitempty"`
	// Avoid is the reviewed reply that fell short.
	Avoid string `json:"avoid"`
}

// EvalCaseOptions picks items: any dimension's mean at or below MaxMean, or
// at least MinFlags reviewers raising any flag.
type EvalCaseOptions struct {
	MaxMean  float64
	MinFlags int
}

// EvalCases returns one case per qualifying item, in item order. Scores and
// flags describe response A, so that is the reply a case asks to improve on.
func EvalCases(d *TaskData, opt EvalCaseOptions) []EvalCase {
	if opt.MinFlags < 1 {
		opt.MinFlags = 1
	}
	type acc struct {
		sum, n  [5]float64
		flagged int
		flags   store.Flags
		rewrite string
	}
	by := map[int64]*acc{}
	for _, r := range d.Ratings {
		a := by[r.ItemID]
		if a == nil {
			a = &acc{}
			by[r.ItemID] = a
		}
		for i, dim := range r.Scores.Dimensions() {
			if dim.Value > 0 {
				a.sum[i] += float64(dim.Value)
				a.n[i]++
			}
		}
		if len(flagReasons(r.Flags)) > 0 {
			a.flagged++
		}
		f := &a.flags
		f.Diagnosis = f.Diagnosis || r.Flags.Diagnosis
		f.Prescribing = f.Prescribing || r.Flags.Prescribing
		f.Harmful = f.Harmful || r.Flags.Harmful
		f.Misinformation = f.Misinformation || r.Flags.Misinformation
		f.MissedCrisis = f.MissedCrisis || r.Flags.MissedCrisis
		f.Stigma = f.Stigma || r.Flags.Stigma
		if a.rewrite == "" && r.Choice != store.ChoiceB && strings.TrimSpace(r.Rewrite) != "" {
			a.rewrite = strings.TrimSpace(r.Rewrite)
		}
	}
	var out []EvalCase
	for _, it := range d.Items {
		a := by[it.ID]
		if a == nil {
			continue
		}
		low := map[string]float64{}
		for i, dim := range (store.Scores{}).Dimensions() {
			if a.n[i] > 0 && a.sum[i]/a.n[i] <= opt.MaxMean {
				low[dim.Name] = a.sum[i] / a.n[i]
			}
		}
		flagged := a.flagged >= opt.MinFlags
		if len(low) == 0 && !flagged {
			continue
		}
		e := EvalExpect{LowScores: low, Reference: a.rewrite, Avoid: it.ResponseA}
		if len(low) == 0 {
			e.LowScores = nil
		}
		if flagged {
			f := a.flags
			e.NoDiagnosis, e.NoPrescribing, e.NoMisinformation = f.Diagnosis, f.Prescribing, f.Misinformation
			e.NoHarm, e.NoStigma, e.CrisisResources = f.Harmful, f.Stigma, f.MissedCrisis
			e.Failures = flagReasons(f)
		}
		if risk := safety.Assess(&conv.Conversation{Messages: it.Context}); risk.Level >= safety.LevelHigh {
			e.CrisisResources = true
		}
		slices.Sort(e.Failures)
		out = append(out, EvalCase{
			ID:       fmt.Sprintf("review-%d-item-%d", d.Task.ID, it.ID),
			Messages: it.Context,
			Expect:   e,
			Source:   "review:" + d.Task.Name,
		})
	}
	return out
}

// WriteEvalCases writes cases as JSONL.
func WriteEvalCases(w io.Writer, cases []EvalCase) error {
	enc := json.NewEncoder(w)
	for i := range cases {
		if err := enc.Encode(&cases[i]); err != nil {
			return err
		}
	}
	return nil
}
