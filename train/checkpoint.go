// Checkpoints and resume. A checkpoint is a directory
// output_dir/checkpoint-<step> holding the weights (a full model or a PEFT
// adapter), optimizer.safetensors (AdamW moments, and the reward head's),
// state.json (step, data cursor, LoRA dropout stream, early-stopping state)
// and the run's config. It is staged beside its target and renamed into
// place, so a kill at any moment leaves the previous checkpoints intact;
// only the last save_total_limit are kept. Weights and moments are stored
// as float32 and the data order is a function of (seed, step), so a
// resumed run repeats the uninterrupted one bit for bit.
package train

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tend-project/tend/atomicfile"
	"github.com/tend-project/tend/model"
)

func (t *trainer) checkpointDir(step int) string {
	return filepath.Join(t.cfg.OutputDir, fmt.Sprintf("checkpoint-%d", step))
}

// checkpoints lists the complete checkpoints in dir by step, oldest first.
func checkpoints(dir string) ([]int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var steps []int
	for _, e := range ents {
		s, ok := strings.CutPrefix(e.Name(), "checkpoint-")
		if !ok || !e.IsDir() {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "state.json")); err == nil {
			steps = append(steps, n)
		}
	}
	slices.Sort(steps)
	return steps, nil
}

// prepareOutput creates the output directory and returns the checkpoint to
// resume from ("" for a fresh run). Without Resume or Force an output
// directory that already holds a run is an error.
func (t *trainer) prepareOutput() (string, error) {
	out := t.cfg.OutputDir
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	steps, err := checkpoints(out)
	if err != nil {
		return "", err
	}
	if t.cfg.Resume {
		if len(steps) == 0 {
			return "", nil
		}
		return t.checkpointDir(steps[len(steps)-1]), nil
	}
	used := len(steps) > 0
	for _, f := range []string{"metrics.jsonl", "config.json", "adapter_config.json", "summary.json"} {
		used = used || exists(filepath.Join(out, f))
	}
	if !used {
		return "", nil
	}
	if !t.cfg.Force {
		return "", fmt.Errorf("output_dir %s already holds a run: %w (or --resume to continue it)", out, atomicfile.ErrExists)
	}
	for _, s := range steps {
		if err := os.RemoveAll(t.checkpointDir(s)); err != nil {
			return "", err
		}
	}
	for _, f := range []string{"metrics.jsonl", "summary.json", "reference_logps.json", "plots"} {
		if err := os.RemoveAll(filepath.Join(out, f)); err != nil {
			return "", err
		}
	}
	return "", nil
}

func (t *trainer) saveCheckpoint() error {
	dir := t.checkpointDir(t.st.Step)
	stage, err := atomicfile.StageDir(dir, true)
	if err != nil {
		return err
	}
	defer stage.Abort()
	if t.m.LoRA != nil {
		err = t.m.SaveLoRA(stage.Path, t.base, true)
	} else {
		err = t.m.Save(stage.Path, true)
	}
	if err != nil {
		return err
	}
	n := len(t.opt.M)
	opt := []model.Tensor{{Name: "exp_avg", Shape: []int{n}, Data: t.opt.M}, {Name: "exp_avg_sq", Shape: []int{n}, Data: t.opt.V}}
	if t.head != nil {
		if err := t.head.save(filepath.Join(stage.Path, scoreFile)); err != nil {
			return err
		}
		C := len(t.head.w)
		opt = append(opt, model.Tensor{Name: "score.exp_avg", Shape: []int{C}, Data: t.head.opt.M},
			model.Tensor{Name: "score.exp_avg_sq", Shape: []int{C}, Data: t.head.opt.V})
	}
	if err := model.WriteSafetensors(filepath.Join(stage.Path, "optimizer.safetensors"), opt, nil, true); err != nil {
		return err
	}
	cfgYAML, err := t.cfg.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(stage.Path, "train_config.yaml"), cfgYAML, 0o644); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(stage.Path, "state.json"), t.st); err != nil {
		return err
	}
	if err := stage.Commit(); err != nil {
		return err
	}
	steps, err := checkpoints(t.cfg.OutputDir)
	if err != nil {
		return err
	}
	for len(steps) > t.cfg.SaveTotalLimit {
		if err := os.RemoveAll(t.checkpointDir(steps[0])); err != nil {
			return err
		}
		steps = steps[1:]
	}
	return nil
}

// restore loads a checkpoint over the freshly set-up base model.
func (t *trainer) restore(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &t.st); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if exists(filepath.Join(dir, "adapter_config.json")) {
		if err := t.m.LoadLoRA(dir); err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		t.m.LoRA.SetDropoutStep(t.st.DropoutStep)
	} else {
		m, err := model.Load(dir)
		if err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		m.Checkpoint = t.m.Checkpoint
		t.m = m
		t.m.EnableGrads()
	}
	t.newOptimizer()
	st, err := model.OpenSafetensors(filepath.Join(dir, "optimizer.safetensors"))
	if err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	defer st.Close()
	if err := st.Read("exp_avg", t.opt.M); err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	if err := st.Read("exp_avg_sq", t.opt.V); err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	t.opt.Step = t.st.OptStep
	if t.cfg.Method == "reward" {
		C := t.m.Config.Hidden
		t.head = newScoreHead(C, t.cfg.Seed)
		if t.head.w, err = loadScore(filepath.Join(dir, scoreFile), C); err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		if err := st.Read("score.exp_avg", t.head.opt.M); err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		if err := st.Read("score.exp_avg_sq", t.head.opt.V); err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		t.head.opt.Step = t.st.OptStep
	}
	fmt.Fprintf(t.out, "train: resuming from %s (step %d)\n", dir, t.st.Step)
	return nil
}

// writeFile writes data to path atomically, replacing what was there.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, true)
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(path, append(data, '\n'))
}
