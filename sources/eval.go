// Retrieval evaluation: a hand-labelled set of queries, written the way
// people actually ask, each with the entries that would be an acceptable
// answer. The top-k hit rate on it is the library's retrieval quality.
package sources

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Query is one labelled retrieval query.
type Query struct {
	Query string `json:"query"`
	// Concern, if set, is the topic a classifier would detect; Evaluate
	// uses it as a filter only when asked to.
	Concern conv.Concern `json:"concern,omitempty"`
	Locale  string       `json:"locale,omitempty"`
	// Want lists the entry ids that are an acceptable answer.
	Want []string `json:"want"`
	// Line is the 1-based line in the source file; not serialised.
	Line int `json:"-"`
}

// ReadQueries reads JSON Lines queries, rejecting unknown fields, empty
// queries, empty want lists and unknown concerns with the file and line.
func ReadQueries(r io.Reader, name string) ([]Query, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out []Query
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var q Query
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&q); err != nil {
			return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %v", conv.ErrMalformed, err)}
		}
		q.Line = line
		switch {
		case strings.TrimSpace(q.Query) == "":
			return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: query: empty", ErrInvalid)}
		case len(q.Want) == 0:
			return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: want: empty", ErrInvalid)}
		case q.Concern != "" && !q.Concern.Valid():
			return nil, &conv.LineError{File: name, Line: line, Err: fmt.Errorf("%w: concern: unknown %q", ErrInvalid, q.Concern)}
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// EvalOptions configure Evaluate.
type EvalOptions struct {
	// K is the cut-off; 0 means 3.
	K int
	// UseConcern filters each search by the query's labelled concern, as
	// the serving pipeline does once it has classified a conversation.
	UseConcern bool
}

// EvalResult summarises a retrieval evaluation.
type EvalResult struct {
	K    int
	N    int
	Hits int
	// HitRate is the share of queries with an acceptable entry in the top K.
	HitRate float64
	// MRR is the mean reciprocal rank of the first acceptable entry (0 when
	// none is in the top K).
	MRR    float64
	Misses []Miss
}

// Miss is a query whose top K held no acceptable entry.
type Miss struct {
	Query Query
	Got   []string
}

// ErrUnknownEntry is returned by Evaluate when a query wants an id the
// library does not have, which would make the score meaningless.
var ErrUnknownEntry = errors.New("wanted entry is not in the library")

// Evaluate runs every query and reports the top-K hit rate.
func (l *Library) Evaluate(qs []Query, opt EvalOptions) (EvalResult, error) {
	k := opt.K
	if k <= 0 {
		k = 3
	}
	res := EvalResult{K: k, N: len(qs)}
	var rr float64
	for _, q := range qs {
		for _, id := range q.Want {
			if _, ok := l.Get(id); !ok {
				return res, fmt.Errorf("line %d: want %q: %w", q.Line, id, ErrUnknownEntry)
			}
		}
		f := Filter{Locale: q.Locale}
		if opt.UseConcern && q.Concern != "" {
			f.Concerns = []conv.Concern{q.Concern}
		}
		hits, err := l.Search(q.Query, f, k)
		if err != nil {
			return res, fmt.Errorf("line %d: %w", q.Line, err)
		}
		got := make([]string, len(hits))
		rank := 0
		for i, h := range hits {
			got[i] = h.Entry.ID
			if rank == 0 && slices.Contains(q.Want, h.Entry.ID) {
				rank = i + 1
			}
		}
		if rank > 0 {
			res.Hits++
			rr += 1 / float64(rank)
		} else {
			res.Misses = append(res.Misses, Miss{Query: q, Got: got})
		}
	}
	if res.N > 0 {
		res.HitRate = float64(res.Hits) / float64(res.N)
		res.MRR = rr / float64(res.N)
	}
	return res, nil
}
