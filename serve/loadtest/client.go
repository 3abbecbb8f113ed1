// The load test's client: one streaming chat request at a time per
// session, read event by event with a reused buffer, noting when each piece
// of content arrived. Content is checked against the backend's reply, so a
// garbled or reordered stream counts as an error, not as a fast request.
package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// arrival is one content event as the client read it.
type arrival struct {
	at time.Time
	n  int // bytes of the backend's reply received so far, this event included
}

// observation is one finished request as the client saw it.
type observation struct {
	start    time.Time // just before the request was sent
	arrivals []arrival // content events that carried the backend's reply
	end      time.Time // the [DONE] event was read
}

// session sends requests one after another on one goroutine, reusing its
// buffers.
type session struct {
	client *http.Client
	url    string
	reply  string
	body   []byte
	br     *bufio.Reader
	obs    observation
}

var (
	contentKey = []byte(`"content":"`)
	doneLine   = []byte("data: [DONE]")
	dataPrefix = []byte("data:")
)

// requestBody is the fixed part of every request; only the user id varies.
const requestBody = `{"model":"tend","stream":true,"messages":[{"role":"user","content":"Work has been stressful and I keep worrying about deadlines."}],"user":"`

// do runs one request for user. The observation it returns is reused by
// the next call.
func (s *session) do(ctx context.Context, user string) (*observation, error) {
	s.body = append(append(append(s.body[:0], requestBody...), user...), `"}`...)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(s.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	s.obs.arrivals = s.obs.arrivals[:0]
	s.obs.start = time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, bytes.TrimSpace(msg))
	}
	if s.br == nil {
		s.br = bufio.NewReaderSize(resp.Body, 8<<10)
	} else {
		s.br.Reset(resp.Body)
	}
	got := 0 // bytes of the reply received so far
	var extra []byte
	for {
		line, err := s.br.ReadSlice('\n')
		now := time.Now()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, errors.New("stream ended without [DONE]")
			}
			return nil, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if !bytes.HasPrefix(line, dataPrefix) {
			continue
		}
		if bytes.Equal(line, doneLine) {
			s.obs.end = now
			if got != len(s.reply) {
				return nil, fmt.Errorf("stream ended after %d of the reply's %d bytes", got, len(s.reply))
			}
			return &s.obs, nil
		}
		text, ok, err := deltaContent(line, &extra)
		if err != nil {
			return nil, err
		}
		if !ok || len(text) == 0 {
			continue // role, finish or usage event
		}
		if got == len(s.reply) {
			continue // tend's own additions after the reply (disclosure, links)
		}
		rest := s.reply[got:]
		switch {
		case len(text) <= len(rest) && string(text) == rest[:len(text)]:
			got += len(text)
		case len(text) > len(rest) && string(text[:len(rest)]) == rest:
			got = len(s.reply) // the reply's end, then tend's own additions
		default:
			return nil, fmt.Errorf("content %q does not continue the reply at byte %d", text, got)
		}
		s.obs.arrivals = append(s.obs.arrivals, arrival{at: now, n: got})
	}
}

// deltaContent returns the delta content of one "data: {...}" line. tend
// writes chunks in a fixed field order, so the content is found by its key
// and, when it has no escapes, sliced out without decoding. Escaped text is
// decoded with encoding/json into *scratch.
func deltaContent(line []byte, scratch *[]byte) ([]byte, bool, error) {
	i := bytes.Index(line, contentKey)
	if i < 0 {
		return nil, false, nil
	}
	rest := line[i+len(contentKey):]
	escaped := false
	for j := 0; j < len(rest); j++ {
		switch rest[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			if !escaped {
				return rest[:j], true, nil
			}
			var s string
			q := append(append((*scratch)[:0], '"'), rest[:j+1]...)
			*scratch = q
			if err := json.Unmarshal(q, &s); err != nil {
				return nil, false, fmt.Errorf("bad content string: %v", err)
			}
			return []byte(s), true, nil
		}
	}
	return nil, false, fmt.Errorf("unterminated content string in %q", line)
}
