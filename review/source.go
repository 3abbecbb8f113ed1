// Reading review items from files: eval outputs, plain JSONL of (context,
// response) or (context, response_a, response_b), curation's
// needs_review.jsonl (conversations), TRL preference pairs, and logged
// conversations from tend serve. Every text is passed through the scrubber
// before it becomes an item, so personal data never reaches the store or a
// reviewer's screen.
package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

// Format names an input shape. FormatAuto looks at each record's fields.
type Format string

const (
	FormatAuto Format = "auto"
	// FormatEval: eval outputs, {id, model, messages|prompt, response}.
	// Extra fields (metrics) are ignored. In a pairwise task the records of
	// two models for the same id become one item.
	FormatEval Format = "eval"
	// FormatPlain: {id?, context, response} or {id?, context, response_a,
	// response_b, model_a?, model_b?}; context is a string (one user turn)
	// or a list of {role, content} messages.
	FormatPlain Format = "plain"
	// FormatConversation: conv.Conversation records (needs_review.jsonl,
	// exported serve logs); the last assistant turn is the reply to review.
	FormatConversation Format = "conversation"
	// FormatPreference: conv.PreferencePair records.
	FormatPreference Format = "preference"
)

// Formats lists the accepted formats, for flag help.
var Formats = []Format{FormatAuto, FormatEval, FormatPlain, FormatConversation, FormatPreference}

// ErrInput marks a bad input record; the error names the file and line.
var ErrInput = errors.New("bad review input")

// MaxItems bounds one import, so a wrong file cannot flood a queue.
const MaxItems = 200_000

// ImportOptions controls ReadItems.
type ImportOptions struct {
	Kind   store.TaskKind
	Format Format // "" means auto
	// Scrub removes personal data from every text; required.
	Scrub func(string) string
	// ModelA and ModelB pick the two models compared in a pairwise task
	// built from eval outputs; empty when the file holds exactly two.
	ModelA, ModelB string
}

type lineErr = conv.LineError

func inputErr(file string, line int, format string, args ...any) error {
	return &lineErr{File: file, Line: line, Err: fmt.Errorf("%w: %s", ErrInput, fmt.Sprintf(format, args...))}
}

// evalRecord is one model's answer to one eval case.
type evalRecord struct {
	line     int
	id       string
	model    string
	context  []conv.Message
	response string
}

// ReadItems reads every record of r (named file in errors) and returns the
// items for a task of opt.Kind.
func ReadItems(r io.Reader, file string, opt ImportOptions) ([]store.Item, error) {
	if opt.Scrub == nil {
		return nil, errors.New("review: import needs a PII scrubber")
	}
	if opt.Format == "" {
		opt.Format = FormatAuto
	}
	if !slices.Contains(Formats, opt.Format) {
		return nil, fmt.Errorf("review: unknown input format %q (want one of %v)", opt.Format, Formats)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), conv.MaxLineBytes)
	var items []store.Item
	var evals []evalRecord
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		if len(b) == 0 {
			continue
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(b, &keys); err != nil {
			return nil, inputErr(file, line, "not a JSON object: %v", err)
		}
		f := opt.Format
		if f == FormatAuto {
			f = detect(keys)
			if f == FormatAuto {
				return nil, inputErr(file, line, "cannot tell the format from fields %v; pass a format", fieldNames(keys))
			}
		}
		ref := file + ":" + strconv.Itoa(line)
		var got []store.Item
		var err error
		switch f {
		case FormatEval:
			var e evalRecord
			e, err = parseEval(keys)
			e.line = line
			if err == nil && opt.Kind == store.KindPairwise {
				evals = append(evals, e)
				continue
			}
			if err == nil {
				id := e.id
				if id == "" {
					id = ref
				}
				got = []store.Item{{Context: e.context, ResponseA: e.response, ModelA: e.model, SourceRef: "eval:" + id + "@" + e.model}}
			}
		case FormatPlain:
			got, err = parsePlain(b, opt.Kind, ref)
		case FormatConversation:
			got, err = parseConversation(b, ref)
		case FormatPreference:
			got, err = parsePreference(b, opt.Kind, ref)
		}
		if err != nil {
			return nil, inputErr(file, line, "%v", err)
		}
		for _, it := range got {
			if opt.Kind == store.KindPairwise && it.ResponseB == "" {
				return nil, inputErr(file, line, "a pairwise task needs two responses per record (response_a and response_b)")
			}
			if err := checkItem(it); err != nil {
				return nil, inputErr(file, line, "%v", err)
			}
			items = append(items, scrubItem(it, opt.Scrub))
		}
		if len(items) > MaxItems {
			return nil, inputErr(file, line, "more than %d items in one import", MaxItems)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &lineErr{File: file, Line: line + 1, Err: fmt.Errorf("%w: %v", ErrInput, err)}
	}
	if len(evals) > 0 {
		paired, err := pairEvals(evals, file, opt)
		if err != nil {
			return nil, err
		}
		for _, it := range paired {
			items = append(items, scrubItem(it, opt.Scrub))
		}
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: %w: no records", file, ErrInput)
	}
	return items, nil
}

