// Importer for question-and-answer CSV files, such as CounselChat: one row
// per answer, with a header naming the columns. Columns (the --columns flag)
// says which header holds the title, question, answer, topic and id; the
// defaults are CounselChat's. The user turn is the title and the question
// text, the assistant turn the answer, and the topic maps to concerns.
package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tend-project/tend/conv"
)

// Columns names the CSV header of each field. Title, Topic and ID are
// optional in the file; Question and Answer must be present.
type Columns struct {
	Title, Question, Answer, Topic, ID string
}

// DefaultColumns are CounselChat's column names. There is no default id
// column: CounselChat's questionID repeats for every answer to a question.
var DefaultColumns = Columns{Title: "questionTitle", Question: "questionText", Answer: "answerText", Topic: "topic"}

// ParseColumns reads a --columns value such as
// "question=body,answer=reply,topic=tags". Unnamed fields keep their
// defaults; "title=" with nothing after it turns a field off.
func ParseColumns(s string) (Columns, error) {
	c := DefaultColumns
	if strings.TrimSpace(s) == "" {
		return c, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return c, fmt.Errorf("--columns: %q is not key=column", kv)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			c.Title = v
		case "question":
			c.Question = v
		case "answer":
			c.Answer = v
		case "topic":
			c.Topic = v
		case "id":
			c.ID = v
		default:
			return c, fmt.Errorf("--columns: unknown key %q (want title, question, answer, topic or id)", k)
		}
	}
	if c.Question == "" || c.Answer == "" {
		return c, errors.New("--columns: question and answer columns are required")
	}
	return c, nil
}

func (c Columns) orDefault() Columns {
	if c == (Columns{}) {
		return DefaultColumns
	}
	return c
}

type csvReader struct {
	file    string
	cr      *csv.Reader
	lic     string
	cols    Columns
	idx     struct{ title, question, answer, topic, id int }
	started bool
	raw     bytes.Buffer

	headerErr error
}

func newCSVReader(br *bufio.Reader, file string, opt Options) Reader[conv.Conversation] {
	skipBOM(br)
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvReader{file: file, cr: cr, lic: opt.license(), cols: opt.Columns.orDefault()}
}

func (r *csvReader) Raw() []byte { return r.raw.Bytes() }

func (r *csvReader) header() error {
	h, err := r.cr.Read()
	if err == io.EOF {
		return &conv.LineError{File: r.file, Line: 1, Err: malformedCSV("empty file, want a header row (%w)", ErrStreamBroken)}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &conv.LineError{File: r.file, Line: pe.StartLine, Err: malformedCSV("header: %v (%w)", pe.Err, ErrStreamBroken)}
		}
		return fmt.Errorf("%s: %w", r.file, err)
	}
	find := func(name string, required bool) (int, error) {
		if name == "" {
			return -1, nil
		}
		for i, col := range h {
			if strings.TrimSpace(col) == name {
				return i, nil
			}
		}
		if required {
			return -1, &conv.LineError{File: r.file, Line: 1, Err: malformedCSV("header has no %q column (header: %s; remap with --columns) (%w)",
				name, strings.Join(h, ","), ErrStreamBroken)}
		}
		return -1, nil
	}
	var errs [5]error
	r.idx.title, errs[0] = find(r.cols.Title, false)
	r.idx.question, errs[1] = find(r.cols.Question, true)
	r.idx.answer, errs[2] = find(r.cols.Answer, true)
	r.idx.topic, errs[3] = find(r.cols.Topic, false)
	r.idx.id, errs[4] = find(r.cols.ID, true)
	return errors.Join(errs[:]...)
}

func (r *csvReader) lineErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &conv.LineError{File: r.file, Line: pe.StartLine, Err: malformedCSV("%v", pe.Err)}
	}
	return fmt.Errorf("%s: %w", r.file, err)
}

func (r *csvReader) Next() (conv.Conversation, error) {
	r.raw.Reset()
	if !r.started {
		r.started = true
		r.headerErr = r.header()
	}
	if r.headerErr != nil {
		// Without a header no row can be read, so the error is sticky.
		return conv.Conversation{}, r.headerErr
	}
	rec, err := r.cr.Read()
	if err == io.EOF {
		return conv.Conversation{}, io.EOF
	}
	if err != nil {
		return conv.Conversation{}, r.lineErr(err)
	}
	w := csv.NewWriter(&r.raw)
	w.Write(rec)
	w.Flush()
	line, _ := r.cr.FieldPos(0)
	col := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	if r.idx.answer >= len(rec) || r.idx.question >= len(rec) {
		return conv.Conversation{}, &conv.LineError{File: r.file, Line: line,
			Err: invalidf("row has %d fields, too few for the question and answer columns", len(rec))}
	}
	user := joinTitle(col(r.idx.title), col(r.idx.question))
	c := conv.Conversation{
		Messages: []conv.Message{{Role: conv.RoleUser, Content: user}, {Role: conv.RoleAssistant, Content: col(r.idx.answer)}},
		Labels:   conv.Labels{Concerns: concernsFor(col(r.idx.topic))},
		Source:   FormatCSV.Source(),
		License:  r.lic,
	}
	id := col(r.idx.id)
	c.ID = recordID(FormatCSV, &id, c.Messages)
	if err := c.Validate(); err != nil {
		name := map[int]string{0: r.cols.Question, 1: r.cols.Answer}
		for i, m := range c.Messages {
			if m.Content == "" {
				err = invalidf("%s: empty", name[i])
			}
		}
		return conv.Conversation{}, &conv.LineError{File: r.file, Line: line, Err: err}
	}
	return c, nil
}

// joinTitle puts a question's title before its text unless the text already
// starts with it (CounselChat often repeats the title as the first line).
func joinTitle(title, text string) string {
	title, text = strings.TrimSpace(title), strings.TrimSpace(text)
	switch {
	case title == "":
		return text
	case text == "" || strings.HasPrefix(text, title):
		if text == "" {
			return title
		}
		return text
	}
	return title + "\n\n" + text
}
