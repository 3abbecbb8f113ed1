// Loading the datasets of a run: tend dataset directories (as `tend data
// curate` writes them), plain JSONL files of conversations or TRL-shaped
// preference pairs, and plain-text corpora, each split into train and val.
// Records a file marks as test are never trained on.
package train

import (
	"bufio"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tend-project/tend/conv"
)

// ErrData marks unusable training data (an empty dataset, a missing file).
// Check with errors.Is.
var ErrData = errors.New("training data")

// corpus holds the records of a run, split.
type corpus struct {
	trainConvs, valConvs []*conv.Conversation
	trainPairs, valPairs []*conv.PreferencePair
	trainText, valText   []string
	skippedTest          int
}

func (c *corpus) trainLen() int { return len(c.trainConvs) + len(c.trainPairs) + len(c.trainText) }

// heldOut decides a record's split from its key when its file has none, so
// the same record always lands on the same side.
func heldOut(key string, frac float64) bool {
	if frac <= 0 {
		return false
	}
	h := fnv.New64a()
	io.WriteString(h, key)
	return float64(h.Sum64()%1_000_000) < frac*1_000_000
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// loadCorpus reads every dataset of cfg.
func loadCorpus(cfg *Config) (*corpus, error) {
	c := &corpus{}
	for i, d := range cfg.Datasets {
		typ := d.Type
		if typ == "" {
			switch cfg.Method {
			case "dpo", "reward":
				typ = "preferences"
			case "pretrain":
				typ = "conversations"
				if ext := strings.ToLower(filepath.Ext(d.Path)); ext == ".txt" || ext == ".md" {
					typ = "text"
				}
			default:
				typ = "conversations"
			}
		}
		field := fmt.Sprintf("datasets[%d]", i)
		if err := c.load(d.Path, typ, cfg.ValSetSize); err != nil {
			return nil, fmt.Errorf("%s (%s): %w", field, d.Path, err)
		}
	}
	if c.trainLen() == 0 {
		return nil, fmt.Errorf("%w: the datasets hold no training records for method %s", ErrData, cfg.Method)
	}
	return c, nil
}

func (c *corpus) load(path, typ string, valFrac float64) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		switch typ {
		case "conversations":
			return loadJSONL(path, "", valFrac, &c.trainConvs, &c.valConvs, &c.skippedTest, convKey)
		case "preferences":
			return loadJSONL(path, "", valFrac, &c.trainPairs, &c.valPairs, &c.skippedTest, pairKey)
		default:
			return c.loadText(path, valFrac)
		}
	}
	// A dataset directory: split files when present, else the unsplit file.
	switch typ {
	case "conversations":
		if tr := filepath.Join(path, "train.jsonl"); exists(tr) {
			if err := loadJSONL(tr, conv.SplitTrain, 0, &c.trainConvs, &c.valConvs, &c.skippedTest, convKey); err != nil {
				return err
			}
			if v := filepath.Join(path, "val.jsonl"); exists(v) {
				return loadJSONL(v, conv.SplitVal, 0, &c.trainConvs, &c.valConvs, &c.skippedTest, convKey)
			}
			return nil
		}
		if all := filepath.Join(path, "conversations.jsonl"); exists(all) {
			return loadJSONL(all, "", valFrac, &c.trainConvs, &c.valConvs, &c.skippedTest, convKey)
		}
		return fmt.Errorf("%w: no train.jsonl or conversations.jsonl in the directory", ErrData)
	case "preferences":
		if tr := filepath.Join(path, "preferences", "train.jsonl"); exists(tr) {
			if err := loadJSONL(tr, conv.SplitTrain, 0, &c.trainPairs, &c.valPairs, &c.skippedTest, pairKey); err != nil {
				return err
			}
			if v := filepath.Join(path, "preferences", "val.jsonl"); exists(v) {
				return loadJSONL(v, conv.SplitVal, 0, &c.trainPairs, &c.valPairs, &c.skippedTest, pairKey)
			}
			return nil
		}
		if all := filepath.Join(path, "preferences.jsonl"); exists(all) {
			return loadJSONL(all, "", valFrac, &c.trainPairs, &c.valPairs, &c.skippedTest, pairKey)
		}
		return fmt.Errorf("%w: no preferences/train.jsonl or preferences.jsonl in the directory", ErrData)
	default:
		return fmt.Errorf("%w: type text needs a .txt file, not a directory", ErrData)
	}
}

func convKey(c *conv.Conversation) (string, conv.Split) {
	if c.ID != "" {
		return c.ID, c.Split
	}
	return c.LastUser(), c.Split
}

func pairKey(p *conv.PreferencePair) (string, conv.Split) {
	if p.ID != "" {
		return p.ID, p.Split
	}
	var b strings.Builder
	for _, m := range p.Prompt {
		b.WriteString(m.Content)
	}
	return b.String(), p.Split
}

// loadJSONL reads records into train or val. force, when set, puts every
// record on that side; otherwise a record's own split field decides, and
// records without one are held out by hash with probability valFrac.
func loadJSONL[T conv.Record](path string, force conv.Split, valFrac float64, train, val *[]*T, skipped *int, key func(*T) (string, conv.Split)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := conv.NewReader[T](bufio.NewReaderSize(f, 1<<20), path)
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		p := new(T)
		*p = rec
		k, split := key(p)
		if force != "" {
			split = force
		}
		switch {
		case split == conv.SplitTest:
			*skipped++
		case split == conv.SplitVal:
			*val = append(*val, p)
		case split == conv.SplitTrain:
			*train = append(*train, p)
		case heldOut(k, valFrac):
			*val = append(*val, p)
		default:
			*train = append(*train, p)
		}
	}
}

// loadText splits a plain-text file into documents at blank lines.
func (c *corpus) loadText(path string, valFrac float64) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for doc := range strings.SplitSeq(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
		doc = strings.TrimSpace(doc)
		if doc == "" {
			continue
		}
		if heldOut(doc, valFrac) {
			c.valText = append(c.valText, doc)
		} else {
			c.trainText = append(c.trainText, doc)
		}
	}
	return nil
}
