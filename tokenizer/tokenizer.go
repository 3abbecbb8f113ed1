// Package tokenizer implements byte-level BPE compatible with Hugging Face
// tokenizer.json files (GPT-2, Llama 3, Qwen2 and tokenizers trained by
// tend), a BPE trainer, and chat templates that produce token ids together
// with a loss mask over the assistant's tokens.
//
// Encoding runs: added tokens are cut out of the text, the rest is
// normalized, pre-tokenized into words, and each word is merged by the BPE
// model. Decoding maps ids back to bytes; Decoder does it incrementally
// without ever emitting half a UTF-8 character.
package tokenizer

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Tokenizer is a loaded byte-level BPE tokenizer. It is safe for concurrent
// use.
type Tokenizer struct {
	model     *bpeModel
	norm      normalizerFunc
	steps     []preStep
	fast      int       // splitter family when the pre-tokenizer is just one family scan, else 0
	bos       *template // post-processor ids around a single sequence
	added     []AddedToken
	addedByID map[int]int    // id -> index into added
	addedIDs  map[string]int // content -> id
	rawMatch  *addedMatcher
	normMatch *addedMatcher
	tokens    []string // id -> token as stored (byte-level form for the model vocab)
	bytes     [][]byte // id -> the bytes it decodes to

	chat *ChatTemplate // from tokenizer_config.json, when loaded with LoadDir
}

// preStep is one pre-tokenizer: a Split, or the final ByteLevel step
// (which may prepend a space and split with the GPT-2 pattern).
type preStep struct {
	split       *splitter
	byteLevel   bool
	prefixSpace bool
}

// template holds the ids a TemplateProcessing post-processor adds.
type template struct{ before, after []int }

type encodeState struct {
	segs, subs []segment
	a, b       []piece
	m          [][2]int
}

var statePool = sync.Pool{New: func() any { return new(encodeState) }}

// release drops the state's references into the caller's text, so a pooled
// state never keeps a large input alive, and returns it to the pool.
func (st *encodeState) release() {
	clear(st.segs)
	clear(st.subs)
	clear(st.a)
	clear(st.b)
	statePool.Put(st)
}

// Encode returns the token ids of text. With addSpecial the post-processor's
// tokens (such as Llama 3's <|begin_of_text|>) are added, as Hugging Face
// does by default; chat templates write those tokens themselves and are
// encoded without.
func (t *Tokenizer) Encode(text string, addSpecial bool) []int {
	var ids []int
	if addSpecial && t.bos != nil {
		ids = append(ids, t.bos.before...)
	}
	ids, _ = t.encode(text, ids, nil)
	if addSpecial && t.bos != nil {
		ids = append(ids, t.bos.after...)
	}
	return ids
}

// EncodeOffsets is Encode without special tokens that also returns, for each
// id, the byte range [start, end) of text it covers. Tokens from a segment
// the normalizer changed get the whole segment's range.
func (t *Tokenizer) EncodeOffsets(text string) ([]int, [][2]int) {
	offs := [][2]int{}
	ids, offs := t.encode(text, nil, offs)
	return ids, offs
}

func (t *Tokenizer) encode(text string, ids []int, offs [][2]int) ([]int, [][2]int) {
	withOffs := offs != nil
	st := statePool.Get().(*encodeState)
	defer st.release()
	st.segs = t.rawMatch.split(text, 0, st.segs[:0])
	for _, seg := range st.segs {
		if seg.id >= 0 {
			ids = append(ids, seg.id)
			if withOffs {
				offs = append(offs, [2]int{seg.off, seg.off + len(seg.text)})
			}
			continue
		}
		n, changed := seg.text, false
		if t.norm != nil {
			n = t.norm(seg.text)
			changed = n != seg.text
		}
		st.subs = t.normMatch.split(n, 0, st.subs[:0])
		for _, sub := range st.subs {
			if sub.id >= 0 {
				ids = append(ids, sub.id)
				if withOffs {
					offs = append(offs, span(changed, seg, sub.off, sub.off+len(sub.text)))
				}
				continue
			}
			if t.fast != 0 && !withOffs {
				// The common case streams words straight from the scanner.
				text := sub.text
				for i := 0; i < len(text); {
					j := nextMatch(t.fast, text, i)
					ids = t.model.encodeWord(text[i:j], ids)
					i = j
				}
				continue
			}
			for _, p := range t.pretokenize(sub.text, st) {
				start := len(ids)
				ids = t.model.encodeWord(p.s, ids)
				if !withOffs {
					continue
				}
				pos := sub.off + p.off
				for _, id := range ids[start:] {
					end := pos + len(t.bytes[id])
					offs = append(offs, span(changed, seg, clamp(pos, sub.off, sub.off+len(sub.text)), clamp(end, sub.off, sub.off+len(sub.text))))
					pos = end
				}
			}
		}
	}
	return ids, offs
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

// span maps a range in a segment's normalized text to the original text.
func span(changed bool, seg segment, a, b int) [2]int {
	if changed {
		return [2]int{seg.off, seg.off + len(seg.text)}
	}
	return [2]int{seg.off + a, seg.off + b}
}

// pretokenize runs the pre-tokenizer steps over s; the result aliases st.
func (t *Tokenizer) pretokenize(s string, st *encodeState) []piece {
	if s == "" {
		return nil
	}
	cur := append(st.a[:0], piece{s, 0})
	next := st.b[:0]
	for _, step := range t.steps {
		if step.prefixSpace {
			for i := range cur {
				if !strings.HasPrefix(cur[i].s, " ") {
					cur[i] = piece{" " + cur[i].s, cur[i].off - 1}
				}
			}
		}
		if step.split != nil {
			next = next[:0]
			for _, p := range cur {
				next, st.m = step.split.split(p, next, st.m)
			}
			cur, next = next, cur
		}
	}
	st.a, st.b = cur, next
	return cur
}

// Decode returns the text of ids, skipping special tokens if asked. Like
// Hugging Face's decode, bytes that do not form valid UTF-8 (ids cut in the
// middle of a character) become U+FFFD; DecodeBytes returns them exactly.
// Unknown ids are skipped, as Hugging Face does.
func (t *Tokenizer) Decode(ids []int, skipSpecial bool) string {
	return ValidUTF8(string(t.DecodeBytes(ids, skipSpecial)))
}

// DecodeBytes returns the exact bytes ids stand for.
func (t *Tokenizer) DecodeBytes(ids []int, skipSpecial bool) []byte {
	var b []byte
	for _, id := range ids {
		b = t.appendToken(b, id, skipSpecial)
	}
	return b
}

// ValidUTF8 replaces each maximal invalid subsequence of s with U+FFFD, as
// Rust's String::from_utf8_lossy (and so Hugging Face) does.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || w > 1 {
			b.WriteString(s[i : i+w])
			i += w
			continue
		}
		b.WriteRune(utf8.RuneError)
		i += maximalSubpart(s[i:])
	}
	return b.String()
}

