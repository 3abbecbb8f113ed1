// Package conv holds tend's domain types: conversations, their labels and
// preference pairs. Every stage of tend (data, training, safety, eval, review,
// serving) reads and writes these records, so this package imports nothing but
// the standard library.
//
// The wire format is JSON Lines. A conversation uses the OpenAI chat shape for
// its messages; a preference pair uses TRL's prompt/chosen/rejected shape.
package conv

// Role is who wrote a message.
type Role string

const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Valid reports whether r is one of the three roles tend knows.
func (r Role) Valid() bool {
	return r == RoleSystem || r == RoleUser || r == RoleAssistant
}

// Message is one turn of a conversation, in the OpenAI {role, content} shape.
type Message struct {
	Role    Role   `json:"role"`
	Content string `json:"content"`
}

// Split names the dataset partition a conversation belongs to.
type Split string

const (
	SplitNone  Split = ""
	SplitTrain Split = "train"
	SplitVal   Split = "val"
	SplitTest  Split = "test"
)

// Valid reports whether s is empty or one of train, val, test.
func (s Split) Valid() bool {
	return s == SplitNone || s == SplitTrain || s == SplitVal || s == SplitTest
}

// Conversation is one dialogue plus everything tend knows about it.
type Conversation struct {
	ID       string    `json:"id"`
	Messages []Message `json:"messages"`
	Labels   Labels    `json:"labels"`
	// Source names where the record came from ("seed", "import:esconv", ...).
	Source string `json:"source,omitempty"`
	// License is an SPDX identifier or a free-text licence statement.
	License string `json:"license,omitempty"`
	Split   Split  `json:"split,omitempty"`
}

// LastUser returns the content of the last user message, or "".
func (c *Conversation) LastUser() string {
	for i := len(c.Messages) - 1; i >= 0; i-- {
		if c.Messages[i].Role == RoleUser {
			return c.Messages[i].Content
		}
	}
	return ""
}

// AssistantTurns returns the indexes into Messages of the assistant turns.
func (c *Conversation) AssistantTurns() []int {
	var idx []int
	for i, m := range c.Messages {
		if m.Role == RoleAssistant {
			idx = append(idx, i)
		}
	}
	return idx
}

// PreferencePair is one human or synthetic preference judgement in TRL's
// shape. Prompt holds the conversation up to the reply being judged; Chosen
// and Rejected hold the competing assistant replies.
type PreferencePair struct {
	ID       string    `json:"id,omitempty"`
	Prompt   []Message `json:"prompt"`
	Chosen   []Message `json:"chosen"`
	Rejected []Message `json:"rejected"`
	// Reasons says why Rejected lost, as failure codes (see Failure*).
	Reasons   []string  `json:"reasons,omitempty"`
	Annotator string    `json:"annotator,omitempty"`
	Concerns  []Concern `json:"concerns,omitempty"`
	Source    string    `json:"source,omitempty"`
	License   string    `json:"license,omitempty"`
	Split     Split     `json:"split,omitempty"`
}

// Failure codes name why a rejected reply is worse. The seed corpus produces
// exactly these; human reviewers may add free-text reasons too.
const (
	FailureDismissive      = "dismissive"
	FailureDiagnoses       = "diagnoses"
	FailurePrescribes      = "prescribes"
	FailureToxicPositivity = "toxic_positivity"
	FailureMisinformation  = "misinformation"
	FailureMethodDetails   = "method_details"
	FailureMissesCrisis    = "misses_crisis_resources"
	FailureClaimsHuman     = "claims_human"
)

// Failures lists every failure code in a stable order.
var Failures = []string{
	FailureDismissive, FailureDiagnoses, FailurePrescribes, FailureToxicPositivity,
	FailureMisinformation, FailureMethodDetails, FailureMissesCrisis, FailureClaimsHuman,
}
