// Parity with the independent PyTorch reference (testdata/reference.py):
// logits within 1e-4 absolute and every gradient within 1e-3 relative (to
// the largest magnitude of that tensor's reference gradient), for a
// Llama-style model (untied head, GQA), a Qwen2-style one (q/k/v biases,
// tied head, packed segments with padding) and one with llama3 rope_scaling.
package model

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

type golden struct {
	B, T    int
	Tokens  []int32   `json:"tokens"`
	Targets []int32   `json:"targets"`
	Mask    []float32 `json:"mask"`
	Seg     []int32   `json:"seg"`
	Loss    float64   `json:"loss"`
}

func loadGolden(t *testing.T, dir string) (*golden, *Safetensors) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	st, err := OpenSafetensors(filepath.Join(dir, "golden.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &g, st
}

func (g *golden) batch() *Batch {
	return &Batch{B: g.B, T: g.T, Tokens: g.Tokens, Targets: g.Targets, Mask: g.Mask, Seg: g.Seg}
}

func readAll(t *testing.T, st *Safetensors, name string) []float32 {
	t.Helper()
	info := st.Tensors[name]
	n := 1
	for _, d := range info.Shape {
		n *= d
	}
	out := make([]float32, n)
	if err := st.Read(name, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func maxAbs(x []float32) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(float64(v)))
	}
	return m
}

func TestGoldenParity(t *testing.T) {
	for _, name := range []string{"llama", "qwen2", "llama3"} {
		for _, ckpt := range []bool{false, true} {
			t.Run(name+map[bool]string{false: "", true: "/checkpointed+chunked-head"}[ckpt], func(t *testing.T) {
				if ckpt {
					// Also run the LM head and loss in chunks of 5 rows.
					defer func(old int) { headChunk = old }(headChunk)
					headChunk = 5 * 64
				}
				dir := filepath.Join("testdata", name)
				m, err := Load(dir)
				if err != nil {
					t.Fatal(err)
				}
				g, st := loadGolden(t, dir)
				b := g.batch()
				logits, err := m.Logits(b)
				if err != nil {
					t.Fatal(err)
				}
				want := readAll(t, st, "logits")
				worst := 0.0
				for i := range want {
					worst = max(worst, math.Abs(float64(logits[i]-want[i])))
				}
				if worst > 1e-4 {
					t.Errorf("logits max-abs-diff %.3g > 1e-4", worst)
				}
				m.EnableGrads()
				m.Checkpoint = ckpt
				loss, err := m.TrainStep(b)
				if err != nil {
					t.Fatal(err)
				}
				if d := math.Abs(loss - g.Loss); d > 1e-5 {
					t.Errorf("loss %.7f, reference %.7f", loss, g.Loss)
				}
				worstG := 0.0
				for _, ts := range m.Config.hfTensors(m.G) {
					ref := readAll(t, st, "grad."+ts.name)
					scale := maxAbs(ref)
					var d float64
					for i := range ref {
						d = max(d, math.Abs(float64(ts.data[i]-ref[i])))
					}
					rel := d / scale
					worstG = max(worstG, rel)
					if rel > 1e-3 {
						t.Errorf("grad %s: relative diff %.3g > 1e-3", ts.name, rel)
					}
				}
				t.Logf("logits max-abs-diff %.2g, loss diff %.2g, worst gradient relative diff %.2g", worst, math.Abs(loss-g.Loss), worstG)
			})
		}
	}
}
