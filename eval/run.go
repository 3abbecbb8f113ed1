// Running an evaluation: every model answers every case (from the cache
// when it can), each reply is scored twice — as the raw model's reply and
// as what tend's safety pipeline would show — and perplexity, the reward
// model and the judge run where configured. Metrics and the report are
// built from the resulting Items (metrics.go, report.go).
package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
)

// Systems: the raw model, and the model inside tend's safety pipeline.
const (
	SystemRaw      = "raw"
	SystemPipeline = "pipeline"
)

// StrategyFunc classifies a reply's ESConv support strategy (curation's
// strategy classifier, injected by the caller).
type StrategyFunc func(msgs []conv.Message, reply string) (conv.Strategy, error)

// ScorerFunc scores a reply, e.g. a trained reward model's Score.
type ScorerFunc func(msgs []conv.Message, reply string) (float64, error)

// Model is one model under evaluation.
type Model struct {
	Name string
	// ID identifies the weights for the cache (see ModelID).
	ID  string
	Gen llm.Generator
	// Perplexer, when set, scores the suites' reference replies.
	Perplexer *Perplexer
}

// Config is everything Run needs. Zero values get defaults.
type Config struct {
	Models   []Model
	Cases    []Case
	Settings Settings
	// Workers is the number of generations in flight (default 2).
	Workers int
	Cache   *Cache
	// Progress receives a progress line (rate, ETA); nil for silence.
	Progress io.Writer
	Empathy  *EmpathyScorer
	Checker  *Checker
	Strategy StrategyFunc
	Reward   ScorerFunc
	Judge    *Judge
	// Bootstrap resamples (default 1000) and the seed for them.
	Bootstrap int
	Seed      uint64
	// Worst is how many worst examples per metric the report keeps
	// (default 5).
	Worst int
}

// Item is one system's reply to one case, with everything measured on it.
type Item struct {
	Case       int     `json:"-"`
	CaseID     string  `json:"case"`
	Model      string  `json:"model"`
	System     string  `json:"system"`
	Reply      string  `json:"reply"`
	Cached     bool    `json:"cached"`
	Seconds    float64 `json:"seconds"`
	CrisisPath bool    `json:"crisis_path,omitempty"`
	Error      string  `json:"error,omitempty"`

	Checks     Checks       `json:"checks"`
	Empathy    conv.Empathy `json:"empathy"`
	Words      int          `json:"words"`
	Repetition float64      `json:"repetition"`
	Relevance  float64      `json:"relevance"`
	Strategy   string       `json:"strategy,omitempty"`
	Reward     *float64     `json:"reward,omitempty"`
	Judge      *JudgeScores `json:"judge,omitempty"`
	// NLL and Tokens: the reference reply's perplexity terms (raw system
	// of local models only; Tokens 0 when not scored).
	NLL    float64 `json:"nll,omitempty"`
	Tokens int     `json:"tokens,omitempty"`

	genKey string // the generation cache key, for the score cache
	scored bool   // empathy already filled from the score cache
}

// Results are the raw material of a report.
type Results struct {
	Cases  []Case
	Models []string
	// Items[series][i] answers Cases[i]; series are "<model>" (raw) and
	// "<model>+safety" (pipeline), in SeriesNames order.
	Items       map[string][]*Item
	SeriesNames []string
	// Pairwise judge results per model pair, when a judge was given.
	Pairwise []PairwiseSummary
	Run      RunStats
	cfg      *Config
}

// RunStats describes the run itself.
type RunStats struct {
	Prompts     int     `json:"prompts"`
	Generated   int     `json:"generated"`
	CacheHits   int     `json:"cache_hits"`
	Failures    int     `json:"failures"`
	WallSeconds float64 `json:"wall_seconds"`
	GenSeconds  float64 `json:"generation_seconds"` // summed over uncached generations
	// Phase wall times: generation (with cache look-ups and the safety
	// pipeline), perplexity, and scoring.
	GenerateSeconds   float64 `json:"generate_phase_seconds"`
	PerplexitySeconds float64 `json:"perplexity_phase_seconds"`
	ScoreSeconds      float64 `json:"score_phase_seconds"`
	PromptsPerS       float64 `json:"prompts_per_second"`
}

