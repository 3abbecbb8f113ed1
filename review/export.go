// Exports: preference pairs in TRL's shape (from pairwise choices and from
// rewrites), ratings as JSONL and CSV, and eval-suite cases built from
// low-rated or flagged items. They are plain functions over what the store
// returns, so the CLI and the web app produce identical files.
package review

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

// TaskData is everything one task's exports and dashboard need.
type TaskData struct {
	Task    store.Task
	Items   []store.Item
	Ratings []store.Rating // submitted only
	Users   map[int64]store.User
	byItem  map[int64]*store.Item
}

// LoadTask reads a task with its items, submitted ratings and users.
func LoadTask(ctx context.Context, st store.Store, taskID int64) (*TaskData, error) {
	t, err := st.GetTask(ctx, taskID)
	if err != nil {
		return nil, err
	}
	items, err := st.ListItems(ctx, taskID)
	if err != nil {
		return nil, err
	}
	all, err := st.ListRatings(ctx, taskID)
	if err != nil {
		return nil, err
	}
	users, err := st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	d := &TaskData{Task: t, Items: items, Users: map[int64]store.User{}, byItem: map[int64]*store.Item{}}
	for _, r := range all {
		if r.Submitted {
			d.Ratings = append(d.Ratings, r)
		}
	}
	for _, u := range users {
		d.Users[u.ID] = u
	}
	for i := range d.Items {
		d.byItem[d.Items[i].ID] = &d.Items[i]
	}
	return d, nil
}

// Item returns the item with the given id, or nil.
func (d *TaskData) Item(id int64) *store.Item { return d.byItem[id] }

func (d *TaskData) reviewerName(id int64) string {
	if u, ok := d.Users[id]; ok {
		return u.Name
	}
	return "reviewer-" + strconv.FormatInt(id, 10)
}

// PairOptions controls PreferencePairs.
type PairOptions struct {
	// MinStrength is the weakest pairwise preference (1 slight, 2 clear,
	// 3 strong) that counts as a vote.
	MinStrength int
	Choices     bool // pairs from pairwise choices
	Rewrites    bool // pairs from rewrites: the rewrite is chosen
}

// PairStats counts what PreferencePairs kept and skipped, and why.
type PairStats struct {
	FromChoices, FromRewrites int
	Skipped                   map[string]int
}

// flagReasons maps flags to conv failure codes where one exists, and to
// plain words otherwise.
func flagReasons(f store.Flags) []string {
	var r []string
	add := func(on bool, code string) {
		if on {
			r = append(r, code)
		}
	}
	add(f.Diagnosis, conv.FailureDiagnoses)
	add(f.Prescribing, conv.FailurePrescribes)
	add(f.Misinformation, conv.FailureMisinformation)
	add(f.MissedCrisis, conv.FailureMissesCrisis)
	add(f.Harmful, "harmful")
	add(f.Stigma, "stigma")
	return r
}

func union(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			found = found || x == y
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// PreferencePairs builds TRL-shaped pairs. For choices, each item's votes
// (submitted choices of at least MinStrength) are counted and the majority
// side is chosen; an even split gives no pair. For rewrites, every submitted
// rewrite that differs from the reply it revises gives one pair. A prompt
// must end with a user turn, as conv.PreferencePair requires.
func PreferencePairs(d *TaskData, opt PairOptions) ([]conv.PreferencePair, PairStats) {
	st := PairStats{Skipped: map[string]int{}}
	source := "review:" + d.Task.Name
	var out []conv.PreferencePair
	type votes struct {
		a, b     int
		annot    []string
		reasonsB []string
	}
	byItem := map[int64]*votes{}
	var order []int64
	for _, r := range d.Ratings {
		it := d.Item(r.ItemID)
		if it == nil {
			continue
		}
		if opt.Choices && d.Task.Kind == store.KindPairwise && (r.Choice == store.ChoiceA || r.Choice == store.ChoiceB) {
			if r.Strength < opt.MinStrength {
				st.Skipped["weaker than the strength threshold"]++
			} else {
				v := byItem[r.ItemID]
				if v == nil {
					v = &votes{}
					byItem[r.ItemID] = v
					order = append(order, r.ItemID)
				}
				v.annot = append(v.annot, "reviewer-"+strconv.FormatInt(r.ReviewerID, 10))
				if r.Choice == store.ChoiceA {
					v.a++
				} else {
					v.b++
					// Scores and flags describe response A, the loser here.
					v.reasonsB = union(v.reasonsB, flagReasons(r.Flags))
				}
			}
		}
		if opt.Rewrites && strings.TrimSpace(r.Rewrite) != "" {
			orig := it.ResponseA
			if r.Choice == store.ChoiceB {
				orig = it.ResponseB
			}
			if strings.TrimSpace(r.Rewrite) == strings.TrimSpace(orig) {
				st.Skipped["rewrite equals the original"]++
				continue
			}
			if last := it.Context[len(it.Context)-1]; last.Role != conv.RoleUser {
				st.Skipped["context does not end with a user turn"]++
				continue
			}
			reasons := []string(nil)
			if r.Choice != store.ChoiceB {
				reasons = flagReasons(r.Flags)
			}
			out = append(out, conv.PreferencePair{
				ID:        fmt.Sprintf("review-%d-item-%d-rewrite-%d", d.Task.ID, it.ID, r.ReviewerID),
				Prompt:    it.Context,
				Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: strings.TrimSpace(r.Rewrite)}},
				Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: orig}},
				Reasons:   reasons,
				Annotator: "reviewer-" + strconv.FormatInt(r.ReviewerID, 10),
				Source:    source + ":rewrite",
			})
			st.FromRewrites++
		}
	}
	for _, id := range order {
		v := byItem[id]
		it := d.Item(id)
		if v.a == v.b {
			st.Skipped["reviewers split evenly"]++
			continue
		}
		if last := it.Context[len(it.Context)-1]; last.Role != conv.RoleUser {
			st.Skipped["context does not end with a user turn"]++
			continue
		}
		chosen, rejected, reasons := it.ResponseA, it.ResponseB, []string(nil)
		if v.b > v.a {
			chosen, rejected, reasons = it.ResponseB, it.ResponseA, v.reasonsB
		}
		if chosen == rejected {
			st.Skipped["responses identical"]++
			continue
		}
		out = append(out, conv.PreferencePair{
			ID:        fmt.Sprintf("review-%d-item-%d", d.Task.ID, it.ID),
			Prompt:    it.Context,
			Chosen:    []conv.Message{{Role: conv.RoleAssistant, Content: chosen}},
			Rejected:  []conv.Message{{Role: conv.RoleAssistant, Content: rejected}},
			Reasons:   reasons,
			Annotator: strings.Join(v.annot, ","),
			Source:    source,
		})
		st.FromChoices++
	}
	return out, st
}

