// The admin's side: task list with progress, creating a queue from an
// uploaded file or from logged conversations, the task dashboard, exports,
// accounts and the audit log. Admin pages show model names; reviewer pages
// never do.
package review

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tend-project/tend/store"
)

type adminTaskRow struct {
	Task        store.Task
	Items       int
	Done, Total int
}

func (a *App) adminHome(w http.ResponseWriter, r *http.Request) {
	tasks, err := a.st.ListTasks(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var rows []adminTaskRow
	for _, t := range tasks {
		ps, err := a.st.Progress(r.Context(), t.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		row := adminTaskRow{Task: t}
		for _, p := range ps {
			row.Done += p.Done
			row.Total += p.Assigned
		}
		rows = append(rows, row)
	}
	a.render(w, r, http.StatusOK, "admin", page{Title: "Review tasks", Data: rows})
}

type taskFormData struct {
	Reviewers []store.User
	Formats   []Format
}

func (a *App) taskFormData(r *http.Request) (taskFormData, error) {
	us, err := a.st.ListUsers(r.Context())
	d := taskFormData{Formats: Formats}
	for _, u := range us {
		if u.Role == store.RoleReviewer && !u.Disabled {
			d.Reviewers = append(d.Reviewers, u)
		}
	}
	return d, err
}

func (a *App) taskForm(w http.ResponseWriter, r *http.Request) {
	d, err := a.taskFormData(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.render(w, r, http.StatusOK, "task_new", page{Title: "New review task", Data: d})
}

func (a *App) taskCreate(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	again := func(err error) {
		d, derr := a.taskFormData(r)
		if derr != nil || statusOf(err) == http.StatusInternalServerError || statusOf(err) == http.StatusRequestEntityTooLarge {
			a.fail(w, r, err)
			return
		}
		a.render(w, r, statusOf(err), "task_new", page{Title: "New review task", Error: err.Error(), Data: d})
	}
	if err := parseForm(r, true, a.cfg.MaxUploadBytes); err != nil {
		again(err)
		return
	}
	kind := store.TaskKind(r.PostFormValue("kind"))
	k, err := strconv.Atoi(r.PostFormValue("k"))
	if err != nil {
		again(formErr("k: %q is not a number", r.PostFormValue("k")))
		return
	}
	var reviewers []int64
	for _, v := range r.PostForm["reviewer"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			again(formErr("reviewer: %q is not an id", v))
			return
		}
		reviewers = append(reviewers, id)
	}
	if len(reviewers) == 0 {
		again(formErr("choose at least one reviewer"))
		return
	}
	var items []store.Item
	switch r.PostFormValue("source") {
	case "conversations":
		days, err := strconv.Atoi(r.PostFormValue("days"))
		if err != nil || days < 1 {
			again(formErr("days: want a whole number of days, at least 1"))
			return
		}
		if kind != store.KindRate {
			again(formErr("logged conversations have one reply each; use a rate task"))
			return
		}
		now := a.cfg.Now()
		items, _, err = ConversationItems(r.Context(), a.st, now.Add(-time.Duration(days)*24*time.Hour), time.Time{}, 0, a.cfg.Scrub)
		if err == nil && len(items) == 0 {
			err = formErr("no logged conversations with a reply in the last %d days", days)
		}
		if err != nil {
			again(err)
			return
		}
	default:
		f, fh, err := r.FormFile("file")
		if err != nil {
			again(formErr("file: choose a JSONL file to upload"))
			return
		}
		defer f.Close()
		items, err = ReadItems(f, fh.Filename, ImportOptions{Kind: kind, Format: Format(r.PostFormValue("format")), Scrub: a.cfg.Scrub,
			ModelA: strings.TrimSpace(r.PostFormValue("model_a")), ModelB: strings.TrimSpace(r.PostFormValue("model_b"))})
		if err != nil {
			again(err)
			return
		}
	}
	t, n, err := CreateTask(r.Context(), a.st, NewTask{Name: r.PostFormValue("name"), Kind: kind, K: k,
		Instructions: strings.TrimSpace(r.PostFormValue("instructions")), CreatedBy: s.user.ID, Items: items, Reviewers: reviewers})
	if err != nil {
		again(err)
		return
	}
	a.log.Info("task created", "task", t.ID, "items", len(items), "assignments", n, "by", s.user.ID)
	http.Redirect(w, r, fmt.Sprintf("/admin/tasks/%d?created=1", t.ID), http.StatusSeeOther)
}

func (a *App) taskAssign(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	id, err := pathID(r, "task")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	revs, err := ActiveReviewers(r.Context(), a.st)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	n, err := a.st.AssignTask(r.Context(), id, revs)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, store.AuditEntry{ActorID: s.user.ID, Action: "task.assign", Target: fmt.Sprintf("task:%d", id), Detail: fmt.Sprintf("%d new assignments", n)})
	http.Redirect(w, r, fmt.Sprintf("/admin/tasks/%d?assigned=1", id), http.StatusSeeOther)
}

type dashboardData struct {
	Task      store.Task
	Items     int
	Progress  []store.Progress
	Done, All int
	Stats     Stats
	Strength  int
	Attention []Attention
}

func (a *App) dashboard(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "task")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d, err := LoadTask(r.Context(), a.st, id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	ps, err := a.st.Progress(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	dd := dashboardData{Task: d.Task, Items: len(d.Items), Progress: ps, Stats: ComputeStats(d), Strength: a.cfg.PairStrength,
		Attention: NeedsAttention(d, a.cfg.Scrub)}
	for _, p := range ps {
		dd.Done += p.Done
		dd.All += p.Assigned
	}
	// Flash messages are fixed strings chosen by a code, so a crafted link
	// cannot put words on an admin's screen.
	flash := ""
	switch {
	case r.URL.Query().Get("created") != "":
		flash = fmt.Sprintf("Task created with %d items.", len(d.Items))
	case r.URL.Query().Get("assigned") != "":
		flash = "Assignments topped up to k reviewers per item."
	}
	a.render(w, r, http.StatusOK, "dashboard", page{Title: d.Task.Name, Flash: flash, Data: dd})
}

// export serves one of the task's exports as a download.
func (a *App) export(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	id, err := pathID(r, "task")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d, err := LoadTask(r.Context(), a.st, id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	var buf bytes.Buffer
	what := r.PathValue("what")
	ctype := "application/jsonl"
	detail := ""
	switch what {
	case "pairs.jsonl":
		opt := PairOptions{MinStrength: a.cfg.PairStrength, Choices: q.Get("choices") != "0", Rewrites: q.Get("rewrites") != "0"}
		if v := q.Get("min_strength"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > store.MaxStrength {
				a.fail(w, r, formErr("min_strength: want 1 to %d", store.MaxStrength))
				return
			}
			opt.MinStrength = n
		}
		pairs, st := PreferencePairs(d, opt)
		err = WritePairs(&buf, pairs)
		detail = fmt.Sprintf("%d pairs (%d from choices, %d from rewrites)", len(pairs), st.FromChoices, st.FromRewrites)
	case "ratings.jsonl":
		recs := RatingRecords(d)
		err = WriteRatingsJSONL(&buf, recs)
		detail = fmt.Sprintf("%d ratings", len(recs))
	case "ratings.csv":
		recs := RatingRecords(d)
		err = WriteRatingsCSV(&buf, recs)
		ctype = "text/csv; charset=utf-8"
		detail = fmt.Sprintf("%d ratings", len(recs))
	case "evalcases.jsonl":
		cases := EvalCases(d, EvalCaseOptions{MaxMean: 2})
		err = WriteEvalCases(&buf, cases)
		detail = fmt.Sprintf("%d cases", len(cases))
	default:
		err = fmt.Errorf("%w: no export %q (want pairs.jsonl, ratings.jsonl, ratings.csv or evalcases.jsonl)", store.ErrNotFound, what)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, store.AuditEntry{ActorID: s.user.ID, Action: "export", Target: fmt.Sprintf("task:%d", id), Detail: what + ": " + detail})
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="task-%d-%s"`, id, what))
	io.Copy(w, &buf)
}

type usersData struct {
	Users []store.User
	Min   int
}

func (a *App) users(w http.ResponseWriter, r *http.Request) {
	a.renderUsers(w, r, http.StatusOK, "", "")
}

func (a *App) renderUsers(w http.ResponseWriter, r *http.Request, code int, flash, errMsg string) {
	us, err := a.st.ListUsers(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.render(w, r, code, "users", page{Title: "Accounts", Flash: flash, Error: errMsg, Data: usersData{Users: us, Min: MinPasswordLen}})
}

func (a *App) userAdd(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	role := store.Role(r.PostFormValue("role"))
	u, err := AddUser(r.Context(), a.st, r.PostFormValue("name"), role, r.PostFormValue("password"), a.cfg.BcryptCost, s.user.ID)
	if err != nil {
		if errors.Is(err, ErrWeakPassword) {
			err = formErr("%v", err)
		}
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		a.renderUsers(w, r, statusOf(err), "", err.Error())
		return
	}
	a.renderUsers(w, r, http.StatusOK, fmt.Sprintf("Added %s (%s).", u.Name, u.Role), "")
}

func (a *App) userDisable(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	id, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	if err != nil {
		a.fail(w, r, fmt.Errorf("%w: user %q", store.ErrNotFound, r.PathValue("user")))
		return
	}
	if id == s.user.ID {
		a.renderUsers(w, r, http.StatusConflict, "", "You cannot disable your own account.")
		return
	}
	off := r.PostFormValue("disabled") == "true"
	if err := a.st.SetUserDisabled(r.Context(), id, off); err != nil {
		a.fail(w, r, err)
		return
	}
	action := "user.enable"
	if off {
		action = "user.disable"
	}
	a.audit(r, store.AuditEntry{ActorID: s.user.ID, Action: action, Target: fmt.Sprintf("user:%d", id)})
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

type auditRow struct {
	store.AuditEntry
	Actor string
}

func (a *App) auditLog(w http.ResponseWriter, r *http.Request) {
	es, err := a.st.ListAudit(r.Context(), store.AuditQuery{Limit: 500, Action: r.URL.Query().Get("action")})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	us, err := a.st.ListUsers(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rows := make([]auditRow, len(es))
	for i, e := range es {
		rows[i] = auditRow{AuditEntry: e, Actor: "system"}
		if j := slices.IndexFunc(us, func(u store.User) bool { return u.ID == e.ActorID }); j >= 0 {
			rows[i].Actor = us[j].Name
		} else if e.ActorID != 0 {
			rows[i].Actor = fmt.Sprintf("user %d", e.ActorID)
		}
	}
	a.render(w, r, http.StatusOK, "audit", page{Title: "Audit log", Data: rows})
}
