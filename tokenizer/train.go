// The BPE trainer: counts pre-tokenized words from a text stream, then
// repeatedly merges the most frequent adjacent pair. Pair counts are kept
// in a map and updated incrementally for only the words a merge touches,
// with a lazily-invalidated max-heap to find the next best pair, so a
// corpus of a few megabytes trains an 8k vocabulary in seconds.
package tokenizer

import (
	"container/heap"
	"fmt"
	"slices"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// VocabSize is the final vocabulary size, counting special tokens and
	// the 256 byte tokens.
	VocabSize int
	// Special tokens get the first ids, are never split, and are listed as
	// special added tokens.
	Special []string
	// Pattern is the pre-tokenizer family: "gpt2", "llama3" or "qwen2".
	Pattern string
	// BOS, if set, is added before every sequence by a TemplateProcessing
	// post-processor (as Llama 3 does); it must be one of Special.
	BOS string
	// MinFrequency stops training when the best pair occurs fewer times.
	MinFrequency int
	// LegacyMerges writes merges as "a b" strings, which Hugging Face
	// tokenizers before 0.20 require, instead of ["a", "b"] pairs.
	LegacyMerges bool
}

// Trainer counts words and learns merges. Use NewTrainer, Add text, then Train.
type Trainer struct {
	opts  TrainOptions
	pre   *Tokenizer // the untrained tokenizer, used for its pre-tokenization
	words map[string]int
	bytes int64
}

// NewTrainer checks the options and prepares the pre-tokenizer.
func NewTrainer(opts TrainOptions) (*Trainer, error) {
	if opts.MinFrequency < 1 {
		opts.MinFrequency = 1
	}
	if opts.Pattern == "" {
		opts.Pattern = "llama3"
	}
	if opts.VocabSize < 256+len(opts.Special) {
		return nil, fmt.Errorf("vocab size %d is below 256 bytes + %d special tokens", opts.VocabSize, len(opts.Special))
	}
	seen := map[string]bool{}
	for _, s := range opts.Special {
		if s == "" || seen[s] {
			return nil, fmt.Errorf("special token %q is empty or repeated", s)
		}
		seen[s] = true
	}
	if opts.BOS != "" && !seen[opts.BOS] {
		return nil, fmt.Errorf("BOS token %q is not among the special tokens", opts.BOS)
	}
	f := &trained{opts: opts}
	f.addBytes()
	data, err := f.marshal()
	if err != nil {
		return nil, err
	}
	pre, err := Parse(data, "trainer")
	if err != nil {
		return nil, err
	}
	return &Trainer{opts: opts, pre: pre, words: map[string]int{}}, nil
}

// Add counts the words of one chunk of text. Chunks should end at line
// breaks: pre-tokens never span two chunks.
func (tr *Trainer) Add(text string) {
	tr.bytes += int64(len(text))
	t := tr.pre
	st := &encodeState{}
	for _, seg := range t.rawMatch.split(text, 0, nil) {
		if seg.id >= 0 {
			continue
		}
		n := seg.text
		if t.norm != nil {
			n = t.norm(n)
		}
		for _, p := range t.pretokenize(n, st) {
			tr.words[p.s]++
		}
	}
}

// Words reports how many distinct words and bytes have been counted.
func (tr *Trainer) Words() (distinct int, bytes int64) { return len(tr.words), tr.bytes }

type trainWord struct {
	syms  []int32
	count int64
}

type pairHeap []pairCount

type pairCount struct {
	pair  uint64
	count int64
}

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].count != h[j].count {
		return h[i].count > h[j].count
	}
	return h[i].pair < h[j].pair // lower ids first, for determinism
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pairCount)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Train learns merges until the vocabulary is full or no pair occurs
// MinFrequency times, and returns the tokenizer.json contents. progress,
// if not nil, is called after each merge with the vocabulary size so far.
func (tr *Trainer) Train(progress func(vocab int)) ([]byte, error) {
	f := &trained{opts: tr.opts}
	f.addBytes()
	byteID := func(b byte) int32 { return int32(len(tr.opts.Special)) + int32(b) }

	keys := make([]string, 0, len(tr.words))
	for w := range tr.words {
		keys = append(keys, w)
	}
	slices.Sort(keys) // deterministic word order, hence deterministic ties
	words := make([]trainWord, len(keys))
	counts := map[uint64]int64{}
	where := map[uint64][]int32{}
	for wi, k := range keys {
		w := trainWord{syms: make([]int32, len(k)), count: int64(tr.words[k])}
		for i := 0; i < len(k); i++ {
			w.syms[i] = byteID(k[i])
		}
		for i := 0; i+1 < len(w.syms); i++ {
			p := pairKey(w.syms[i], w.syms[i+1])
			counts[p] += w.count
			where[p] = append(where[p], int32(wi))
		}
		words[wi] = w
	}
	h := make(pairHeap, 0, len(counts))
	for p, c := range counts {
		h = append(h, pairCount{p, c})
	}
	heap.Init(&h)

	stamp := make([]int32, len(words))
	touched := map[uint64]bool{}
	for step := int32(1); len(f.tokens) < tr.opts.VocabSize && h.Len() > 0; step++ {
		top := heap.Pop(&h).(pairCount)
		if c := counts[top.pair]; c != top.count {
			if c > 0 {
				heap.Push(&h, pairCount{top.pair, c}) // stale entry: requeue
			}
			step--
			continue
		}
		if top.count < int64(tr.opts.MinFrequency) {
			break
		}
		a, b := int32(top.pair>>32), int32(uint32(top.pair))
		newID := f.addMerge(a, b)
		clear(touched)
		for _, wi := range where[top.pair] {
			if stamp[wi] == step {
				continue
			}
			stamp[wi] = step
			w := &words[wi]
			if !slices.Contains(w.syms, a) {
				continue
			}
			for i := 0; i+1 < len(w.syms); i++ {
				counts[pairKey(w.syms[i], w.syms[i+1])] -= w.count
			}
			out := w.syms[:0]
			for i := 0; i < len(w.syms); i++ {
				if i+1 < len(w.syms) && w.syms[i] == a && w.syms[i+1] == b {
					out = append(out, newID)
					i++
				} else {
					out = append(out, w.syms[i])
				}
			}
			w.syms = out
			for i := 0; i+1 < len(w.syms); i++ {
				p := pairKey(w.syms[i], w.syms[i+1])
				counts[p] += w.count
				if w.syms[i] == newID || w.syms[i+1] == newID {
					where[p] = append(where[p], wi)
					touched[p] = true
				}
			}
		}
		delete(where, top.pair)
		delete(counts, top.pair)
		for p := range touched {
			if c := counts[p]; c > 0 {
				heap.Push(&h, pairCount{p, c})
			}
		}
		if progress != nil {
			progress(len(f.tokens))
		}
	}
	return f.marshal()
}
