// Tests for the situational, plan and finality rules (rules_situation.go)
// and the classifier's risk-cue requirement: each risk phrasing next to an
// everyday sentence that shares its vocabulary.
package safety

import (
	"testing"

	"github.com/tend-project/tend/conv"
)

// levelCase is one message and the range of levels Assess may give it.
type levelCase struct {
	text     string
	min, max Level
}

// checkLevels assesses each case's text as a single message and reports
// those whose level falls outside their range.
func checkLevels(t *testing.T, cases []levelCase) {
	t.Helper()
	for _, tt := range cases {
		got := AssessText(tt.text).Level
		if got < tt.min || got > tt.max {
			t.Errorf("%q: level %s, want %s..%s", tt.text, got, tt.min, tt.max)
		}
	}
}

func TestSituational(t *testing.T) {
	checkLevels(t, []levelCase{
		// places with waiting or nerve
		{"i'm sitting on the edge of the viaduct, waiting for it to get dark", LevelImminent, LevelImminent},
		{"i'm on the viaduct waiting for the bus to come back, so cold", LevelNone, LevelLow},
		{"stood at the railway for an hour building up the nerve", LevelImminent, LevelImminent},
		{"building up the courage to ask my boss for a raise", LevelNone, LevelLow},
		// means kept or counted
		{"there's a rope under my bed. i look at it every night", LevelHigh, LevelImminent},
		{"the rope is in my car boot for towing the trailer", LevelNone, LevelLow},
		{"i count the painkillers in the drawer again every night", LevelHigh, LevelImminent},
		{"the nurse counted my tablets into the dosette box", LevelNone, LevelLow},
		// preparations
		{"i left a note for mum where she will find it", LevelHigh, LevelImminent},
		{"i left a note for the cleaner where she will find it, with the keys", LevelNone, LevelLow},
		{"i gave my dog to my cousin, he'll look after him better than i could", LevelHigh, LevelImminent},
		{"we gave our dog to my cousin while we're on holiday, he'll look after him better than the kennel", LevelNone, LevelLow},
		{"i won't need my winter coat after this week, i'm sure of it", LevelNone, LevelLow},
		// finality
		{"by the time you read this i'll be gone", LevelImminent, LevelImminent},
		{"by the time you read this i'll be on the plane to lisbon", LevelNone, LevelLow},
		{"i am not planning on being around for my birthday", LevelHigh, LevelImminent},
		{"i'm not planning on being around for the office party", LevelNone, LevelLow},
		{"tonight i'll finally be at peace", LevelImminent, LevelImminent},
		{"tonight i'll finally be free of my exams", LevelNone, LevelLow},
		// acts and threats
		{"i swallowed a whole bottle of my tablets", LevelImminent, LevelImminent},
		{"my husband says he'll come after me if i leave", LevelHigh, LevelImminent},
		// the classifier alone on charged nouns
		{"the bridge on our road is shut for repairs", LevelNone, LevelLow},
		{"hanging the curtains took forever", LevelNone, LevelLow},
		{"my dad's knife collection is in the garage", LevelNone, LevelLow},
	})
}

// TestConcepts pins the concept rules (rules_concept.go) and the memory and
// escalation changes of round 3: each risk phrasing next to an everyday
// sentence with the same word classes.
func TestConcepts(t *testing.T) {
	checkLevels(t, []levelCase{
		// means acquired, research, lethality
		{"bought three boxes of paracetamol at different chemists so nobody would ask", LevelHigh, LevelImminent},
		{"bought three boxes of paracetamol because the shop had a deal on", LevelNone, LevelLow},
		{"i googled how many sertraline it would take", LevelHigh, LevelImminent},
		{"how many ibuprofen can i take for a sprained ankle", LevelNone, LevelLow},
		{"took 30 paracetamol an hour ago", LevelImminent, LevelImminent},
		{"took 2 paracetamol an hour ago for my headache", LevelNone, LevelLow},
		// harm to others
		{"i'm sitting outside his flat with a knife", LevelImminent, LevelImminent},
		{"i'm outside his flat with the cake knife for the party", LevelNone, LevelLow},
		{"i get urges to strangle my husband when he sleeps", LevelHigh, LevelImminent},
		{"i want to strangle the next person who says synergy", LevelNone, LevelLow},
		// self-harm relapse and body harm
		{"burned my wrist with a lighter again last night", LevelModerate, LevelHigh},
		{"burned my wrist on the oven tray, ouch", LevelNone, LevelLow},
		{"relapsed after ten months. hiding the cuts under my jumper", LevelModerate, LevelHigh},
		{"relapsed on smoking after ten months, so annoyed", LevelNone, LevelLow},
		// passive ideation and distress
		{"i wouldn't mind if a lorry hit me on the way home", LevelModerate, LevelHigh},
		{"i wouldn't mind if it rained on the way home", LevelNone, LevelLow},
		{"i'm not suicidal, just really low and tired", LevelLow, LevelLow},
		// arrangements
		{"asked my brother to take my dog if anything happens to me", LevelHigh, LevelImminent},
		{"asked my brother to take my dog while we're on holiday", LevelNone, LevelLow},
		// idioms with a killing verb about oneself
		{"i shot myself in the foot with that email", LevelNone, LevelLow},
		{"i want to hang myself", LevelHigh, LevelImminent},
	})
}

// TestConceptMemory: means told in one turn and a time in a later one are
// imminent; one phrase carrying a situation and ideation does not escalate
// itself.
func TestConceptMemory(t *testing.T) {
	c := &conv.Conversation{Messages: []conv.Message{
		{Role: conv.RoleUser, Content: "I want to die. I've got my dad's pills in my room."},
		{Role: conv.RoleAssistant, Content: "I'm really glad you told me. Are you safe right now?"},
		{Role: conv.RoleUser, Content: "tonight, once everyone is asleep"},
	}}
	if got := Assess(c).Level; got != LevelImminent {
		t.Errorf("means, then a time in a later turn: level %s, want imminent", got)
	}
	if got := AssessText("I asked my sister to look after my cat if anything happens to me").Level; got != LevelHigh {
		t.Errorf("an arrangement alone: level %s, want high (not self-escalated to imminent)", got)
	}
}