// SeriesName names a model's series for a system.
func SeriesName(model, system string) string {
	if system == SystemPipeline {
		return model + "+safety"
	}
	return model
}

// Run evaluates every model on every case.
func Run(ctx context.Context, cfg Config) (*Results, error) {
	if len(cfg.Models) == 0 || len(cfg.Cases) == 0 {
		return nil, errors.New("eval: need at least one model and one case")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Bootstrap <= 0 {
		cfg.Bootstrap = 1000
	}
	if cfg.Worst <= 0 {
		cfg.Worst = 5
	}
	if cfg.Empathy == nil {
		s, err := DefaultEmpathy()
		if err != nil {
			return nil, err
		}
		cfg.Empathy = s
	}
	if cfg.Checker == nil {
		k, err := NewChecker(nil)
		if err != nil {
			return nil, err
		}
		cfg.Checker = k
	}
	seen := map[string]bool{}
	for _, m := range cfg.Models {
		if seen[m.Name] {
			return nil, fmt.Errorf("eval: two models are named %q; name them with name=spec", m.Name)
		}
		seen[m.Name] = true
	}
	start := time.Now()
	res := &Results{Cases: cfg.Cases, Items: map[string][]*Item{}, cfg: &cfg}
	for _, m := range cfg.Models {
		res.Models = append(res.Models, m.Name)
		for _, sys := range []string{SystemRaw, SystemPipeline} {
			n := SeriesName(m.Name, sys)
			res.SeriesNames = append(res.SeriesNames, n)
			res.Items[n] = make([]*Item, len(cfg.Cases))
		}
	}
	t0 := time.Now()
	if err := generateAll(ctx, &cfg, res); err != nil {
		return nil, err
	}
	t1 := time.Now()
	if err := perplexityAll(&cfg, res); err != nil {
		return nil, err
	}
	t2 := time.Now()
	if err := scoreAll(ctx, &cfg, res); err != nil {
		return nil, err
	}
	res.Run.GenerateSeconds, res.Run.PerplexitySeconds, res.Run.ScoreSeconds = t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), time.Since(t2).Seconds()
	res.Run.WallSeconds = time.Since(start).Seconds()
	if res.Run.WallSeconds > 0 {
		res.Run.PromptsPerS = float64(res.Run.Prompts) / res.Run.WallSeconds
	}
	return res, nil
}

func withSystem(msgs []conv.Message, system string) []conv.Message {
	if system == "" {
		return msgs
	}
	return append([]conv.Message{{Role: conv.RoleSystem, Content: system}}, msgs...)
}

func (s Settings) request(msgs []conv.Message) llm.Request {
	t, p, seed := s.Temperature, s.TopP, s.Seed
	r := llm.Request{Messages: withSystem(msgs, s.SystemPrompt), Temperature: &t, MaxTokens: s.MaxTokens, Seed: &seed}
	if p > 0 {
		r.TopP = &p
	}
	return r
}

