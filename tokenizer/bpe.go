// The BPE model: turns one pre-tokenized word (raw bytes) into token ids by
// applying merges in rank order, the way Hugging Face's BPE model does
// (lowest rank first, leftmost first on ties). Merges live in a map keyed
// by the pair of ids packed into a uint64, and whole words are cached.
package tokenizer

import (
	"sync"
)

type mergeRule struct {
	rank int32
	id   int32 // id of the merged token
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

type bpeModel struct {
	vocab        map[string]int // byte-level form -> id
	merges       map[uint64]mergeRule
	byteID       [256]int32 // id of each single byte, -1 if absent
	ignoreMerges bool
	unkID        int32 // -1 when the model has no unk token
	fuseUnk      bool

	mu        sync.RWMutex
	cache     map[string][]int32
	cacheSize int // 0 disables the cache
}

const maxCachedWord = 256

type bpeSymbol struct {
	id         int32
	prev, next int32
	dead       bool
}

type bpeCand struct{ rank, pos, id int32 }

// bpeScratch holds the per-call buffers so that encoding a word allocates
// nothing once the buffers have grown.
type bpeScratch struct {
	syms []bpeSymbol
	heap []bpeCand
}

var scratchPool = sync.Pool{New: func() any { return new(bpeScratch) }}

// encodeWord appends the ids of word (raw bytes) to dst.
func (m *bpeModel) encodeWord(word string, dst []int) []int {
	if m.cacheSize > 0 && len(word) <= maxCachedWord {
		m.mu.RLock()
		ids, ok := m.cache[word]
		m.mu.RUnlock()
		if ok {
			for _, id := range ids {
				dst = append(dst, int(id))
			}
			return dst
		}
	}
	start := len(dst)
	dst = m.merge(word, dst)
	if m.cacheSize > 0 && len(word) <= maxCachedWord {
		ids := make([]int32, len(dst)-start)
		for k, id := range dst[start:] {
			ids[k] = int32(id)
		}
		m.mu.Lock()
		if len(m.cache) >= m.cacheSize {
			clear(m.cache)
		}
		m.cache[word] = ids
		m.mu.Unlock()
	}
	return dst
}

func (m *bpeModel) merge(word string, dst []int) []int {
	if m.ignoreMerges {
		if id, ok := m.vocab[byteLevelEncode(word)]; ok {
			return append(dst, id)
		}
	}
	sc := scratchPool.Get().(*bpeScratch)
	defer scratchPool.Put(sc)
	syms := sc.syms[:0]
	for i := 0; i < len(word); i++ {
		id := m.byteID[word[i]]
		if id < 0 {
			// Hugging Face drops characters it cannot map when the model
			// has no unk token, and fuses consecutive unks if asked.
			if m.unkID < 0 {
				continue
			}
			if m.fuseUnk && len(syms) > 0 && syms[len(syms)-1].id == m.unkID {
				continue
			}
			id = m.unkID
		}
		n := int32(len(syms))
		syms = append(syms, bpeSymbol{id: id, prev: n - 1, next: n + 1})
	}
	if len(syms) == 0 {
		sc.syms = syms
		return dst
	}
	syms[len(syms)-1].next = -1
	h := sc.heap[:0]
	for i := 0; i+1 < len(syms); i++ {
		if r, ok := m.merges[pairKey(syms[i].id, syms[i+1].id)]; ok {
			h = heapPush(h, bpeCand{r.rank, int32(i), r.id})
		}
	}
	for len(h) > 0 {
		var top bpeCand
		top, h = heapPop(h)
		s := &syms[top.pos]
		if s.dead || s.next < 0 {
			continue
		}
		right := s.next
		r, ok := m.merges[pairKey(s.id, syms[right].id)]
		if !ok || r.id != top.id {
			continue // stale: one side was merged since this was queued
		}
		s.id = top.id
		s.next = syms[right].next
		syms[right].dead = true
		if s.next >= 0 {
			syms[s.next].prev = top.pos
		}
		if s.prev >= 0 {
			if r, ok := m.merges[pairKey(syms[s.prev].id, s.id)]; ok {
				h = heapPush(h, bpeCand{r.rank, s.prev, r.id})
			}
		}
		if s.next >= 0 {
			if r, ok := m.merges[pairKey(s.id, syms[s.next].id)]; ok {
				h = heapPush(h, bpeCand{r.rank, top.pos, r.id})
			}
		}
	}
	for i := int32(0); i >= 0; i = syms[i].next {
		dst = append(dst, int(syms[i].id))
	}
	sc.syms, sc.heap = syms, h
	return dst
}

func candLess(a, b bpeCand) bool {
	return a.rank < b.rank || (a.rank == b.rank && a.pos < b.pos)
}

func heapPush(h []bpeCand, c bpeCand) []bpeCand {
	h = append(h, c)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if !candLess(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	return h
}

func heapPop(h []bpeCand) (bpeCand, []bpeCand) {
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && candLess(h[l], h[m]) {
			m = l
		}
		if r < n && candLess(h[r], h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return top, h
}
