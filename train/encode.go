// Turning records into token sequences and sequences into model batches.
// A sequence carries a per-token flag saying whether the token is a target
// the loss counts (the assistant mask of the chat template for SFT, only the
// final reply for preference pairs, every token for pretraining). Batches
// are either one sequence per row, padded, or packed: several sequences per
// row with segment ids, so attention never crosses sequences and positions
// restart at each one.
package train

import (
	"fmt"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/model"
	"github.com/tend-project/tend/tokenizer"
)

const ignoreIndex = -100 // nn.IgnoreIndex

// seq is one tokenized example. mask[i] says token i is a counted target
// (predicted from the tokens before it).
type seq struct {
	ids  []int32
	mask []bool
}

func (s seq) counted() int {
	n := 0
	for _, m := range s.mask[1:] {
		if m {
			n++
		}
	}
	return n
}

// encoder renders records with a tokenizer and chat template and cuts them
// to the run's sequence length.
type encoder struct {
	tok       *tokenizer.Tokenizer
	tmpl      *tokenizer.ChatTemplate
	maxLen    int
	eos       int
	truncated int
}

func newEncoder(tok *tokenizer.Tokenizer, tmpl *tokenizer.ChatTemplate, maxLen, eos int) *encoder {
	return &encoder{tok: tok, tmpl: tmpl, maxLen: maxLen, eos: eos}
}

func (e *encoder) cut(ids []int, mask []bool) seq {
	if len(ids) > e.maxLen {
		ids, mask = ids[:e.maxLen], mask[:e.maxLen]
		e.truncated++
	}
	s := seq{ids: make([]int32, len(ids)), mask: mask}
	for i, id := range ids {
		s.ids[i] = int32(id)
	}
	return s
}

// conversation renders c; with all set every token counts (pretraining),
// otherwise only the assistant's.
func (e *encoder) conversation(c *conv.Conversation, all bool) (seq, error) {
	ids, mask, err := e.tok.RenderChat(e.tmpl, c.Messages, false)
	if err != nil {
		return seq{}, fmt.Errorf("conversation %s: %w", c.ID, err)
	}
	if all {
		for i := range mask {
			mask[i] = true
		}
	}
	return e.cut(ids, mask), nil
}

// text encodes a document for pretraining, with the tokenizer's own
// special tokens and an end-of-text token.
func (e *encoder) text(doc string) seq {
	ids := append(e.tok.Encode(doc, true), e.eos)
	mask := make([]bool, len(ids))
	for i := range mask {
		mask[i] = true
	}
	return e.cut(ids, mask)
}

// completion renders prompt+reply and keeps the mask on the reply's
// assistant turns only: the assistant spans of the prompt are cleared.
func (e *encoder) completion(prompt, reply []conv.Message) (seq, error) {
	msgs := append(append([]conv.Message{}, prompt...), reply...)
	ids, mask, err := e.tok.RenderChat(e.tmpl, msgs, false)
	if err != nil {
		return seq{}, err
	}
	skip := 0
	for _, m := range prompt {
		if m.Role == conv.Role("assistant") {
			skip++
		}
	}
	for i := 0; i < len(mask) && skip > 0; i++ {
		if mask[i] && (i+1 == len(mask) || !mask[i+1]) {
			skip--
		}
		mask[i] = false
	}
	if over := len(ids) - e.maxLen; over > 0 {
		// Keep the end, as TRL's keep_end does: the reply matters, the
		// oldest turns of the prompt least.
		ids, mask = ids[over:], mask[over:]
		e.truncated++
	}
	s := e.cut(ids, mask)
	if s.counted() == 0 {
		return seq{}, fmt.Errorf("%w: the reply has no trainable tokens within sequence_len %d", ErrData, e.maxLen)
	}
	return s, nil
}

// pairSeqs encodes a preference pair as (chosen, rejected).
func (e *encoder) pair(p *conv.PreferencePair) (seq, seq, error) {
	c, err := e.completion(p.Prompt, p.Chosen)
	if err != nil {
		return seq{}, seq{}, fmt.Errorf("pair %s chosen: %w", p.ID, err)
	}
	r, err := e.completion(p.Prompt, p.Rejected)
	if err != nil {
		return seq{}, seq{}, fmt.Errorf("pair %s rejected: %w", p.ID, err)
	}
	return c, r, nil
}

// packRows assigns sequences (in order) to rows of at most T tokens: one per
// row, or greedily packed several per row.
func packRows(seqs []seq, T int, pack bool) [][]int {
	var rows [][]int
	used := 0
	for i, s := range seqs {
		if pack && len(rows) > 0 && used+len(s.ids) <= T {
			rows[len(rows)-1] = append(rows[len(rows)-1], i)
			used += len(s.ids)
			continue
		}
		rows = append(rows, []int{i})
		used = len(s.ids)
	}
	return rows
}

// makeBatch lays rows of sequences into a Batch of len(rows) × T, with
// targets shifted by one, weight w on every counted target, and segment ids
// when a row holds more than one sequence. T = 0 (or a T too small) uses
// the longest row, rounded up to a multiple of 8.
func makeBatch(seqs []seq, rows [][]int, T int, w float32) *model.Batch {
	packed := false
	longest := 0
	for _, r := range rows {
		n := 0
		for _, i := range r {
			n += len(seqs[i].ids)
		}
		longest = max(longest, n)
	}
	if T < longest { // T = 0, or rows packed past T by a caller
		T = (longest + 7) &^ 7
	}
	for _, r := range rows {
		packed = packed || len(r) > 1
	}
	B := len(rows)
	b := &model.Batch{B: B, T: T, Tokens: make([]int32, B*T), Targets: make([]int32, B*T), Mask: make([]float32, B*T), SumLoss: true}
	if packed {
		b.Seg = make([]int32, B*T)
	}
	for ri, r := range rows {
		off := ri * T
		p := 0
		for si, i := range r {
			s := seqs[i]
			for t, id := range s.ids {
				b.Tokens[off+p+t] = id
				b.Targets[off+p+t] = ignoreIndex
				if t+1 < len(s.ids) {
					b.Targets[off+p+t] = s.ids[t+1]
					if s.mask[t+1] {
						b.Mask[off+p+t] = w
					}
				}
				if packed {
					b.Seg[off+p+t] = int32(si)
				}
			}
			p += len(s.ids)
		}
		for t := p; t < T; t++ {
			b.Targets[off+t] = ignoreIndex
			if packed {
				b.Seg[off+t] = int32(len(r)) // padding is a segment of its own
			}
		}
	}
	return b
}

// packedBatch packs the sequences idx (in order) into rows of T tokens
// with segment ids and weight w, and returns each sequence's flat offset
// in the batch. Pair methods use it so that short sequences do not pay
// for the padding of long ones.
func packedBatch(seqs []seq, idx []int, T int, w float32) (*model.Batch, []int) {
	sub := make([]seq, len(idx))
	for i, k := range idx {
		sub[i] = seqs[k]
	}
	rows := packRows(sub, T, true)
	b := makeBatch(sub, rows, T, w)
	starts := make([]int, len(idx))
	for r, row := range rows {
		off := r * b.T
		for _, i := range row {
			starts[i] = off
			off += len(sub[i].ids)
		}
	}
	return b, starts
}
