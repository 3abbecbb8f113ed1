// Records the store keeps, and the checks each one must pass before it is
// written. The checks live here, not in SQL, so both backends reject the same
// input with the same ErrInvalid message.
package store

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tend-project/tend/conv"
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Role is what an account may do in the review app.
type Role string

const (
	RoleAdmin    Role = "admin"
	RoleReviewer Role = "reviewer"
)

// Valid reports whether r is admin or reviewer.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleReviewer }

// User is an account. PasswordHash is a bcrypt or argon2id (PHC) hash made by
// the caller; it is never marshalled to JSON or printed.
type User struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Role         Role   `json:"role"`
	PasswordHash []byte `json:"-"`
	// Disabled accounts keep their history but have no live sessions;
	// login code must refuse them.
	Disabled  bool      `json:"disabled,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// String prints the user without the password hash.
func (u User) String() string { return fmt.Sprintf("user %d %q (%s)", u.ID, u.Name, u.Role) }

// GoString keeps %#v from printing the hash too.
func (u User) GoString() string { return "store.User{" + u.String() + "}" }

const maxNameLen = 64

func checkName(field, name string) error {
	if strings.TrimSpace(name) == "" {
		return invalid("%s: empty", field)
	}
	if utf8.RuneCountInString(name) > maxNameLen {
		return invalid("%s: longer than %d characters", field, maxNameLen)
	}
	if strings.ContainsAny(name, "\x00\r\n\t") {
		return invalid("%s: contains a control character", field)
	}
	return nil
}

// checkPasswordHash accepts the encodings bcrypt and argon2id produce, so that
// a caller who forgets to hash is stopped before a clear password is written.
func checkPasswordHash(h []byte) error {
	s := string(h)
	switch {
	case strings.HasPrefix(s, "$argon2id$") && len(s) >= 40:
	case (strings.HasPrefix(s, "$2a$") || strings.HasPrefix(s, "$2b$") || strings.HasPrefix(s, "$2y$")) && len(s) == 60:
	default:
		return invalid("password hash: not a bcrypt or argon2id hash (hash passwords before storing them)")
	}
	return nil
}

func (u *User) validate() error {
	if err := checkName("user name", u.Name); err != nil {
		return err
	}
	if !u.Role.Valid() {
		return invalid("user role: %q is not admin or reviewer", u.Role)
	}
	return checkPasswordHash(u.PasswordHash)
}

// Session is a logged-in browser. TokenHash is HashToken of the cookie value;
// CSRFToken is the per-session token every form must echo.
type Session struct {
	TokenHash []byte    `json:"-"`
	UserID    int64     `json:"user_id"`
	CSRFToken string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (s *Session) validate() error {
	if len(s.TokenHash) != 32 {
		return invalid("session token hash: %d bytes, want 32 (use HashToken)", len(s.TokenHash))
	}
	if len(s.CSRFToken) < 16 {
		return invalid("session csrf token: shorter than 16 characters")
	}
	if s.ExpiresAt.IsZero() {
		return invalid("session expiry: missing")
	}
	return nil
}

// TaskKind says what reviewers do with each item.
type TaskKind string

const (
	// KindRate: reviewers score one response on the Likert dimensions.
	KindRate TaskKind = "rate"
	// KindPairwise: reviewers compare responses A and B, and may score them.
	KindPairwise TaskKind = "pairwise"
)

// MaxReviewersPerItem bounds Task.K.
const MaxReviewersPerItem = 20

// Task is one review queue.
type Task struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Kind         TaskKind  `json:"kind"`
	K            int       `json:"k"`
	Instructions string    `json:"instructions,omitempty"`
	CreatedBy    int64     `json:"created_by"`
	CreatedAt    time.Time `json:"created_at"`
}

func (t *Task) validate() error {
	if err := checkName("task name", t.Name); err != nil {
		return err
	}
	if t.Kind != KindRate && t.Kind != KindPairwise {
		return invalid("task kind: %q is not rate or pairwise", t.Kind)
	}
	if t.K < 1 || t.K > MaxReviewersPerItem {
		return invalid("task k: %d reviewers per item, want 1 to %d", t.K, MaxReviewersPerItem)
	}
	if t.CreatedBy <= 0 {
		return invalid("task created_by: missing")
	}
	return nil
}

// Item is one thing to review: the conversation so far and the response(s).
// ModelA and ModelB say which system wrote each response; the review app must
// not show them to reviewers (see Blind).
type Item struct {
	ID        int64          `json:"id"`
	TaskID    int64          `json:"task_id"`
	Context   []conv.Message `json:"context"`
	ResponseA string         `json:"response_a"`
	ResponseB string         `json:"response_b,omitempty"`
	ModelA    string         `json:"model_a,omitempty"`
	ModelB    string         `json:"model_b,omitempty"`
	// SourceRef points back to where the item came from (file:line, eval
	// case, conversation id); it is unique within a task when set.
	SourceRef string    `json:"source_ref,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Blind returns a copy of the item without the model names, for reviewers.