func fieldNames(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func detect(k map[string]json.RawMessage) Format {
	has := func(n string) bool { _, ok := k[n]; return ok }
	switch {
	case has("chosen") && has("rejected"):
		return FormatPreference
	case has("context"):
		return FormatPlain
	case has("response") && (has("messages") || has("prompt")):
		return FormatEval
	case has("messages"):
		return FormatConversation
	}
	return FormatAuto
}

// parseContext accepts a string (one user turn) or a list of messages.
func parseContext(raw json.RawMessage, field string) ([]conv.Message, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, fmt.Errorf("%s: missing", field)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("%s: empty", field)
		}
		return []conv.Message{{Role: conv.RoleUser, Content: s}}, nil
	}
	var msgs []conv.Message
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&msgs); err != nil {
		return nil, fmt.Errorf("%s: want a string or a list of {role, content}: %v", field, err)
	}
	if len(msgs) == 0 {
		return nil, fmt.Errorf("%s: empty", field)
	}
	for i, m := range msgs {
		if !m.Role.Valid() {
			return nil, fmt.Errorf("%s[%d].role: %q is not system, user or assistant", field, i, m.Role)
		}
		if strings.TrimSpace(m.Content) == "" {
			return nil, fmt.Errorf("%s[%d].content: empty", field, i)
		}
	}
	return msgs, nil
}

func str(k map[string]json.RawMessage, name string) (string, error) {
	raw, ok := k[name]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: want a string", name)
	}
	return s, nil
}

func parseEval(k map[string]json.RawMessage) (evalRecord, error) {
	var e evalRecord
	var err error
	if e.id, err = str(k, "id"); err != nil {
		return e, err
	}
	if e.model, err = str(k, "model"); err != nil {
		return e, err
	}
	if e.response, err = str(k, "response"); err != nil {
		return e, err
	}
	if strings.TrimSpace(e.response) == "" {
		return e, errors.New("response: empty")
	}
	field := "messages"
	raw, ok := k["messages"]
	if !ok {
		field, raw = "prompt", k["prompt"]
	}
	e.context, err = parseContext(raw, field)
	return e, err
}

type plainRecord struct {
	ID        string          `json:"id"`
	Context   json.RawMessage `json:"context"`
	Response  string          `json:"response"`
	ResponseA string          `json:"response_a"`
	ResponseB string          `json:"response_b"`
	Model     string          `json:"model"`
	ModelA    string          `json:"model_a"`
	ModelB    string          `json:"model_b"`
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func parsePlain(b []byte, kind store.TaskKind, ref string) ([]store.Item, error) {
	var p plainRecord
	if err := decodeStrict(b, &p); err != nil {
		return nil, err
	}
	ctx, err := parseContext(p.Context, "context")
	if err != nil {
		return nil, err
	}
	if p.ID != "" {
		ref = p.ID
	}
	switch {
	case p.Response != "" && (p.ResponseA != "" || p.ResponseB != ""):
		return nil, errors.New("response: give either response or response_a and response_b")
	case p.Response != "":
		m := p.Model
		if m == "" {
			m = p.ModelA
		}
		return []store.Item{{Context: ctx, ResponseA: p.Response, ModelA: m, SourceRef: ref}}, nil
	case strings.TrimSpace(p.ResponseA) == "" || strings.TrimSpace(p.ResponseB) == "":
		return nil, errors.New("response: missing (want response, or response_a and response_b)")
	}
	return splitPair(ctx, p.ResponseA, p.ResponseB, p.ModelA, p.ModelB, kind, ref), nil
}

// splitPair makes one pairwise item, or two rate items (one per response).
func splitPair(ctx []conv.Message, a, b, ma, mb string, kind store.TaskKind, ref string) []store.Item {
	if kind == store.KindPairwise {
		return []store.Item{{Context: ctx, ResponseA: a, ResponseB: b, ModelA: ma, ModelB: mb, SourceRef: ref}}
	}
	return []store.Item{
		{Context: ctx, ResponseA: a, ModelA: ma, SourceRef: ref + "#a"},
		{Context: ctx, ResponseA: b, ModelA: mb, SourceRef: ref + "#b"},
	}
}

// lastReply splits messages at the last assistant turn.
func lastReply(msgs []conv.Message) ([]conv.Message, string, error) {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == conv.RoleAssistant {
			if i == 0 {
				return nil, "", errors.New("messages: the assistant reply has no context before it")
			}
			return msgs[:i], msgs[i].Content, nil
		}
	}
	return nil, "", errors.New("messages: no assistant reply to review")
}

