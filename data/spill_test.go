// Tests for curation's spilled state: a run whose memory budget is tiny
// (every sort spills, with multi-level merges) writes byte-identical
// outputs to a run that keeps everything in memory; no temporary file
// survives success, failure or a later run after a kill; and the facts
// records and id reader round-trip.
package data

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCurateSpillIdentical(t *testing.T) {
	noGuard := DefaultCurateConfig()
	noGuard.Filter.Guard.Enabled = false // the seed corpus case is about dedupe and split, not filters
	holdOut := DefaultCurateConfig()
	holdOut.Review.HoldOut, holdOut.Review.Below = true, 0.9
	tests := []struct {
		name   string
		inputs func(t *testing.T) []string
		mode   Mode
		cfg    CurateConfig
		runs   int64 // sort runs the tiny budget must write, at least
	}{
		{"fixture curate", func(*testing.T) []string { return fixtureInputs }, ModeCurate, DefaultCurateConfig(), 2},
		{"fixture dedupe", func(*testing.T) []string { return fixtureInputs }, ModeDedupe, DefaultCurateConfig(), 2},
		{"fixture split", func(*testing.T) []string { return fixtureInputs }, ModeSplit, DefaultCurateConfig(), 2},
		{"fixture hold out", func(*testing.T) []string { return fixtureInputs }, ModeCurate, holdOut, 2},
		{"seed corpus with twins", func(t *testing.T) []string { return leakCorpus(t, 600) }, ModeCurate, noGuard, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inputs := tt.inputs(t)
			var outs [2]string
			var ms [2]*Manifest
			for k, budget := range []int64{1 << 30, 1} {
				outs[k] = filepath.Join(t.TempDir(), "out")
				cfg := tt.cfg
				cfg.Workers = 2
				m, err := Curate(context.Background(), CurateOptions{Mode: tt.mode, Config: cfg, Inputs: inputs, Out: outs[k], MemBudget: budget})
				if err != nil {
					t.Fatal(err)
				}
				ms[k] = m
			}
			if ms[0].Spill.Runs != 0 {
				t.Errorf("in-memory run wrote %d sort runs, want 0", ms[0].Spill.Runs)
			}
			if ms[1].Spill.Runs < tt.runs {
				t.Errorf("tiny-budget run wrote %d sort runs, want at least %d", ms[1].Spill.Runs, tt.runs)
			}
			t.Logf("tiny budget: %d sort runs, %d bytes", ms[1].Spill.Runs, ms[1].Spill.Bytes)
			stable := func(m *Manifest) string {
				b, _ := json.MarshalIndent(map[string]any{"counts": m.Counts, "filter_reasons": m.FilterReasons, "scrub": m.Scrub,
					"outputs": m.Outputs, "dedupe": m.Dedupe, "splits": m.Splits}, "", "  ")
				return string(b)
			}
			if diff := cmp.Diff(stable(ms[0]), stable(ms[1])); diff != "" {
				t.Errorf("manifest differs (-in memory +spilled):\n%s", diff)
			}
			files := outputFiles(t, outs[0])
			if diff := cmp.Diff(files, outputFiles(t, outs[1])); diff != "" {
				t.Fatalf("output files differ (-in memory +spilled):\n%s", diff)
			}
			for _, f := range files {
				if f == "manifest.json" || f == "metrics.jsonl" || strings.HasPrefix(f, "datacard") {
					continue // times and dates
				}
				a, _ := os.ReadFile(filepath.Join(outs[0], f))
				b, _ := os.ReadFile(filepath.Join(outs[1], f))
				if string(a) != string(b) {
					t.Errorf("%s differs between the in-memory and the spilled run", f)
				}
			}
		})
	}
}

// outputFiles lists a run's output files; hidden ones (spill files, sort
// runs, the owner file) must not be among them.
func outputFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if strings.HasPrefix(d.Name(), ".") {
			t.Errorf("temporary file %s left in the output", rel)
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCurateSpillCleanup: a failed run leaves no staging directory, and
// a run removes the staging directory of a killed earlier run (dead pid)
// but not those of a live run or of someone else.
func TestCurateSpillCleanup(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	bad := filepath.Join(parent, "bad.jsonl")
	good, _ := os.ReadFile(fixtureInputs[0])
	os.WriteFile(bad, append(good, []byte("{\"id\": \"x\", \"messages\": [}\n")...), 0o644)
	_, err := Curate(context.Background(), CurateOptions{Config: DefaultCurateConfig(), Inputs: []string{bad}, Out: out, MemBudget: 1})
	if err == nil {
		t.Fatal("malformed input: no error")
	}
	if left, _ := filepath.Glob(filepath.Join(parent, ".out.tmp-*")); len(left) > 0 {
		t.Errorf("failed run left %v", left)
	}

	// A process that has exited: its pid is dead.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	stage := func(name, owner string) string {
		d := filepath.Join(parent, ".out.tmp-"+name)
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, ".spill.jsonl"), []byte("{}\n"), 0o644)
		if owner != "" {
			os.WriteFile(filepath.Join(d, ownerFile), []byte(owner), 0o644)
		}
		return d
	}
	dead := stage("dead", host+" "+strconv.Itoa(cmd.ProcessState.Pid()))
	live := stage("live", host+" "+strconv.Itoa(os.Getpid()))
	other := stage("otherhost", "some-other-host "+strconv.Itoa(cmd.ProcessState.Pid()))
	unowned := stage("unowned", "")
	if _, err := Curate(context.Background(), CurateOptions{Config: DefaultCurateConfig(), Inputs: fixtureInputs, Out: out}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir  string
		kept bool
	}{{dead, false}, {live, true}, {other, true}, {unowned, true}} {
		_, err := os.Stat(c.dir)
		if kept := err == nil; kept != c.kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(c.dir), kept, c.kept)
		}
	}
	outputFiles(t, out)
}