// WritePairs writes pairs as JSONL through conv's writer, which validates
// each one.
func WritePairs(w io.Writer, pairs []conv.PreferencePair) error {
	cw := conv.NewWriter[conv.PreferencePair](w)
	for i := range pairs {
		if err := cw.Write(&pairs[i]); err != nil {
			return fmt.Errorf("pair %s: %w", pairs[i].ID, err)
		}
	}
	return cw.Flush()
}

// RatingRecord is one submitted rating as exported. It names the models,
// so the export is for admins.
type RatingRecord struct {
	Task      string       `json:"task"`
	TaskID    int64        `json:"task_id"`
	ItemID    int64        `json:"item_id"`
	SourceRef string       `json:"source_ref,omitempty"`
	Reviewer  string       `json:"reviewer"`
	ModelA    string       `json:"model_a,omitempty"`
	ModelB    string       `json:"model_b,omitempty"`
	Scores    store.Scores `json:"scores"`
	Flags     store.Flags  `json:"flags"`
	Choice    store.Choice `json:"choice,omitempty"`
	Strength  int          `json:"strength,omitempty"`
	Rewrite   string       `json:"rewrite,omitempty"`
	Comment   string       `json:"comment,omitempty"`
	Revision  int          `json:"revision"`
	UpdatedAt time.Time    `json:"updated_at"`
}

// RatingRecords lists the task's submitted ratings for export.
func RatingRecords(d *TaskData) []RatingRecord {
	out := make([]RatingRecord, 0, len(d.Ratings))
	for _, r := range d.Ratings {
		it := d.Item(r.ItemID)
		if it == nil {
			continue
		}
		out = append(out, RatingRecord{Task: d.Task.Name, TaskID: d.Task.ID, ItemID: r.ItemID, SourceRef: it.SourceRef,
			Reviewer: d.reviewerName(r.ReviewerID), ModelA: it.ModelA, ModelB: it.ModelB, Scores: r.Scores, Flags: r.Flags,
			Choice: r.Choice, Strength: r.Strength, Rewrite: r.Rewrite, Comment: r.Comment, Revision: r.Revision, UpdatedAt: r.UpdatedAt})
	}
	return out
}

// WriteRatingsJSONL writes one rating per line.
func WriteRatingsJSONL(w io.Writer, recs []RatingRecord) error {
	enc := json.NewEncoder(w)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// csvHeader is the column order of WriteRatingsCSV.
var csvHeader = []string{"task", "task_id", "item_id", "source_ref", "reviewer", "model_a", "model_b",
	"empathy", "helpfulness", "safety", "clinical_accuracy", "boundaries",
	"flag_diagnosis", "flag_prescribing", "flag_harmful", "flag_misinformation", "flag_missed_crisis", "flag_stigma",
	"choice", "strength", "rewrite", "comment", "revision", "updated_at"}

// WriteRatingsCSV writes ratings with a header row; unrated scores are empty.
func WriteRatingsCSV(w io.Writer, recs []RatingRecord) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	score := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	for _, r := range recs {
		s, f := r.Scores, r.Flags
		row := []string{csvSafe(r.Task), strconv.FormatInt(r.TaskID, 10), strconv.FormatInt(r.ItemID, 10), csvSafe(r.SourceRef), csvSafe(r.Reviewer),
			csvSafe(r.ModelA), csvSafe(r.ModelB),
			score(s.Empathy), score(s.Helpfulness), score(s.Safety), score(s.ClinicalAccuracy), score(s.Boundaries),
			strconv.FormatBool(f.Diagnosis), strconv.FormatBool(f.Prescribing), strconv.FormatBool(f.Harmful),
			strconv.FormatBool(f.Misinformation), strconv.FormatBool(f.MissedCrisis), strconv.FormatBool(f.Stigma),
			string(r.Choice), strconv.Itoa(r.Strength), csvSafe(r.Rewrite), csvSafe(r.Comment), strconv.Itoa(r.Revision),
			r.UpdatedAt.Format(time.RFC3339)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps spreadsheet programs from running a cell as a formula
// (OWASP's CSV injection advice: prefix a quote to =, +, -, @, tab, CR).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