// generateAll fills the raw and pipeline items of every model.
func generateAll(ctx context.Context, cfg *Config, res *Results) error {
	type job struct{ m, c int }
	jobs := make(chan job)
	total := len(cfg.Models) * len(cfg.Cases)
	prog := newProgress(cfg.Progress, "generate", total)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for range min(cfg.Workers, total) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				m, c := cfg.Models[j.m], &cfg.Cases[j.c]
				it := &Item{Case: j.c, CaseID: c.ID, Model: m.Name, System: SystemRaw}
				key := CacheKey(m.ID, c.Messages, cfg.Settings)
				it.genKey = key
				if e, ok := cacheGet(cfg.Cache, key); ok {
					it.Reply, it.Cached, it.Seconds = e.Text, true, e.Seconds
				} else {
					t0 := time.Now()
					r, err := m.Gen.Generate(ctx, cfg.Settings.request(c.Messages), nil)
					it.Seconds = time.Since(t0).Seconds()
					if err != nil {
						if ctx.Err() != nil {
							mu.Lock()
							firstErr = cmpErr(firstErr, ctx.Err())
							mu.Unlock()
							prog.add(false)
							continue
						}
						it.Error = err.Error()
					} else {
						it.Reply = r.Text
						if cfg.Cache != nil {
							if err := cfg.Cache.Put(CacheEntry{Key: key, Model: m.Name, Case: c.ID, Text: r.Text, FinishReason: r.FinishReason, Seconds: it.Seconds}); err != nil {
								mu.Lock()
								firstErr = cmpErr(firstErr, err)
								mu.Unlock()
							}
						}
					}
				}
				pipe := &Item{Case: j.c, CaseID: c.ID, Model: m.Name, System: SystemPipeline, Cached: it.Cached, Error: it.Error}
				mu.Lock()
				res.Items[SeriesName(m.Name, SystemRaw)][j.c] = it
				res.Items[SeriesName(m.Name, SystemPipeline)][j.c] = pipe
				res.Run.Prompts++
				switch {
				case it.Error != "":
					res.Run.Failures++
				case it.Cached:
					res.Run.CacheHits++
				default:
					res.Run.Generated++
					res.Run.GenSeconds += it.Seconds
				}
				mu.Unlock()
				prog.add(it.Cached)
			}
		}()
	}
	for m := range cfg.Models {
		for c := range cfg.Cases {
			select {
			case jobs <- job{m, c}:
			case <-ctx.Done():
			}
		}
	}
	close(jobs)
	wg.Wait()
	prog.done()
	if firstErr != nil {
		return firstErr
	}
	if res.Run.Failures == res.Run.Prompts {
		for _, it := range res.Items[SeriesName(cfg.Models[0].Name, SystemRaw)] {
			if it != nil && it.Error != "" {
				return fmt.Errorf("eval: every generation failed; first error: %s", it.Error)
			}
		}
	}
	return nil
}

func cmpErr(old, err error) error {
	if old != nil {
		return old
	}
	return err
}

func cacheGet(c *Cache, key string) (CacheEntry, bool) {
	if c == nil {
		return CacheEntry{}, false
	}
	return c.Get(key)
}

// perplexityAll scores the reference replies under each local model.
func perplexityAll(cfg *Config, res *Results) error {
	var refs []int
	for i, c := range cfg.Cases {
		if c.Reference != "" {
			refs = append(refs, i)
		}
	}
	if len(refs) == 0 {
		return nil
	}
	for _, m := range cfg.Models {
		if m.Perplexer == nil {
			continue
		}
		prog := newProgress(cfg.Progress, "perplexity "+m.Name, len(refs))
		for _, i := range refs {
			c := cfg.Cases[i]
			key := perplexityKey(m.ID, c.Messages, c.Reference)
			var nll float64
			var n int
			if e, ok := cacheGet(cfg.Cache, key); ok && e.NLL != nil && m.ID != "" {
				nll, n = *e.NLL, e.Tokens
			} else {
				var err error
				nll, n, err = m.Perplexer.NLL(c.Messages, c.Reference)
				if err != nil {
					return fmt.Errorf("eval: perplexity of %s under %s: %w", c.ID, m.Name, err)
				}
				if cfg.Cache != nil && m.ID != "" {
					v := nll
					if err := cfg.Cache.Put(CacheEntry{Key: key, Model: m.Name, Case: c.ID, NLL: &v, Tokens: n}); err != nil {
						return err
					}
				}
			}
			if it := res.Items[SeriesName(m.Name, SystemRaw)][i]; it != nil {
				it.NLL, it.Tokens = nll, n
			}
			prog.add(false)
		}
		prog.done()
	}
	return nil
}

