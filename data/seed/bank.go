// The shape of the hand-written building blocks. Each concern has a bank of
// situations, questions, coping ideas and so on (the banks_*.go files); the
// composer (reply.go, dialogue.go) only ever combines pieces from the bank of
// the concern being generated, so every label follows from which pieces were
// used.
package seed

import "github.com/tend-project/tend/conv"

// situation is something a user might bring, written in their own voice.
type situation struct {
	// Text is one or two first-person sentences. It avoids "we", "us",
	// "our" and "you" so youify can restate it in the second person.
	Text string
	// Topic is a noun phrase in the listener's voice that fits after
	// "about", "with" or "dealing with": "the new deadlines at work".
	Topic string
	// Feel lists keys of feelings (feelings.go) that fit the situation.
	Feel []string
}

// other is a worry about someone else ("my friend said ...").
type other struct {
	Text   string // the user's words, first person
	Topic  string // listener's noun phrase: "your sister's drinking"
	Person string // listener's words for them: "your sister"
	Pron   string // she, he or they
}

// idea is a coping suggestion. Do follows "to" ("to write down ..."); Why
// is one sentence saying why it helps.
type idea struct{ Do, Why string }

// infoQA is a psychoeducation question and a short, accurate answer.
type infoQA struct{ Q, A string }

// bank holds everything hand-written for one concern.
type bank struct {
	Concern conv.Concern
	// Name is how the concern is said in a sentence: "stress", "grief".
	Name       string
	Situations []situation
	Others     []other
	// Questions are specific open questions (EPITOME explorations = 2).
	// They may use {topic}.
	Questions []string
	Ideas     []idea
	// Helps finish "a {counsellor} can help you ...".
	Helps []string
	// Details are user follow-ups that add context in a later turn.
	Details []string
	Info    []infoQA
	// Myths are false claims, used only in rejected replies.
	Myths []string
	// Diagnoses are clinical labels a rejected reply wrongly pins on the user.
	Diagnoses []string
	// Prescribes are rejected-reply sentences recommending medication.
	Prescribes []string
	// Escalates says the concern may reach severity 4 with a crisis co-label.
	Escalates bool
}

// banks returns the banks in conv.Concerns order (Other has none).
func banks() []*bank {
	return []*bank{
		stressBank, anxietyBank, depressionBank, griefBank, lonelinessBank,
		relationshipsBank, familyBank, workSchoolBank, sleepBank, selfEsteemBank,
		traumaBank, substanceBank, eatingBank, angerBank, crisisBank,
	}
}
