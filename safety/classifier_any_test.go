// Tests for the P(anyone at high+) head and its direct path in Assess.
package safety

import "testing"

func TestAnyClassifier(t *testing.T) {
	c, err := DefaultAnyClassifier()
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, c)
	pairs := []struct{ risk, calm string }{
		{"my brother has been giving his stuff away and said tonight is his last night", "my brother has been giving his old games away to the charity shop"},
		{"i have the pills counted out and i'm going to take them all tonight", "i have the pills counted out in my weekly organiser"},
		{"my dad is outside with a knife saying he will kill us", "my dad is outside sharpening the knife for the barbecue"},
	}
	for _, p := range pairs {
		if r, q := c.ProbText(p.risk), back.ProbText(p.risk); r-q > 1e-6 || q-r > 1e-6 {
			t.Errorf("%q: %v after round trip, want %v", p.risk, q, r)
		}
		if c.ProbText(p.risk) <= c.ProbText(p.calm) {
			t.Errorf("P(anyone at high+) ranks %q (%.3f) at or below %q (%.3f)", p.risk, c.ProbText(p.risk), p.calm, c.ProbText(p.calm))
		}
	}
}

// TestDirectPathOff: with DirectThreshold zero the any head changes
// nothing, so the rest of the gate can be measured on its own.
func TestDirectPathOff(t *testing.T) {
	a, err := NewAssessor()
	if err != nil {
		t.Fatal(err)
	}
	a.DirectThreshold = 0
	in := GateInput{ScoreAny: 1}
	if got, _, raised := a.GateLevel(in); got != LevelNone || raised {
		t.Errorf("direct path off: got %s (raised %v), want none", got, raised)
	}
}
