// Exporters for the two CSV formats: question-and-answer CSV (one row per
// conversation of one question and one answer) and EmpatheticDialogues (one
// row per utterance, commas escaped as "_comma_").
package data

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/tend-project/tend/conv"
)

type csvExporter struct {
	cw     *csv.Writer
	cols   Columns
	header []string
	wrote  bool
}

func newCSVExporter(w io.Writer, cols Columns) *csvExporter {
	e := &csvExporter{cw: csv.NewWriter(w), cols: cols}
	for _, h := range []string{cols.ID, cols.Title, cols.Question, cols.Answer, cols.Topic} {
		if h != "" {
			e.header = append(e.header, h)
		}
	}
	return e
}

func (e *csvExporter) Write(c *conv.Conversation) error {
	if len(c.Messages) != 2 || c.Messages[0].Role != conv.RoleUser || c.Messages[1].Role != conv.RoleAssistant {
		return notRepresentable(c, FormatCSV, "want exactly one user question and one assistant answer, got %d messages", len(c.Messages))
	}
	if !e.wrote {
		e.wrote = true
		if err := e.cw.Write(e.header); err != nil {
			return err
		}
	}
	var row []string
	if e.cols.ID != "" {
		row = append(row, exportID(FormatCSV, c.ID))
	}
	if e.cols.Title != "" {
		row = append(row, "")
	}
	row = append(row, c.Messages[0].Content, c.Messages[1].Content)
	if e.cols.Topic != "" {
		row = append(row, topicFor(c.Labels.Concerns, false))
	}
	return e.cw.Write(row)
}

func (e *csvExporter) Close() error {
	if !e.wrote {
		e.wrote = true
		e.cw.Write(e.header)
	}
	e.cw.Flush()
	return e.cw.Error()
}

// edExporter writes EmpatheticDialogues rows. speaker_idx holds 1 for the
// speaker and 2 for the listener (the dataset's worker ids are not kept).
type edExporter struct {
	bw    *bufio.Writer
	wrote bool
}

const edHeader = "conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags\n"

func newEDExporter(w io.Writer) *edExporter {
	return &edExporter{bw: bufio.NewWriterSize(w, 1<<16)}
}

func (e *edExporter) Write(c *conv.Conversation) error {
	msgs, situation, err := splitSituation(c, FormatEmpathetic)
	if err != nil {
		return err
	}
	if len(msgs) == 0 {
		return notRepresentable(c, FormatEmpathetic, "no utterances besides the situation")
	}
	for i, m := range msgs {
		want := conv.RoleUser
		if i%2 == 1 {
			want = conv.RoleAssistant
		}
		if m.Role != want {
			return notRepresentable(c, FormatEmpathetic, "message %d is %s, want %s (turns must alternate, speaker first)", i, m.Role, want)
		}
	}
	if !e.wrote {
		e.wrote = true
		e.bw.WriteString(edHeader)
	}
	var emotion string
	if len(c.Labels.Emotions) > 0 {
		emotion = c.Labels.Emotions[0]
	}
	id, emotion, situation := edEscape(exportID(FormatEmpathetic, c.ID)), edEscape(emotion), edEscape(situation)
	for i, m := range msgs {
		speaker := "1"
		if m.Role == conv.RoleAssistant {
			speaker = "2"
		}
		for _, f := range []string{id, ",", strconv.Itoa(i + 1), ",", emotion, ",", situation, ",", speaker, ",", edEscape(m.Content), ",,\n"} {
			e.bw.WriteString(f)
		}
	}
	return nil
}

func (e *edExporter) Close() error {
	if !e.wrote {
		e.wrote = true
		e.bw.WriteString(edHeader)
	}
	return e.bw.Flush()
}
