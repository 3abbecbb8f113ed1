package loadtest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestOverheadArithmetic checks which backend write each piece of text is
// charged to, and the overheads computed from made-up timestamps.
func TestOverheadArithmetic(t *testing.T) {
	be := &backend{reply: "One two. Three four."}
	// Pieces: "One " "two. " "Three " "four."
	be.pieceEnd = []int{4, 9, 15, 20}
	t0 := time.Unix(1000, 0)
	at := func(ms float64) time.Time { return t0.Add(time.Duration(ms * float64(time.Millisecond))) }
	rec := &record{recv: at(1), sent: []time.Time{at(1.5), at(21.5), at(41.5), at(61.5)}, done: at(62)}

	causes := []struct {
		n    int
		want time.Time
	}{
		{9, at(21.5)},  // "One two. " was completed by the second piece
		{5, at(21.5)},  // part of a piece: charged to the piece that completed it
		{4, at(1.5)},   // the first piece alone
		{20, at(62)},   // the final sentence has no space after it: released at the end
		{15, at(41.5)}, // "Three " ends a piece
	}
	for _, c := range causes {
		if got := be.cause(rec, c.n, true); !got.Equal(c.want) {
			t.Errorf("cause(%d) = %v, want %v", c.n, got.Sub(t0), c.want.Sub(t0))
		}
	}

	obs := &observation{start: at(0), arrivals: []arrival{{at(23), 9}, {at(63), 20}}, end: at(64)}
	if got := be.cause(rec, 20, false); !got.Equal(at(61.5)) {
		t.Errorf("unguarded cause(20) = %v, want the last piece's 61.5 ms", got.Sub(t0))
	}
	var s samples
	s.add(be, obs, rec)
	want := samples{
		first:   []float64{1 + 1.5},  // 1 ms up to the backend, 1.5 ms back from the second piece
		release: []float64{1.5, 1},   // 23 − 21.5 and 63 − 62
		total:   []float64{64 - 61},  // the client's 64 ms minus the backend's own 61
		hold:    []float64{23 - 1.5}, // the first sentence waited for its end
		client:  []float64{64},
		up:      []float64{1},       // the request reached the backend after 1 ms
		end:     []float64{64 - 62}, // [DONE] reached the client 2 ms after the backend's
		chunks:  4,
	}
	if diff := cmp.Diff(want, s, cmp.AllowUnexported(samples{})); diff != "" {
		t.Errorf("samples (-want +got):\n%s", diff)
	}
}

func TestDeltaContent(t *testing.T) {
	cases := []struct {
		line   string
		want   string
		wantOK bool
	}{
		{`data: {"id":"x","choices":[{"index":0,"delta":{"content":"Hi there. "},"finish_reason":null}]}`, "Hi there. ", true},
		{`data: {"id":"x","choices":[{"index":0,"delta":{"content":"say \"hi\"\n\u003cb\u003e"},"finish_reason":null}]}`, "say \"hi\"\n<b>", true},
		{`data: {"id":"x","choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}`, "", false},
	}
	for _, c := range cases {
		var scratch []byte
		got, ok, err := deltaContent([]byte(c.line), &scratch)
		if err != nil || ok != c.wantOK || string(got) != c.want {
			t.Errorf("deltaContent(%s) = %q, %v, %v; want %q, %v", c.line, got, ok, err, c.want, c.wantOK)
		}
	}
	if _, _, err := deltaContent([]byte(`data: {"delta":{"content":"unterminated`), new([]byte)); err == nil {
		t.Error("an unterminated string was accepted")
	}
}

func TestPct(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.5, 3}, {1, 5}} {
		if got := pct(xs, c.p); got != c.want {
			t.Errorf("pct(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if got := pct(nil, 0.5); got != 0 {
		t.Errorf("pct(nil) = %v", got)
	}
}
