// metrics.jsonl (one JSON object per logged step, keys sorted, non-finite
// values as null) and the SVG plots drawn from it with gonum/plot: loss
// (train and eval), learning rate, and for DPO the reward margins and
// accuracy.
package train

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

type record map[string]float64

type metricsLog struct {
	f    *os.File
	recs []record
}

// openMetrics opens path for appending. Records after step from (or all of
// them when from is 0) belong to a run that was cut short and are dropped,
// so a resumed run's log reads as if it had never stopped.
func openMetrics(path string, from int) (*metricsLog, error) {
	l := &metricsLog{}
	if data, err := os.ReadFile(path); err == nil && from > 0 {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var kept bytes.Buffer
		for sc.Scan() {
			var raw map[string]*float64
			if json.Unmarshal(sc.Bytes(), &raw) != nil || raw["step"] == nil || int(*raw["step"]) > from {
				continue
			}
			r := record{}
			for k, v := range raw {
				if v == nil {
					r[k] = math.NaN()
				} else {
					r[k] = *v
				}
			}
			l.recs = append(l.recs, r)
			kept.Write(sc.Bytes())
			kept.WriteByte('\n')
		}
		if err := writeFile(path, kept.Bytes()); err != nil {
			return nil, err
		}
	} else if err := writeFile(path, nil); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	l.f = f
	return l, nil
}

// marshalRecord renders r with sorted keys, "step" first.
func marshalRecord(step int, r record) []byte {
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := []byte(`{"step":` + strconv.Itoa(step))
	for _, k := range keys {
		kj, _ := json.Marshal(k)
		b = append(append(append(b, ','), kj...), ':')
		if v := r[k]; finite(v) {
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		} else {
			b = append(b, "null"...)
		}
	}
	return append(b, "}\n"...)
}

func (l *metricsLog) write(step int, r record) error {
	r2 := record{"step": float64(step)}
	for k, v := range r {
		r2[k] = v
	}
	l.recs = append(l.recs, r2)
	_, err := l.f.Write(marshalRecord(step, r))
	return err
}

func (l *metricsLog) firstEval() (record, bool) {
	for _, r := range l.recs {
		if _, ok := r["eval_loss"]; ok {
			return r, true
		}
	}
	return nil, false
}

// Close closes the file; it is safe to call twice.
func (l *metricsLog) Close() error {
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// readMetrics parses a metrics.jsonl file.
func readMetrics(path string) ([]record, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []record
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		var raw map[string]*float64
		if len(line) == 0 || json.Unmarshal(line, &raw) != nil {
			continue
		}
		r := record{}
		for k, v := range raw {
			if v != nil {
				r[k] = *v
			}
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// writePlots draws every plot the metrics support into dir as SVG.
func writePlots(metrics, dir string) error {
	recs, err := readMetrics(metrics)
	if err != nil {
		return err
	}
	series := func(key string) plotter.XYs {
		var xy plotter.XYs
		for _, r := range recs {
			if v, ok := r[key]; ok && finite(v) {
				xy = append(xy, plotter.XY{X: r["step"], Y: v})
			}
		}
		return xy
	}
	charts := []struct {
		file, title, ylabel string
		keys                []string
	}{
		{"loss.svg", "Loss", "loss", []string{"loss", "eval_loss"}},
		{"learning_rate.svg", "Learning rate", "learning rate", []string{"learning_rate"}},
		{"dpo_margins.svg", "DPO reward margins", "margin", []string{"rewards/margins", "eval_margin"}},
		{"accuracy.svg", "Preference accuracy", "accuracy", []string{"rewards/accuracies", "accuracy", "eval_accuracy"}},
	}
	for _, c := range charts {
		p := plot.New()
		p.Title.Text, p.X.Label.Text, p.Y.Label.Text = c.title, "step", c.ylabel
		var args []any
		for _, k := range c.keys {
			if xy := series(k); len(xy) > 0 {
				args = append(args, k, xy)
			}
		}
		if len(args) == 0 {
			continue
		}
		if err := plotutil.AddLinePoints(p, args...); err != nil {
			return err
		}
		w, err := p.WriterTo(7*vg.Inch, 4*vg.Inch, "svg")
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := w.WriteTo(&buf); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, c.file), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
