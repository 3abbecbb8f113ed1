// The curation config: one YAML file (curate.yaml) with a section per
// stage. Unknown fields are errors that name the field and line, and every
// value is checked before any input is read.
package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

// ErrConfig marks an invalid curation config. Check with errors.Is.
var ErrConfig = errors.New("invalid curation config")

// CurateConfig configures tend data curate and the single-stage commands.
type CurateConfig struct {
	// Seed makes the split (and the MinHash permutations) reproducible.
	Seed uint64 `yaml:"seed" json:"seed"`
	// Workers is the number of goroutines for per-record work; 0 means
	// one per CPU.
	Workers int `yaml:"workers" json:"workers"`
	// SkipInvalid sends malformed records to rejects.jsonl (code
	// "invalid_record") instead of stopping at the first one.
	SkipInvalid bool `yaml:"skip_invalid" json:"skip_invalid"`
	// License is recorded on imported records that carry none.
	License string       `yaml:"license" json:"license,omitempty"`
	Scrub   ScrubStage   `yaml:"scrub" json:"scrub"`
	Dedupe  DedupeStage  `yaml:"dedupe" json:"dedupe"`
	Filter  FilterConfig `yaml:"filter" json:"filter"`
	Review  ReviewConfig `yaml:"review" json:"review"`
	Split   SplitConfig  `yaml:"split" json:"split"`
}

// ScrubStage switches scrubbing on or off and tunes it.
type ScrubStage struct {
	Enabled     bool `yaml:"enabled" json:"enabled"`
	ScrubConfig `yaml:",inline" json:",inline"`
}

// DedupeStage switches deduplication on or off and tunes it.
type DedupeStage struct {
	Enabled      bool `yaml:"enabled" json:"enabled"`
	DedupeConfig `yaml:",inline" json:",inline"`
}

// FilterConfig tunes the built-in filters.
type FilterConfig struct {
	Quality QualityConfig `yaml:"quality" json:"quality"`
	Guard   GuardConfig   `yaml:"guard" json:"guard"`
}

// ReviewConfig decides what goes to needs_review.jsonl.
type ReviewConfig struct {
	// Below is the annotation confidence under which a record needs
	// review. Default 0.5.
	Below float64 `yaml:"below" json:"below"`
	// HoldOut keeps records that need review out of the splits (they are
	// still written to needs_review.jsonl). Default false: they train
	// with their current labels.
	HoldOut bool `yaml:"hold_out" json:"hold_out"`
}

// DefaultCurateConfig returns the defaults every field falls back to.
func DefaultCurateConfig() CurateConfig {
	return CurateConfig{
		Seed:   1,
		Scrub:  ScrubStage{Enabled: true},
		Dedupe: DedupeStage{Enabled: true, DedupeConfig: DedupeConfig{Threshold: 0.7, Perms: 128, Shingle: 3, DropNear: true}},
		Filter: FilterConfig{Quality: DefaultQualityConfig(), Guard: DefaultGuardConfig()},
		Review: ReviewConfig{Below: 0.5},
		Split:  SplitConfig{Train: 0.8, Val: 0.1, Test: 0.1},
	}
}

// Validate checks every value and names the first bad field.
func (c *CurateConfig) Validate() error {
	if c.Workers < 0 {
		return fmt.Errorf("%w: workers: %d is negative", ErrConfig, c.Workers)
	}
	for _, t := range c.Scrub.Disable {
		if !validPIIType(t) {
			return fmt.Errorf("%w: scrub.disable: unknown type %q (want EMAIL, PHONE, NAME, ADDRESS, ID, URL or DATE)", ErrConfig, t)
		}
	}
	if err := c.Dedupe.validate(); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	if err := c.Filter.Quality.validate(); err != nil {
		return fmt.Errorf("%w: filter.quality.%v", ErrConfig, err)
	}
	if err := c.Filter.Guard.validate(); err != nil {
		return fmt.Errorf("%w: filter.guard.%v", ErrConfig, err)
	}
	if c.Review.Below < 0 || c.Review.Below > 1 {
		return fmt.Errorf("%w: review.below: %g is outside 0..1", ErrConfig, c.Review.Below)
	}
	if err := c.Split.validate(); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	return nil
}

func validPIIType(t PIIType) bool {
	for _, k := range PIITypes {
		if k == t {
			return true
		}
	}
	return false
}

// ParseCurateConfig reads YAML over the defaults; name labels errors.
func ParseCurateConfig(r io.Reader, name string) (CurateConfig, error) {
	cfg := DefaultCurateConfig()
	b, err := io.ReadAll(r)
	if err != nil {
		return cfg, fmt.Errorf("%s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return cfg, fmt.Errorf("%s: %w: %v", name, ErrConfig, err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("%s: %w", name, err)
	}
	return cfg, nil
}

// LoadCurateConfig reads and validates a config file.
func LoadCurateConfig(path string) (CurateConfig, error) {
	f, err := os.Open(path)
	if err != nil {
		return DefaultCurateConfig(), err
	}
	defer f.Close()
	return ParseCurateConfig(f, path)
}
