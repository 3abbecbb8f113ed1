// The admin's view of single items: the items that need a clinical lead's
// attention (flagged, rated low, or split between reviewers) on the
// dashboard, and one item with every reviewer's judgement and the model
// names, which reviewers never see.
package review

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/safety"
	"github.com/tend-project/tend/store"
)

// Attention is an item worth a closer look, with the reasons.
type Attention struct {
	ItemID  int64
	Snippet string
	Reasons []string
}

// maxAttention bounds the dashboard's list.
const maxAttention = 50

// NeedsAttention lists items that a reviewer flagged, whose mean on some
// dimension is at most 2, or whose reviewers chose different replies. The
// snippet is scrubbed before it is shortened, so no half-address survives.
func NeedsAttention(d *TaskData, scrub func(string) string) []Attention {
	by := map[int64][]store.Rating{}
	for _, r := range d.Ratings {
		by[r.ItemID] = append(by[r.ItemID], r)
	}
	var out []Attention
	for _, it := range d.Items {
		rs := by[it.ID]
		if len(rs) == 0 {
			continue
		}
		var reasons []string
		for _, r := range rs {
			for _, f := range flagReasons(r.Flags) {
				f = "flag: " + f
				if !slices.Contains(reasons, f) {
					reasons = append(reasons, f)
				}
			}
		}
		for i, dim := range Dimensions {
			sum, n := 0, 0
			for _, r := range rs {
				if v := r.Scores.Dimensions()[i].Value; v > 0 {
					sum, n = sum+v, n+1
				}
			}
			if n > 0 && float64(sum)/float64(n) <= 2 {
				reasons = append(reasons, fmt.Sprintf("low %s (%.1f)", strings.ToLower(dim.Label), float64(sum)/float64(n)))
			}
		}
		var choices []store.Choice
		for _, r := range rs {
			if r.Choice != store.ChoiceNone && !slices.Contains(choices, r.Choice) {
				choices = append(choices, r.Choice)
			}
		}
		if len(choices) > 1 {
			reasons = append(reasons, "reviewers disagree on the better reply")
		}
		if len(reasons) == 0 {
			continue
		}
		out = append(out, Attention{ItemID: it.ID, Snippet: trim(scrub(lastUserText(it.Context)), 90), Reasons: reasons})
		if len(out) == maxAttention {
			break
		}
	}
	return out
}

func lastUserText(msgs []conv.Message) string {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == conv.RoleUser {
			return msgs[i].Content
		}
	}
	return msgs[len(msgs)-1].Content
}

type ratingView struct {
	Reviewer  string
	R         store.Rating
	Chose     string // the chosen model, or "tie"
	FlagNames []string
}

type itemViewData struct {
	Task      store.Task
	Item      store.Item
	Context   []conv.Message
	Risk      safety.Assessment
	RiskClass string
	Ratings   []ratingView
}

func (a *App) itemView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "item")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	it, err := a.st.GetItem(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	t, err := a.st.GetTask(r.Context(), it.TaskID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	users, err := a.st.ListUsers(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d := itemViewData{Task: t, Item: it}
	for _, m := range it.Context {
		d.Context = append(d.Context, conv.Message{Role: m.Role, Content: a.cfg.Scrub(m.Content)})
	}
	d.Item.ResponseA, d.Item.ResponseB = a.cfg.Scrub(it.ResponseA), a.cfg.Scrub(it.ResponseB)
	d.Risk = safety.Assess(&conv.Conversation{Messages: d.Context})
	d.RiskClass = "risk-low"
	if d.Risk.Level >= safety.LevelHigh {
		d.RiskClass = "risk-high"
	} else if d.Risk.Level == safety.LevelModerate {
		d.RiskClass = "risk-moderate"
	}
	for _, u := range users {
		rt, err := a.st.GetRating(r.Context(), id, u.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		v := ratingView{Reviewer: u.Name, R: rt}
		switch rt.Choice {
		case store.ChoiceA:
			v.Chose = "A (" + modelName(it.ModelA) + ")"
		case store.ChoiceB:
			v.Chose = "B (" + modelName(it.ModelB) + ")"
		case store.ChoiceTie:
			v.Chose = "equal"
		}
		for i, on := range flagValues(rt.Flags) {
			if on {
				v.FlagNames = append(v.FlagNames, Flags[i].Label)
			}
		}
		d.Ratings = append(d.Ratings, v)
	}
	a.render(w, r, http.StatusOK, "item_admin", page{Title: fmt.Sprintf("Item %d", id), Data: d})
}
