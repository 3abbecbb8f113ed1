// Importer for EmpatheticDialogues (Rashkin et al., 2019) CSV: one row per
// utterance with conv_id, utterance_idx, context (the emotion), prompt (the
// situation) and utterance. The files are not quoted CSV: commas inside text
// are written as "_comma_", so rows are split on plain commas, as the
// dataset's own loader does. Consecutive rows with the same conv_id form one
// conversation; odd utterances are the speaker (user), even ones the
// listener (assistant).
package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/tend-project/tend/conv"
)

var edRequired = []string{"conv_id", "utterance_idx", "context", "prompt", "utterance"}

type edRow struct {
	line                          int
	convID, emotion, prompt, text string
	idx                           int
	err                           error
	raw                           []byte
}

type edReader struct {
	file      string
	src       *lineSource
	lic       string
	situation bool
	col       map[string]int
	started   bool
	pending   *edRow // first row of the next conversation
	raw       bytes.Buffer
	eof       bool
	headerErr error
}

func newEmpatheticReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	skipBOM(br)
	return &edReader{file: file, src: &lineSource{file: file, br: br}, lic: opt.license(), situation: opt.Situation}
}

func (r *edReader) Raw() []byte { return r.raw.Bytes() }

func (r *edReader) header() error {
	line, n, err := r.src.next()
	if err == io.EOF {
		return &conv.LineError{File: r.file, Line: 1, Err: malformedCSV("empty file, want a header row (%w)", ErrStreamBroken)}
	}
	var le *conv.LineError
	if errors.As(err, &le) {
		return &conv.LineError{File: r.file, Line: le.Line, Err: malformedCSV("header: %v (%w)", le.Err, ErrStreamBroken)}
	}
	if err != nil {
		return err
	}
	r.col = map[string]int{}
	for i, h := range strings.Split(strings.TrimRight(string(line), "\r\n"), ",") {
		r.col[strings.TrimSpace(h)] = i
	}
	for _, want := range edRequired {
		if _, ok := r.col[want]; !ok {
			return &conv.LineError{File: r.file, Line: n, Err: malformedCSV("header has no %q column (want %s) (%w)",
				want, strings.Join(edRequired, ","), ErrStreamBroken)}
		}
	}
	return nil
}

// readRow reads one utterance row; io.EOF at the end.
func (r *edReader) readRow() (*edRow, error) {
	line, n, err := r.src.next()
	if err != nil {
		var le *conv.LineError
		if errors.As(err, &le) { // an oversized line: report it as a row error
			return &edRow{line: le.Line, err: le.Err, convID: "\x00oversized"}, nil
		}
		return nil, err
	}
	fields := strings.Split(strings.TrimRight(string(line), "\r\n"), ",")
	row := &edRow{line: n, raw: append([]byte(nil), line...)}
	get := func(name string) string {
		if i := r.col[name]; i < len(fields) {
			return fields[i]
		}
		if row.err == nil {
			row.err = invalidf("row has %d fields, too few for the %s column", len(fields), name)
		}
		return ""
	}
	row.convID = edUnescape(strings.TrimSpace(get("conv_id")))
	idx := get("utterance_idx")
	row.emotion = edUnescape(get("context"))
	row.prompt = edUnescape(get("prompt"))
	row.text = edUnescape(get("utterance"))
	if row.err == nil {
		if row.idx, err = strconv.Atoi(strings.TrimSpace(idx)); err != nil || row.idx < 1 {
			row.err = invalidf("utterance_idx: %q is not a positive number", idx)
		}
	}
	if row.err == nil && row.convID == "" {
		row.err = invalidf("conv_id: empty")
	}
	return row, nil
}

func (r *edReader) Next() (conv.Conversation, error) {
	r.raw.Reset()
	if !r.started {
		r.started = true
		r.headerErr = r.header()
	}
	if r.headerErr != nil {
		return conv.Conversation{}, r.headerErr
	}
	first := r.pending
	r.pending = nil
	if first == nil {
		if r.eof {
			return conv.Conversation{}, io.EOF
		}
		var err error
		if first, err = r.readRow(); err == io.EOF {
			r.eof = true
			return conv.Conversation{}, io.EOF
		} else if err != nil {
			return conv.Conversation{}, err
		}
	}
	rows := []*edRow{first}
	for !r.eof {
		row, err := r.readRow()
		if err == io.EOF {
			r.eof = true
			break
		}
		if err != nil {
			return conv.Conversation{}, err
		}
		// A new conv_id, or utterance 1 again, starts the next conversation.
		if row.convID != first.convID || (row.err == nil && row.idx == 1) {
			r.pending = row
			break
		}
		rows = append(rows, row)
	}
	for _, row := range rows {
		r.raw.Write(row.raw)
	}
	return r.build(rows)
}

func (r *edReader) build(rows []*edRow) (conv.Conversation, error) {
	for i, row := range rows {
		if row.err == nil && row.idx != i+1 {
			row.err = invalidf("utterance_idx: %d in conversation %s, want %d (rows must be in order)", row.idx, row.convID, i+1)
		}
		if row.err != nil {
			return conv.Conversation{}, &conv.LineError{File: r.file, Line: row.line, Err: row.err}
		}
	}
	c := conv.Conversation{Source: FormatEmpathetic.Source(), License: r.lic, ID: sourceID(FormatEmpathetic, rows[0].convID)}
	if r.situation && strings.TrimSpace(rows[0].prompt) != "" {
		c.Messages = append(c.Messages, conv.Message{Role: conv.RoleSystem, Content: situationPrefix + rows[0].prompt})
	}
	for _, row := range rows {
		role := conv.RoleUser
		if row.idx%2 == 0 {
			role = conv.RoleAssistant
		}
		c.Messages = append(c.Messages, conv.Message{Role: role, Content: row.text})
	}
	if e := emotionFor(rows[0].emotion); e != "" {
		c.Labels.Emotions = []string{e}
	}
	if err := c.Validate(); err != nil {
		line := rows[0].line
		for _, row := range rows {
			if row.text == "" {
				line, err = row.line, invalidf("utterance: empty")
				break
			}
		}
		return conv.Conversation{}, &conv.LineError{File: r.file, Line: line, Err: err}
	}
	return c, nil
}

// edUnescape restores the commas EmpatheticDialogues writes as "_comma_".
func edUnescape(s string) string { return strings.ReplaceAll(s, "_comma_", ",") }

// edEscape is the inverse, for export. The format has no way to write a
// line break, so those become spaces.
func edEscape(s string) string {
	s = strings.ReplaceAll(s, ",", "_comma_")
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
