// Allocation-free substring cues for the guard's reply-level checks (risk
// topic, referral, disclosure, help-seeking): the text is lower-cased and
// padded with spaces into a pooled buffer, and the cues are searched as
// bytes. Equivalent to strings.Contains(" "+strings.ToLower(text)+" ", cue).
package safety

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

var lowerPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// padLower appends " " + strings.ToLower(text) + " " to dst; ASCII text is
// lower-cased in place without allocating.
func padLower(dst []byte, text string) []byte {
	dst = append(dst, ' ')
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(text); i++ {
			c := text[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
	} else {
		dst = append(dst, strings.ToLower(text)...)
	}
	return append(dst, ' ')
}

// cueSet is a list of substrings searched in padded lower-case text in
// one pass: at each byte only the cues that start with it are compared.
type cueSet struct {
	byFirst [256][][]byte
}

func newCues(ws []string) *cueSet {
	cs := &cueSet{}
	for _, w := range ws {
		if w != "" {
			cs.byFirst[w[0]] = append(cs.byFirst[w[0]], []byte(w))
		}
	}
	return cs
}

func (cs *cueSet) in(low []byte) bool {
	for i, c := range low {
		for _, cue := range cs.byFirst[c] {
			if bytes.HasPrefix(low[i:], cue) {
				return true
			}
		}
	}
	return false
}

// hasCue reports whether one of cs occurs in the padded lower-case text.
func hasCue(text string, cs *cueSet) bool {
	bp := lowerPool.Get().(*[]byte)
	low := padLower((*bp)[:0], text)
	ok := cs.in(low)
	*bp = low[:0]
	lowerPool.Put(bp)
	return ok
}
