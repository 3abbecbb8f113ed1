// The route table: every URL the app answers, with the role it requires.
// The mux is built from this table and nothing else, so the security test
// that walks the table covers every route the server has.
package review

import (
	"net/http"

	"github.com/tend-project/tend/store"
)

// access is who may use a route.
type access string

const (
	rolePublic   access = "public" // no login: the login page and static files
	roleAny      access = "any"    // any logged-in user
	roleAdmin    access = access(store.RoleAdmin)
	roleReviewer access = access(store.RoleReviewer)
)

type route struct {
	Pattern string // http.ServeMux pattern, method first
	Role    access
	// Upload routes accept bodies up to MaxUploadBytes and multipart forms.
	Upload  bool
	Handler http.HandlerFunc
}

// routes lists every route. Admins do not review: reviewers must stay blind
// to model names, which admins see, so the two roles are separate accounts.
func (a *App) routes() []route {
	return []route{
		{Pattern: "GET /login", Role: rolePublic, Handler: a.loginForm},
		{Pattern: "POST /login", Role: rolePublic, Handler: a.login},
		{Pattern: "GET /static/", Role: rolePublic, Handler: a.static.ServeHTTP},
		{Pattern: "POST /logout", Role: roleAny, Handler: a.logout},
		{Pattern: "GET /{$}", Role: roleAny, Handler: a.home},

		{Pattern: "GET /tasks/{task}/next", Role: roleReviewer, Handler: a.next},
		{Pattern: "GET /items/{item}", Role: roleReviewer, Handler: a.screen},
		{Pattern: "POST /items/{item}/draft", Role: roleReviewer, Handler: a.draft},
		{Pattern: "POST /items/{item}/submit", Role: roleReviewer, Handler: a.submit},

		{Pattern: "GET /admin/{$}", Role: roleAdmin, Handler: a.adminHome},
		{Pattern: "GET /admin/tasks/new", Role: roleAdmin, Handler: a.taskForm},
		{Pattern: "POST /admin/tasks", Role: roleAdmin, Upload: true, Handler: a.taskCreate},
		{Pattern: "GET /admin/tasks/{task}", Role: roleAdmin, Handler: a.dashboard},
		{Pattern: "POST /admin/tasks/{task}/assign", Role: roleAdmin, Handler: a.taskAssign},
		{Pattern: "GET /admin/tasks/{task}/export/{what}", Role: roleAdmin, Handler: a.export},
		{Pattern: "GET /admin/items/{item}", Role: roleAdmin, Handler: a.itemView},
		{Pattern: "GET /admin/users", Role: roleAdmin, Handler: a.users},
		{Pattern: "POST /admin/users", Role: roleAdmin, Handler: a.userAdd},
		{Pattern: "POST /admin/users/{user}/disabled", Role: roleAdmin, Handler: a.userDisable},
		{Pattern: "GET /admin/audit", Role: roleAdmin, Handler: a.auditLog},
	}
}

func (a *App) home(w http.ResponseWriter, r *http.Request) {
	s := sessionFrom(r.Context())
	if s.user.Role == store.RoleAdmin {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	a.reviewerHome(w, r)
}
