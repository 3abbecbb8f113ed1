// Decoding one streamed chat completion chunk without reflection. A stream
// carries one small JSON object per token, so encoding/json's reflection and
// allocations were most of a streaming client's CPU. decodeChunk validates
// the JSON as it goes and reads only the fields readStream uses. It declines
// (ok = false) anything that is not valid JSON or whose meaning it would
// have to guess: unexpected types, escaped or case-variant keys, repeated
// "choices", deep nesting. The caller then falls back to json.Unmarshal, so
// the result, or the error, is always encoding/json's (FuzzDecodeChunk
// checks this on arbitrary input).
package llm

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chunkView is the part of a ChatChunk that readStream needs. Its slices
// are reused from chunk to chunk.
type chunkView struct {
	model     string
	lastModel string // reused while the stream repeats the same name
	usage     *Usage
	choices   []choiceView
}

type choiceView struct {
	index     int
	content   string
	finish    string
	hasFinish bool
}

// decodeChunk fills v from data. It reports false when data is not valid
// JSON or the fast path cannot be sure of encoding/json's answer.
func decodeChunk(data []byte, v *chunkView) (ok bool) {
	*v = chunkView{choices: v.choices[:0], lastModel: v.lastModel}
	p := jsonScan{b: data}
	sawChoices := false
	return p.object(func(key []byte) bool {
		switch string(key) {
		case "model":
			if p.null() {
				return true
			}
			p.ws()
			raw, ok := p.rawString()
			if !ok {
				return false
			}
			if inner := raw[1 : len(raw)-1]; string(inner) == v.lastModel {
				v.model = v.lastModel
				return true
			}
			s, ok := p.unquote(raw)
			v.model, v.lastModel = s, s
			return ok
		case "choices":
			if sawChoices || !p.peek('[') {
				return false
			}
			sawChoices = true
			return p.array(func() bool {
				var c choiceView
				if !p.peek('{') || !decodeChoice(&p, &c) {
					return false
				}
				v.choices = append(v.choices, c)
				return true
			})
		case "usage":
			if p.null() {
				v.usage = nil
				return true
			}
			raw, ok := p.skip()
			if !ok {
				return false
			}
			// A repeated "usage" merges into the first, as in encoding/json.
			if v.usage == nil {
				v.usage = new(Usage)
			}
			return json.Unmarshal(raw, v.usage) == nil
		}
		if foldsTo(key, "id", "object", "created", "model", "choices", "usage", "tend_safety") && !isExact(key, "id", "object", "created", "tend_safety") {
			return false
		}
		if isExact(key, "id", "object") {
			// Typed fields: a value of the wrong type is an error in
			// encoding/json, so only strings (or null) pass here.
			if p.null() {
				return true
			}
			p.ws()
			_, ok := p.rawString()
			return ok
		}
		if isExact(key, "created") {
			raw, ok := p.skip()
			if !ok {
				return false
			}
			if string(raw) == "null" {
				return true
			}
			_, err := strconv.ParseInt(string(raw), 10, 64)
			return err == nil
		}
		_, ok := p.skip()
		return ok
	}) && p.end()
}

func decodeChoice(p *jsonScan, c *choiceView) bool {
	return p.object(func(key []byte) bool {
		switch string(key) {
		case "index":
			raw, ok := p.skip()
			if !ok {
				return false
			}
			if string(raw) == "null" {
				return true
			}
			n, err := strconv.Atoi(string(raw))
			c.index = n
			return err == nil
		case "delta":
			if p.null() {
				return true
			}
			if !p.peek('{') {
				return false
			}
			return p.object(func(key []byte) bool {
				switch string(key) {
				case "content":
					s, isNull, ok := p.stringOrNull()
					if ok && !isNull {
						c.content = s
					}
					return ok
				case "role":
					if p.null() {
						return true
					}
					p.ws()
					_, ok := p.rawString()
					return ok
				}
				if foldsTo(key, "content", "role") {
					return false
				}
				_, ok := p.skip()
				return ok
			})
		case "finish_reason":
			s, isNull, ok := p.stringOrNull()
			c.finish, c.hasFinish = s, ok && !isNull
			return ok
		}
		if foldsTo(key, "index", "delta", "finish_reason") {
			return false
		}
		_, ok := p.skip()
		return ok
	})
}

func isExact(key []byte, names ...string) bool {
	for _, n := range names {
		if string(key) == n {
			return true
		}
	}
	return false
}

// foldsTo reports whether encoding/json could match key to one of names:
// it matches field names case-insensitively, with Unicode folding.
func foldsTo(key []byte, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(string(key), n) {
			return true
		}
	}
	// Characters such as 'ſ' and 'K' (Kelvin) fold to ASCII letters.
	for _, c := range key {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// jsonScan walks JSON, checking it as strictly as encoding/json does.
type jsonScan struct {
	b     []byte
	i     int
	depth int
}

// maxDepth bounds nesting; deeper input is left to encoding/json.
const maxDepth = 1000

func (p *jsonScan) ws() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\n' || p.b[p.i] == '\r') {
		p.i++
	}
}

