// The generation cache: model replies keyed by a hash of (model identity,
// prompt messages, generation settings), kept as an append-only JSONL file
// so a rerun of the same evaluation asks no model anything. A torn last
// line (a crash mid-write) is skipped on load.
package eval

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/tend-project/tend/conv"
)

// Settings are the generation settings that change a reply; they are part
// of the cache key.
type Settings struct {
	Temperature  float64 `json:"temperature"`
	TopP         float64 `json:"top_p"`
	MaxTokens    int     `json:"max_tokens"`
	Seed         int64   `json:"seed"`
	SystemPrompt string  `json:"system_prompt,omitempty"`
}

// CacheKey hashes what determines a reply. modelID should change whenever
// the weights do (see ModelID).
func CacheKey(modelID string, msgs []conv.Message, s Settings) string {
	b, _ := json.Marshal(struct {
		Model    string         `json:"model"`
		Messages []conv.Message `json:"messages"`
		Settings Settings       `json:"settings"`
	}{modelID, msgs, s})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ModelID identifies a model for the cache: for a local directory its
// absolute path plus the size and modification time of every file in it,
// so retraining in place invalidates the cache; for anything else, spec.
func ModelID(spec string) string {
	st, err := os.Stat(spec)
	if err != nil || !st.IsDir() {
		return spec
	}
	abs, _ := filepath.Abs(spec)
	h := sha256.New()
	fmt.Fprintln(h, abs)
	ents, _ := os.ReadDir(spec)
	for _, e := range ents {
		if info, err := e.Info(); err == nil && !e.IsDir() {
			fmt.Fprintln(h, e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return "dir:" + abs + "@" + hex.EncodeToString(h.Sum(nil))[:16]
}

// CacheEntry is one cached reply.
type CacheEntry struct {
	Key          string  `json:"key"`
	Model        string  `json:"model"`
	Case         string  `json:"case"`
	Text         string  `json:"text"`
	FinishReason string  `json:"finish_reason,omitempty"`
	Seconds      float64 `json:"seconds"`
	// Scores, on score entries, are the measures of a cached reply (see
	// scoreKey); generation entries leave it nil.
	Scores *ScoreEntry `json:"scores,omitempty"`
	// NLL and Tokens, on perplexity entries, are a reference reply's summed
	// negative log-likelihood and token count under the model (see
	// perplexityKey).
	NLL    *float64 `json:"nll,omitempty"`
	Tokens int      `json:"tokens,omitempty"`
}

// perplexityKey hashes what determines a reference reply's perplexity.
func perplexityKey(modelID string, msgs []conv.Message, reference string) string {
	b, _ := json.Marshal(struct {
		Kind      string         `json:"kind"`
		Model     string         `json:"model"`
		Messages  []conv.Message `json:"messages"`
		Reference string         `json:"reference"`
	}{"perplexity", modelID, msgs, reference})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ScoreEntry caches the expensive measures of one raw reply: its checks
// and empathy, and the pipeline reply with its checks and empathy.
type ScoreEntry struct {
	Checks       Checks       `json:"checks"`
	Empathy      conv.Empathy `json:"empathy"`
	PipeReply    string       `json:"pipe_reply"`
	PipeCrisis   bool         `json:"pipe_crisis,omitempty"`
	PipeChecks   Checks       `json:"pipe_checks"`
	PipeEmpathy  conv.Empathy `json:"pipe_empathy"`
	ScoreVersion string       `json:"version"`
}

// Cache is a loaded cache file. Safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	path string
	m    map[string]CacheEntry
	f    *os.File
}

// OpenCache loads (or creates) dir/generations.jsonl.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "generations.jsonl")
	c := &Cache{path: path, m: map[string]CacheEntry{}}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<16), conv.MaxLineBytes)
		for sc.Scan() {
			var e CacheEntry
			if json.Unmarshal(sc.Bytes(), &e) == nil && e.Key != "" {
				c.m[e.Key] = e
			}
		}
		err := sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	c.f = f
	return c, nil
}

// Len returns the number of cached replies.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Get returns the cached entry for key.
func (c *Cache) Get(key string) (CacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	return e, ok
}

// Put stores e and appends it to the file.
func (c *Cache) Put(e CacheEntry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[e.Key] = e
	if _, err := c.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("%s: %w", c.path, err)
	}
	return nil
}

// Close closes the file.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}
