// Reading a server-sent-events stream of chat completion chunks. Each event
// is a "data: {json}" line; the stream ends with "data: [DONE]".
package llm

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

func readStream(body io.Reader, onDelta func(string) error) (Response, error) {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	var resp Response
	var text strings.Builder
	done := false
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "data:") {
			continue // comments, event names, blank separators
		}
		data := strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		if data == "[DONE]" {
			done = true
			break
		}
		var ch ChatChunk
		if err := json.Unmarshal([]byte(data), &ch); err != nil {
			return Response{}, fmt.Errorf("%w: stream chunk: %v", ErrBadResponse, err)
		}
		if ch.Model != "" {
			resp.Model = ch.Model
		}
		if ch.Usage != nil {
			resp.Usage = *ch.Usage
		}
		for _, c := range ch.Choices {
			if c.Index != 0 {
				continue
			}
			if c.Delta.Content != "" {
				text.WriteString(c.Delta.Content)
				if err := onDelta(c.Delta.Content); err != nil {
					return Response{}, callbackError{err}
				}
			}
			if c.FinishReason != nil {
				resp.FinishReason = *c.FinishReason
			}
		}
	}
	if err := sc.Err(); err != nil {
		return Response{}, err
	}
	if !done && resp.FinishReason == "" {
		return Response{}, fmt.Errorf("%w: stream ended without [DONE]", ErrBadResponse)
	}
	resp.Text = text.String()
	return resp, nil
}