// maximalSubpart returns the length of the longest prefix of s (which
// starts with an invalid sequence) that could begin a valid character, or 1.
func maximalSubpart(s string) int {
	c := s[0]
	lo, hi, need := byte(0x80), byte(0xBF), 0
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 2
	case c == 0xE0:
		lo, need = 0xA0, 3
	case c == 0xED:
		hi, need = 0x9F, 3
	case c >= 0xE1 && c <= 0xEF:
		need = 3
	case c == 0xF0:
		lo, need = 0x90, 4
	case c == 0xF4:
		hi, need = 0x8F, 4
	case c >= 0xF1 && c <= 0xF3:
		need = 4
	default:
		return 1
	}
	k := 1
	if k < len(s) && s[k] >= lo && s[k] <= hi {
		k++
		for k < need && k < len(s) && s[k] >= 0x80 && s[k] <= 0xBF {
			k++
		}
	}
	return k
}

func (t *Tokenizer) appendToken(b []byte, id int, skipSpecial bool) []byte {
	if id < 0 || id >= len(t.bytes) {
		return b
	}
	if skipSpecial && t.IsSpecial(id) {
		return b
	}
	return append(b, t.bytes[id]...)
}

// VocabSize is one more than the largest id, counting added tokens.
func (t *Tokenizer) VocabSize() int { return len(t.tokens) }

// Token returns the token string for id as tokenizer.json stores it (the
// byte-level form for model tokens), or "" for an unknown id.
func (t *Tokenizer) Token(id int) string {
	if id < 0 || id >= len(t.tokens) {
		return ""
	}
	return t.tokens[id]
}

// TokenID looks up an added token by content, then a model token by its
// byte-level form.
func (t *Tokenizer) TokenID(tok string) (int, bool) {
	if id, ok := t.addedIDs[tok]; ok {
		return id, true
	}
	id, ok := t.model.vocab[tok]
	return id, ok
}

// IsSpecial reports whether id is an added token marked special.
func (t *Tokenizer) IsSpecial(id int) bool {
	k, ok := t.addedByID[id]
	return ok && t.added[k].Special
}

// AddedTokens returns the tokenizer's added tokens.
func (t *Tokenizer) AddedTokens() []AddedToken { return append([]AddedToken(nil), t.added...) }

// Decoder turns a stream of ids into text pieces, holding back bytes of an
// incomplete UTF-8 character until the ids that complete it arrive.
type Decoder struct {
	t           *Tokenizer
	skipSpecial bool
	pending     []byte
}

// NewDecoder starts a streaming decode.
func (t *Tokenizer) NewDecoder(skipSpecial bool) *Decoder {
	return &Decoder{t: t, skipSpecial: skipSpecial}
}

// Add decodes one more id and returns the text that is now complete
// (possibly ""). Bytes that can never form a character come out as U+FFFD,
// so the pieces joined equal Decode of all the ids.
func (d *Decoder) Add(id int) string {
	d.pending = d.t.appendToken(d.pending, id, d.skipSpecial)
	n := completePrefix(d.pending)
	out := ValidUTF8(string(d.pending[:n]))
	d.pending = append(d.pending[:0], d.pending[n:]...)
	return out
}

// Flush returns whatever is held back; call it at the end of the stream.
func (d *Decoder) Flush() string {
	out := ValidUTF8(string(d.pending))
	d.pending = d.pending[:0]
	return out
}

// completePrefix returns how many leading bytes of b can be emitted: all of
// them unless b ends with the start of a multi-byte character that more
// bytes could still complete. Invalid bytes are emitted, never held.
func completePrefix(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return len(b)
		}
		if c < 0xC0 {
			continue // continuation byte; look further back
		}
		need := 0
		switch {
		case c >= 0xF0 && c <= 0xF4:
			need = 4
		case c >= 0xE0:
			need = 3
		case c >= 0xC2 && c < 0xE0:
			need = 2
		}
		if need > k && !utf8.FullRune(b[len(b)-k:]) && validPrefix(b[len(b)-k:]) {
			return len(b) - k
		}
		return len(b)
	}
	return len(b)
}

// validPrefix reports whether b could begin a valid UTF-8 character.
func validPrefix(b []byte) bool {
	for _, c := range []byte{0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF} {
		probe := append(append([]byte(nil), b...), c, 0x80, 0x80)
		if r, _ := utf8.DecodeRune(probe); r != utf8.RuneError {
			return true
		}
	}
	return false
}