func TestFactRoundTrip(t *testing.T) {
	sts := []recState{
		{sev: -1},
		{off: 1 << 40, exact: ^uint64(0), ord: 7, line: 9, tokens: 1234, file: 65535, kind: KindPair, stratum: 15, sev: 4, review: true, strat: [8]uint8{1, 2, 3, 4, 5, 6, 7, 255}},
	}
	for _, st := range sts {
		var b [factSize]byte
		putFact(b[:], &st, 4321)
		got, n := getFact(b[:])
		if got != st || n != 4321 {
			t.Errorf("round trip %+v gave %+v (length %d)", st, got, n)
		}
	}
}

func TestLeadingID(t *testing.T) {
	tests := []struct {
		line string
		id   string
		ok   bool
	}{
		{`{"id":"fx-01","messages":[]}`, "fx-01", true},
		{`{"id":"a \"quoted\" \u00e9 id","prompt":[]}`, `a "quoted" é id`, true},
		{`{"id":"back\\slash"}`, `back\slash`, true},
		{`{"prompt":[],"id":"late"}`, "", false},
		{`{"id":"unterminated`, "", false},
		{``, "", false},
	}
	for _, tt := range tests {
		id, ok := leadingID([]byte(tt.line))
		if id != tt.id || ok != tt.ok {
			t.Errorf("leadingID(%s) = %q, %v; want %q, %v", tt.line, id, ok, tt.id, tt.ok)
		}
		if full, err := lineID([]byte(tt.line)); err == nil && tt.ok && full != tt.id {
			t.Errorf("lineID(%s) = %q, want %q", tt.line, full, tt.id)
		}
	}
	if id, err := lineID([]byte(`{"prompt":[],"id":"late"}`)); err != nil || id != "late" {
		t.Errorf("lineID with the id last = %q, %v; want late", id, err)
	}
}

func TestParseMemBudget(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"256MiB", 256 << 20, false},
		{"64M", 64 << 20, false},
		{"64mb", 64 << 20, false},
		{"1G", 1 << 30, false},
		{"1.5GiB", 3 << 29, false},
		{"2097152", 2 << 20, false},
		{" 512 KiB ", 0, true}, // below 1 MiB
		{"1024K", 1 << 20, false},
		{"lots", 0, true},
		{"-5M", 0, true},
		{"5T", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMemBudget(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseMemBudget(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// FuzzLeadingID: for any id, a line as tend writes it gives the id back;
// for any bytes, leadingID does not panic and agrees with encoding/json
// whenever it answers.
func FuzzLeadingID(f *testing.F) {
	for _, s := range []string{"fx-01", `a "q" \ é`, "\u2028", "", "\x00\xff"} {
		f.Add(s, []byte(`{"id":"`+s+`"}`))
	}
	f.Fuzz(func(t *testing.T, id string, raw []byte) {
		line, err := json.Marshal(struct {
			ID   string `json:"id"`
			Rest int    `json:"rest"`
		}{ID: id})
		if err != nil {
			t.Skip()
		}
		var want struct{ ID string }
		json.Unmarshal(line, &want)
		if got, ok := leadingID(line); !ok || got != want.ID {
			t.Errorf("leadingID(%s) = %q, %v; want %q", line, got, ok, want.ID)
		}
		if got, ok := leadingID(raw); ok {
			// raw may go on past the string: decode the string token alone.
			var tok string
			dec := json.NewDecoder(strings.NewReader(string(raw[len(`{"id":`):])))
			if dec.Decode(&tok) == nil && tok != got {
				t.Errorf("leadingID(%q) = %q, encoding/json reads %q", raw, got, tok)
			}
		}
	})
}

// FuzzParseMemBudget: no panic, and any accepted size is at least 1 MiB.
func FuzzParseMemBudget(f *testing.F) {
	for _, s := range []string{"16MiB", "1G", "2097152", "1.5gib", " 64 M ", "-1", "1e30G", "NaN", "Inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseMemBudget(s)
		if err == nil && n < MinMemBudget {
			t.Errorf("ParseMemBudget(%q) = %d, below the minimum", s, n)
		}
	})
}