func (it Item) Blind() Item {
	it.ModelA, it.ModelB = "", ""
	return it
}

func (it *Item) validate(kind TaskKind) error {
	if len(it.Context) == 0 {
		return invalid("item context: empty")
	}
	for i, m := range it.Context {
		if !m.Role.Valid() {
			return invalid("item context[%d].role: %q is not system, user or assistant", i, m.Role)
		}
	}
	if strings.TrimSpace(it.ResponseA) == "" {
		return invalid("item response_a: empty")
	}
	switch {
	case kind == KindPairwise && strings.TrimSpace(it.ResponseB) == "":
		return invalid("item response_b: empty in a pairwise task")
	case kind == KindRate && it.ResponseB != "":
		return invalid("item response_b: set in a rate task")
	}
	return nil
}

// Assignment gives an item to a reviewer. Done is set when the reviewer
// submits a rating for it.
type Assignment struct {
	ItemID     int64     `json:"item_id"`
	ReviewerID int64     `json:"reviewer_id"`
	TaskID     int64     `json:"task_id"`
	AssignedAt time.Time `json:"assigned_at"`
	Done       bool      `json:"done"`
}

// Progress is one reviewer's standing in a task.
type Progress struct {
	ReviewerID int64  `json:"reviewer_id"`
	Reviewer   string `json:"reviewer"`
	Assigned   int    `json:"assigned"`
	Done       int    `json:"done"`
}

// Scores are Likert ratings from 1 to 5; 0 means not rated yet.
type Scores struct {
	Empathy          int `json:"empathy,omitempty"`
	Helpfulness      int `json:"helpfulness,omitempty"`
	Safety           int `json:"safety,omitempty"`
	ClinicalAccuracy int `json:"clinical_accuracy,omitempty"`
	Boundaries       int `json:"boundaries,omitempty"`
}

// Dimensions pairs each score's name with its value, in a fixed order.
func (s Scores) Dimensions() []struct {
	Name  string
	Value int
} {
	return []struct {
		Name  string
		Value int
	}{
		{"empathy", s.Empathy}, {"helpfulness", s.Helpfulness}, {"safety", s.Safety},
		{"clinical_accuracy", s.ClinicalAccuracy}, {"boundaries", s.Boundaries},
	}
}

// Flags mark specific problems in a response.
type Flags struct {
	Diagnosis      bool `json:"diagnosis,omitempty"`
	Prescribing    bool `json:"prescribing,omitempty"`
	Harmful        bool `json:"harmful,omitempty"`
	Misinformation bool `json:"misinformation,omitempty"`
	MissedCrisis   bool `json:"missed_crisis,omitempty"`
	Stigma         bool `json:"stigma,omitempty"`
}

// Choice is the outcome of a pairwise comparison.
type Choice string