// scoreAll builds the pipeline replies and runs the text, empathy, ethics,
// strategy, reward and judge measures on every item. The guard and the
// scorers are safe for concurrent use, so items are scored in parallel.
func scoreAll(ctx context.Context, cfg *Config, res *Results) error {
	var raw []*Item
	for _, m := range res.Models {
		for _, it := range res.Items[SeriesName(m, SystemRaw)] {
			if it != nil && it.Error == "" {
				raw = append(raw, it)
			}
		}
	}
	// The raw reply's guard verdict is also the pipeline's corrected
	// reply, so the guard runs once per raw reply.
	version := scoreVersion(cfg)
	var putErr error
	var mu sync.Mutex
	parallel(cfg.Workers, len(raw), func(i int) {
		it := raw[i]
		c := &cfg.Cases[it.Case]
		pipe := res.Items[SeriesName(it.Model, SystemPipeline)][it.Case]
		skey := scoreKey(it.genKey, it.Reply, version)
		if e, ok := cacheGet(cfg.Cache, skey); ok && e.Scores != nil && it.genKey != "" {
			sc := e.Scores
			it.Checks, it.Empathy, it.scored = sc.Checks, sc.Empathy, true
			pipe.Reply, pipe.CrisisPath, pipe.Checks, pipe.Empathy, pipe.scored = sc.PipeReply, sc.PipeCrisis, sc.PipeChecks, sc.PipeEmpathy, true
			return
		}
		var fixed string
		it.Checks, fixed = cfg.Checker.check(c, it.Reply)
		if text, ok := crisisReply(c); ok {
			pipe.Reply, pipe.CrisisPath = text, true
		} else {
			pipe.Reply = fixed
		}
		pipe.Checks = cfg.Checker.Check(c, pipe.Reply)
		it.Empathy, pipe.Empathy = cfg.Empathy.Score(it.Reply), cfg.Empathy.Score(pipe.Reply)
		it.scored, pipe.scored = true, true
		if cfg.Cache != nil && it.genKey != "" {
			err := cfg.Cache.Put(CacheEntry{Key: skey, Model: it.Model, Case: it.CaseID, Scores: &ScoreEntry{
				Checks: it.Checks, Empathy: it.Empathy, PipeReply: pipe.Reply, PipeCrisis: pipe.CrisisPath,
				PipeChecks: pipe.Checks, PipeEmpathy: pipe.Empathy, ScoreVersion: version}})
			if err != nil {
				mu.Lock()
				putErr = cmpErr(putErr, err)
				mu.Unlock()
			}
		}
	})
	if putErr != nil {
		return putErr
	}
	var docs [][]string
	for _, c := range cfg.Cases {
		docs = append(docs, Words(c.Prompt()))
	}
	var all []*Item
	for _, name := range res.SeriesNames {
		for _, it := range res.Items[name] {
			if it != nil && it.Error == "" {
				docs = append(docs, Words(it.Reply))
				all = append(all, it)
			}
		}
	}
	idf := IDF(docs)
	parallel(cfg.Workers, len(all), func(i int) {
		it := all[i]
		c := &cfg.Cases[it.Case]
		w := Words(it.Reply)
		it.Words = len(w)
		it.Repetition = Repetition(w, 4)
		it.Relevance = TFIDFCosine(w, Words(c.Prompt()), idf)
		if !it.scored {
			it.Empathy = cfg.Empathy.Score(it.Reply)
		}
	})
	// Injected scorers may not be safe for concurrent use: run them in turn.
	for _, it := range all {
		c := &cfg.Cases[it.Case]
		if cfg.Strategy != nil {
			s, err := cfg.Strategy(c.Messages, it.Reply)
			if err != nil {
				return fmt.Errorf("eval: strategy classifier on %s: %w", c.ID, err)
			}
			it.Strategy = string(s)
		}
		if cfg.Reward != nil {
			r, err := cfg.Reward(c.Messages, it.Reply)
			if err != nil {
				return fmt.Errorf("eval: reward model on %s: %w", c.ID, err)
			}
			if !math.IsNaN(r) {
				it.Reward = &r
			}
		}
	}
	if cfg.Judge != nil {
		return judgeAll(ctx, cfg, res)
	}
	return nil
}

// parallel calls fn(0..n-1) on up to workers goroutines.
func parallel(workers, n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
