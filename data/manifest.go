// manifest.json: what a curation run read (paths, sizes, sha256), how it
// was configured, how many records each stage kept and dropped and why,
// how long each stage took, and the per-split statistics the data card is
// drawn from.
package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/tend-project/tend/conv"
)

// Manifest describes one curation run.
type Manifest struct {
	Tool    string       `json:"tool"`
	Version string       `json:"version"`
	Mode    Mode         `json:"mode"`
	Created string       `json:"created"`
	Inputs  []InputFile  `json:"inputs"`
	Config  CurateConfig `json:"config"`
	Counts  Counts       `json:"counts"`
	// FilterReasons counts rejects per code (a record can have several).
	FilterReasons map[string]int `json:"filter_reasons"`
	// Scrub counts replaced spans per detector and per placeholder type.
	Scrub       map[string]int `json:"scrub"`
	ScrubByType map[string]int `json:"scrub_by_type"`
	Dedupe      *DedupeReport  `json:"dedupe,omitempty"`
	// Durations are wall-clock seconds per pass, plus CPU seconds summed
	// over workers for the per-record stages ("cpu_*").
	Durations map[string]float64 `json:"durations_s"`
	// Outputs counts records per output file.
	Outputs map[string]int `json:"outputs"`
	// Splits holds per-split statistics for the data card.
	Splits map[string]*SplitStats `json:"splits"`
	// Spill says what the run kept on disk instead of in memory.
	Spill SpillReport `json:"spill"`
}

// SpillReport describes the temporary files of a run (all removed at the
// end): the memory budget the external sorts kept to, the sorted runs
// they wrote, and the per-record spill (JSON lines, facts, signatures).
type SpillReport struct {
	BudgetBytes int64 `json:"mem_budget_bytes"`
	Runs        int64 `json:"sort_runs"`
	Bytes       int64 `json:"sort_run_bytes"`
	RecordBytes int64 `json:"record_spill_bytes"`
}

// Counts are records per stage.
type Counts struct {
	Read        int `json:"read"`
	Invalid     int `json:"invalid"`
	Filtered    int `json:"filtered"`
	ExactDups   int `json:"exact_duplicates"`
	NearDups    int `json:"near_duplicates_dropped"`
	Written     int `json:"written"`
	NeedsReview int `json:"needs_review"`
	HeldOut     int `json:"held_out_for_review"`
}

// DedupeReport summarises deduplication.
type DedupeReport struct {
	Bands      int `json:"bands"`
	Rows       int `json:"rows"`
	Candidates int `json:"candidate_pairs"`
	NearPairs  int `json:"near_pairs"`
	Clusters   int `json:"clusters_with_twins"`
}

// SplitStats are the distributions of one split.
type SplitStats struct {
	Conversations int            `json:"conversations"`
	Pairs         int            `json:"preference_pairs"`
	Concerns      map[string]int `json:"concerns"`
	Severities    map[string]int `json:"severities"`
	Strategies    map[string]int `json:"strategies"`
	// TokenHist counts records by approximate token length in buckets of
	// TokenBucket tokens (the last bucket holds everything longer).
	TokenHist   []int `json:"token_hist"`
	TokenBucket int   `json:"token_bucket"`
	TokensTotal int   `json:"tokens_total"`
}

const tokenBuckets, tokenBucket = 24, 64

func newManifest(p *pipeline, opt CurateOptions) *Manifest {
	return &Manifest{Tool: "tend data " + string(opt.Mode), Version: opt.Version, Mode: opt.Mode,
		Created: time.Now().UTC().Format(time.RFC3339), Config: p.cfg, FilterReasons: map[string]int{},
		Scrub: map[string]int{}, ScrubByType: map[string]int{}, Durations: map[string]float64{},
		Outputs: map[string]int{}, Splits: map[string]*SplitStats{}}
}

// collect sums the per-worker counters into the manifest.
func (p *pipeline) collect(m *Manifest) {
	var sc ScrubCounts
	var scrubT, filtT, annT, hashT time.Duration
	for i := range p.perWorker {
		w := &p.perWorker[i]
		sc.Add(&w.scrub)
		scrubT += w.scrubT
		filtT += w.filtT
		annT += w.annT
		hashT += w.hashT
		for k, v := range w.filterReasons {
			m.FilterReasons[k] += v
		}
	}
	if p.scrub != nil {
		m.Scrub = sc.Map()
		for _, t := range PIITypes {
			m.ScrubByType[string(t)] = 0
		}
		for k, n := range sc {
			m.ScrubByType[string(PIIKind(k).Type())] += n
		}
	}
	m.Durations["cpu_scrub"] = scrubT.Seconds()
	m.Durations["cpu_filter"] = filtT.Seconds()
	m.Durations["cpu_annotate"] = annT.Seconds()
	m.Durations["cpu_minhash"] = hashT.Seconds()
}

func (m *Manifest) addDedupe(dd *dedupeResult, p *pipeline) {
	m.Dedupe = &DedupeReport{Bands: p.nb, Rows: p.nr, Candidates: dd.candidates, NearPairs: dd.npairs, Clusters: dd.clusters}
	m.Counts.ExactDups = dd.exact
	m.Counts.NearDups = dd.near
}

// tally adds one record that survived dedupe to the counts and per-split
// statistics; split is its split index, or -1 when it is held out (with
// splitting) or when the run does not split.
func (m *Manifest) tally(st *recState, split int8, splitting bool) {
	if st.review {
		m.Counts.NeedsReview++
	}
	name := "all"
	if splitting {
		if split < 0 {
			m.Counts.HeldOut++
			return
		}
		name = string(splitNames[split])
	}
	m.Counts.Written++
	s := m.Splits[name]
	if s == nil {
		s = &SplitStats{Concerns: map[string]int{}, Severities: map[string]int{}, Strategies: map[string]int{},
			TokenHist: make([]int, tokenBuckets), TokenBucket: tokenBucket}
		m.Splits[name] = s
	}
	if st.kind == KindPair {
		s.Pairs++
	} else {
		s.Conversations++
	}
	s.Concerns[stratumName(st.stratum)]++
	sev := "unlabelled"
	if st.sev >= 0 {
		sev = severityNames[st.sev]
	}
	s.Severities[sev]++
	for k, n := range st.strat {
		if n > 0 {
			s.Strategies[string(conv.Strategies[k])] += int(n)
		}
	}
	s.TokenHist[min(int(st.tokens)/tokenBucket, tokenBuckets-1)]++
	s.TokensTotal += int(st.tokens)
}

var severityNames = []string{"0 none", "1 mild", "2 moderate", "3 severe", "4 crisis"}

// write saves manifest.json and, for a full curation, the data card.
func (m *Manifest) write(dir string, card bool) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	if !card {
		return nil
	}
	html, err := DataCardHTML(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "datacard.html"), html, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "datacard.md"), DataCardMarkdown(m), 0o644)
}

// sortedKeys returns map keys sorted by descending count, then name.
func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if m[ks[i]] != m[ks[j]] {
			return m[ks[i]] > m[ks[j]]
		}
		return ks[i] < ks[j]
	})
	return ks
}
