// Reading a server-sent-events stream of chat completion chunks. Each event
// is a "data: {json}" line; the stream ends with "data: [DONE]". Lines are
// read in place from one buffer and chunks decoded by decodeChunk, so a
// token costs no reflection and one allocation (its text).
package llm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// maxLine bounds one event line.
const maxLine = 4 << 20

var (
	dataField = []byte("data:")
	doneData  = []byte("[DONE]")
)

// readers are reused across streams: a fresh 16 kB buffer per request was
// the largest allocation of a busy server.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 16<<10) }}

func readStream(body io.Reader, onDelta func(string) error) (Response, error) {
	br := readers.Get().(*bufio.Reader)
	br.Reset(body)
	defer func() { br.Reset(nil); readers.Put(br) }()
	var (
		resp Response
		text strings.Builder
		long []byte // a line longer than br's buffer
		ch   chunkView
		done bool // "data: [DONE]" arrived
	)
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) && len(long) <= maxLine {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			if len(long) > maxLine {
				return Response{}, fmt.Errorf("%w: stream line longer than %d bytes", ErrBadResponse, maxLine)
			}
			line = long
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return Response{}, err
		}
		last := err != nil // EOF: the final line may lack its newline
		if !bytes.HasPrefix(line, dataField) {
			if last {
				break
			}
			continue // comments, event names, blank separators
		}
		data := bytes.TrimSpace(line[len(dataField):])
		if bytes.Equal(data, doneData) {
			done = true
			break
		}
		if err := decodeEvent(data, &ch); err != nil {
			return Response{}, err
		}
		if ch.model != "" {
			resp.Model = ch.model
		}
		if ch.usage != nil {
			resp.Usage = *ch.usage
		}
		for _, c := range ch.choices {
			if c.index != 0 {
				continue
			}
			if c.content != "" {
				text.WriteString(c.content)
				if err := onDelta(c.content); err != nil {
					return Response{}, callbackError{err}
				}
			}
			if c.hasFinish {
				resp.FinishReason = c.finish
			}
		}
		if last {
			break
		}
	}
	if !done && resp.FinishReason == "" {
		return Response{}, fmt.Errorf("%w: stream ended without [DONE]", ErrBadResponse)
	}
	resp.Text = text.String()
	return resp, nil
}

// decodeEvent decodes one event's JSON into v: by decodeChunk when it can,
// else by encoding/json, whose error then describes bad input.
func decodeEvent(data []byte, v *chunkView) error {
	if decodeChunk(data, v) {
		return nil
	}
	var ch ChatChunk
	if err := json.Unmarshal(data, &ch); err != nil {
		return fmt.Errorf("%w: stream chunk: %v", ErrBadResponse, err)
	}
	viewOf(&ch, v)
	return nil
}

// viewOf copies the fields readStream uses from a decoded chunk.
func viewOf(ch *ChatChunk, v *chunkView) {
	*v = chunkView{model: ch.Model, usage: ch.Usage, choices: v.choices[:0], lastModel: v.lastModel}
	for _, c := range ch.Choices {
		cv := choiceView{index: c.Index, content: c.Delta.Content}
		if c.FinishReason != nil {
			cv.finish, cv.hasFinish = *c.FinishReason, true
		}
		v.choices = append(v.choices, cv)
	}
}
