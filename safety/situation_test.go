// Tests for the situational, plan and finality rules (rules_situation.go)
// and the classifier's risk-cue requirement: each risk phrasing next to an
// everyday sentence that shares its vocabulary.
package safety

import "testing"

func TestSituational(t *testing.T) {
	tests := []struct {
		text     string
		min, max Level
	}{
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
	}
	for _, tt := range tests {
		got := AssessText(tt.text).Level
		if got < tt.min || got > tt.max {
			t.Errorf("%q: level %s, want %s..%s", tt.text, got, tt.min, tt.max)
		}
	}
}