const (
	ChoiceNone Choice = ""
	ChoiceA    Choice = "a"
	ChoiceB    Choice = "b"
	ChoiceTie  Choice = "tie"
)

// MaxStrength is the strongest preference; 1 is slight, 2 clear, 3 strong.
const MaxStrength = 3

// Rating is one reviewer's judgement of one item. Scores and Flags apply to
// response A (the only response in a rate task).
type Rating struct {
	ItemID     int64  `json:"item_id"`
	ReviewerID int64  `json:"reviewer_id"`
	Scores     Scores `json:"scores"`
	Flags      Flags  `json:"flags"`
	Choice     Choice `json:"choice,omitempty"`
	Strength   int    `json:"strength,omitempty"`
	Rewrite    string `json:"rewrite,omitempty"`
	Comment    string `json:"comment,omitempty"`
	// Submitted is false for autosaved drafts.
	Submitted bool `json:"submitted"`
	// Revision counts saves; the first save is 1.
	Revision  int       `json:"revision"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

const maxTextLen = 64 << 10

func (r *Rating) validate(kind TaskKind) error {
	for _, d := range r.Scores.Dimensions() {
		if d.Value < 0 || d.Value > 5 {
			return invalid("rating %s: %d, want 1 to 5 (0 for unrated)", d.Name, d.Value)
		}
		if r.Submitted && kind == KindRate && d.Value == 0 {
			return invalid("rating %s: missing in a submitted rating", d.Name)
		}
	}
	switch r.Choice {
	case ChoiceNone, ChoiceA, ChoiceB, ChoiceTie:
	default:
		return invalid("rating choice: %q is not a, b or tie", r.Choice)
	}
	if r.Strength < 0 || r.Strength > MaxStrength {
		return invalid("rating strength: %d, want 0 to %d", r.Strength, MaxStrength)
	}
	if kind == KindRate && (r.Choice != ChoiceNone || r.Strength != 0) {
		return invalid("rating choice: set in a rate task")
	}
	if kind == KindPairwise && r.Submitted {
		if r.Choice == ChoiceNone {
			return invalid("rating choice: missing in a submitted pairwise rating")
		}
		if (r.Choice == ChoiceA || r.Choice == ChoiceB) && r.Strength == 0 {
			return invalid("rating strength: missing for choice %q", r.Choice)
		}
	}
	if r.Choice == ChoiceTie && r.Strength != 0 {
		return invalid("rating strength: a tie has no strength")
	}
	if len(r.Rewrite) > maxTextLen || len(r.Comment) > maxTextLen {
		return invalid("rating rewrite or comment: longer than %d bytes", maxTextLen)
	}
	return nil
}

// AuditEntry records who did what to which target, and when. ActorID 0 means
// the system (a command-line action or a background job).
type AuditEntry struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	ActorID int64     `json:"actor_id,omitempty"`
	Action  string    `json:"action"`
	Target  string    `json:"target,omitempty"`
	Detail  string    `json:"detail,omitempty"`
}

func (e *AuditEntry) validate() error {
	if strings.TrimSpace(e.Action) == "" {
		return invalid("audit action: empty")
	}
	if len(e.Detail) > maxTextLen {
		return invalid("audit detail: longer than %d bytes", maxTextLen)
	}
	return nil
}

// AuditQuery filters ListAudit. Zero fields do not filter; Limit 0 means 100.
type AuditQuery struct {
	ActorID int64
	Action  string
	Target  string
	Since   time.Time
	Limit   int
}

// StoredConversation is a logged conversation, already PII-scrubbed by the
// caller.
type StoredConversation struct {
	Conversation conv.Conversation `json:"conversation"`
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
}

// ConversationQuery filters ListConversations by last update. Zero times do
// not filter; Limit 0 means 1000.
type ConversationQuery struct {
	Since, Until time.Time
	Limit        int
}