func parseConversation(b []byte, ref string) ([]store.Item, error) {
	var c conv.Conversation
	if err := decodeStrict(b, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	it, err := ConversationItem(c)
	if err != nil {
		return nil, err
	}
	if c.ID == "" {
		it.SourceRef = ref
	}
	return []store.Item{it}, nil
}

// ConversationItem turns a conversation (needs_review.jsonl, a logged serve
// transcript) into a rate item: the reply under review is its last assistant
// turn and the context is everything before it. The item is not scrubbed.
func ConversationItem(c conv.Conversation) (store.Item, error) {
	ctx, reply, err := lastReply(c.Messages)
	if err != nil {
		return store.Item{}, err
	}
	return store.Item{Context: ctx, ResponseA: reply, ModelA: c.Source, SourceRef: "conv:" + c.ID}, nil
}

func parsePreference(b []byte, kind store.TaskKind, ref string) ([]store.Item, error) {
	var p conv.PreferencePair
	if err := decodeStrict(b, &p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if p.ID != "" {
		ref = p.ID
	}
	join := func(ms []conv.Message) string {
		parts := make([]string, len(ms))
		for i, m := range ms {
			parts[i] = m.Content
		}
		return strings.Join(parts, "\n\n")
	}
	// The labels say which side the pair's author preferred; reviewers never
	// see them, the admin's charts do.
	return splitPair(p.Prompt, join(p.Chosen), join(p.Rejected), "chosen", "rejected", kind, ref), nil
}

// pairEvals joins two models' answers to the same eval cases.
func pairEvals(evals []evalRecord, file string, opt ImportOptions) ([]store.Item, error) {
	ma, mb := opt.ModelA, opt.ModelB
	if ma == "" || mb == "" {
		var models []string
		for _, e := range evals {
			if !slices.Contains(models, e.model) {
				models = append(models, e.model)
			}
		}
		if len(models) != 2 {
			return nil, fmt.Errorf("%s: %w: a pairwise task from eval outputs needs two models, found %d %q; choose two with model A and model B",
				file, ErrInput, len(models), models)
		}
		ma, mb = models[0], models[1]
	}
	type pair struct {
		a, b *evalRecord
	}
	byID := map[string]*pair{}
	var order []string
	for i := range evals {
		e := &evals[i]
		if e.id == "" {
			return nil, inputErr(file, e.line, "id: missing; eval outputs are paired by case id")
		}
		p := byID[e.id]
		if p == nil {
			p = &pair{}
			byID[e.id] = p
			order = append(order, e.id)
		}
		switch e.model {
		case ma:
			if p.a != nil {
				return nil, inputErr(file, e.line, "case %q: second answer from model %q", e.id, e.model)
			}
			p.a = e
		case mb:
			if p.b != nil {
				return nil, inputErr(file, e.line, "case %q: second answer from model %q", e.id, e.model)
			}
			p.b = e
		}
	}
	var items []store.Item
	for _, id := range order {
		p := byID[id]
		if p.a == nil || p.b == nil {
			continue
		}
		items = append(items, store.Item{Context: p.a.context, ResponseA: p.a.response, ResponseB: p.b.response,
			ModelA: ma, ModelB: mb, SourceRef: "eval:" + id})
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: %w: no eval case has answers from both %q and %q", file, ErrInput, ma, mb)
	}
	return items, nil
}

// checkItem catches blank texts that the formats' own checks let through.
func checkItem(it store.Item) error {
	for i, m := range it.Context {
		if strings.TrimSpace(m.Content) == "" {
			return fmt.Errorf("context[%d].content: blank", i)
		}
	}
	if strings.TrimSpace(it.ResponseA) == "" {
		return errors.New("response: blank")
	}
	if it.ResponseB != "" && strings.TrimSpace(it.ResponseB) == "" {
		return errors.New("response_b: blank")
	}
	return nil
}

func scrubItem(it store.Item, scrub func(string) string) store.Item {
	ctx := make([]conv.Message, len(it.Context))
	for i, m := range it.Context {
		ctx[i] = conv.Message{Role: m.Role, Content: scrub(m.Content)}
	}
	it.Context = ctx
	it.ResponseA = scrub(it.ResponseA)
	if it.ResponseB != "" {
		it.ResponseB = scrub(it.ResponseB)
	}
	return it
}