func (p *jsonScan) peek(c byte) bool {
	p.ws()
	return p.i < len(p.b) && p.b[p.i] == c
}

func (p *jsonScan) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// null consumes a null literal if one is next.
func (p *jsonScan) null() bool {
	if p.peek('n') && len(p.b)-p.i >= 4 && string(p.b[p.i:p.i+4]) == "null" {
		p.i += 4
		return true
	}
	return false
}

// object calls field for each key, with the scanner at the key's value;
// field must consume the value. Escaped keys are declined.
func (p *jsonScan) object(field func(key []byte) bool) bool {
	if !p.peek('{') || p.depth >= maxDepth {
		return false
	}
	p.i++
	p.depth++
	defer func() { p.depth-- }()
	if p.peek('}') {
		p.i++
		return true
	}
	for {
		p.ws()
		raw, ok := p.rawString()
		if !ok || containsByte(raw, '\\') {
			return false
		}
		key := raw[1 : len(raw)-1]
		if !p.peek(':') {
			return false
		}
		p.i++
		if !field(key) {
			return false
		}
		if done, ok := p.next('}'); !ok || done {
			return ok
		}
	}
}

// next consumes the separator after an object member or array element:
// a comma (more follow) or close (the end). Anything else is declined.
func (p *jsonScan) next(close byte) (done, ok bool) {
	p.ws()
	if p.i >= len(p.b) {
		return false, false
	}
	switch p.b[p.i] {
	case ',':
		p.i++
		return false, true
	case close:
		p.i++
		return true, true
	}
	return false, false
}

// array calls elem for each element, with the scanner at the element.
func (p *jsonScan) array(elem func() bool) bool {
	if !p.peek('[') || p.depth >= maxDepth {
		return false
	}
	p.i++
	p.depth++
	defer func() { p.depth-- }()
	if p.peek(']') {
		p.i++
		return true
	}
	for {
		if !elem() {
			return false
		}
		if done, ok := p.next(']'); !ok || done {
			return ok
		}
	}
}

// rawString returns the string token at the scanner, quotes included,
// after checking its escapes and that it has no control characters.
func (p *jsonScan) rawString() ([]byte, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false
	}
	for j := p.i + 1; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			raw := p.b[p.i : j+1]
			p.i = j + 1
			return raw, true
		case c < 0x20:
			return nil, false
		case c == '\\':
			j++
			if j >= len(p.b) {
				return nil, false
			}
			switch p.b[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(p.b) {
					return nil, false
				}
				for _, h := range p.b[j+1 : j+5] {
					if !isHex(h) {
						return nil, false
					}
				}
				j += 4
			default:
				return nil, false
			}
		}
	}
	return nil, false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// stringOrNull reads a string or null value.
func (p *jsonScan) stringOrNull() (s string, isNull, ok bool) {
	if p.null() {
		return "", true, true
	}
	p.ws()
	raw, ok := p.rawString()
	if !ok {
		return "", false, false
	}
	s, ok = p.unquote(raw)
	return s, false, ok
}

// unquote decodes a string token. Plain strings are copied directly;
// strings with escapes or bytes that are not valid UTF-8 go through
// encoding/json, which unescapes and replaces them.
func (p *jsonScan) unquote(raw []byte) (string, bool) {
	inner := raw[1 : len(raw)-1]
	if !containsByte(inner, '\\') && utf8.Valid(inner) {
		return string(inner), true
	}
	var s string
	return s, json.Unmarshal(raw, &s) == nil
}

// skip checks and passes over one value and returns its bytes.
func (p *jsonScan) skip() ([]byte, bool) {
	p.ws()
	start := p.i
	if p.i >= len(p.b) {
		return nil, false
	}
	ok := false
	switch c := p.b[p.i]; {
	case c == '"':
		_, ok = p.rawString()
	case c == '{':
		ok = p.object(func([]byte) bool { _, ok := p.skip(); return ok })
	case c == '[':
		ok = p.array(func() bool { _, ok := p.skip(); return ok })
	case c == 't':
		ok = p.literal("true")
	case c == 'f':
		ok = p.literal("false")
	case c == 'n':
		ok = p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		ok = p.number()
	}
	if !ok {
		return nil, false
	}
	return p.b[start:p.i], true
}

func (p *jsonScan) literal(lit string) bool {
	if len(p.b)-p.i < len(lit) || string(p.b[p.i:p.i+len(lit)]) != lit {
		return false
	}
	p.i += len(lit)
	return true
}

// number checks -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonScan) number() bool {
	b, i := p.b, p.i
	digits := func() bool {
		s := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > s
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	p.i = i
	return true
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}
