// Import of review items from each input format, with line-numbered errors.
package review

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

func readFile(t *testing.T, name string, opt ImportOptions) ([]store.Item, error) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if opt.Scrub == nil {
		opt.Scrub = fakeScrub
	}
	return ReadItems(f, name, opt)
}

func user(s string) []conv.Message { return []conv.Message{{Role: conv.RoleUser, Content: s}} }

func TestReadItems(t *testing.T) {
	worry := user("I can't stop worrying about exams.")
	friend := user("My friend [EMAIL] stopped talking to me.")
	nobody := []conv.Message{{Role: conv.RoleSystem, Content: "Be kind."}, {Role: conv.RoleUser, Content: "Nobody listens to me."}}
	tests := []struct {
		name string
		file string
		opt  ImportOptions
		want []store.Item
	}{
		{"eval outputs, rate: one item per answer", "eval_outputs.jsonl", ImportOptions{Kind: store.KindRate}, []store.Item{
			{Context: worry, ResponseA: "Exam worry is really common. What part feels heaviest?", ModelA: "tend-mini-sft", SourceRef: "eval:case-1@tend-mini-sft"},
			{Context: worry, ResponseA: "That sounds stressful. Would it help to plan the next few days together?", ModelA: "tend-mini-dpo", SourceRef: "eval:case-1@tend-mini-dpo"},
			{Context: friend, ResponseA: "Losing touch with a friend hurts. What happened?", ModelA: "tend-mini-sft", SourceRef: "eval:case-2@tend-mini-sft"},
			{Context: friend, ResponseA: "I'm sorry. Have you been able to reach out to them?", ModelA: "tend-mini-dpo", SourceRef: "eval:case-2@tend-mini-dpo"},
			{Context: user("Only one model answered this."), ResponseA: "A reply.", ModelA: "tend-mini-sft", SourceRef: "eval:case-3@tend-mini-sft"},
		}},
		{"eval outputs, pairwise: paired by case id", "eval_outputs.jsonl", ImportOptions{Kind: store.KindPairwise}, []store.Item{
			{Context: worry, ResponseA: "Exam worry is really common. What part feels heaviest?", ResponseB: "That sounds stressful. Would it help to plan the next few days together?",
				ModelA: "tend-mini-sft", ModelB: "tend-mini-dpo", SourceRef: "eval:case-1"},
			{Context: friend, ResponseA: "Losing touch with a friend hurts. What happened?", ResponseB: "I'm sorry. Have you been able to reach out to them?",
				ModelA: "tend-mini-sft", ModelB: "tend-mini-dpo", SourceRef: "eval:case-2"},
		}},
		{"eval outputs, pairwise, models named", "eval_outputs.jsonl", ImportOptions{Kind: store.KindPairwise, ModelA: "tend-mini-dpo", ModelB: "tend-mini-sft"}, []store.Item{
			{Context: worry, ResponseA: "That sounds stressful. Would it help to plan the next few days together?", ResponseB: "Exam worry is really common. What part feels heaviest?",
				ModelA: "tend-mini-dpo", ModelB: "tend-mini-sft", SourceRef: "eval:case-1"},
			{Context: friend, ResponseA: "I'm sorry. Have you been able to reach out to them?", ResponseB: "Losing touch with a friend hurts. What happened?",
				ModelA: "tend-mini-dpo", ModelB: "tend-mini-sft", SourceRef: "eval:case-2"},
		}},
		{"plain, rate: a pair record becomes two items", "plain.jsonl", ImportOptions{Kind: store.KindRate}, []store.Item{
			{Context: user("I feel so alone since the move."), ResponseA: "Moving can leave you feeling cut off. Who do you miss most?", ModelA: "m1", SourceRef: "plain.jsonl:1"},
			{Context: nobody, ResponseA: "That sounds lonely.", ModelA: "m1", SourceRef: "p2#a"},
			{Context: nobody, ResponseA: "Have you tried speaking louder?", ModelA: "m2", SourceRef: "p2#b"},
		}},
		{"needs_review conversations: last assistant turn", "needs_review.jsonl", ImportOptions{Kind: store.KindRate}, []store.Item{
			{Context: []conv.Message{{Role: conv.RoleUser, Content: "Work is crushing me."}, {Role: conv.RoleAssistant, Content: "That sounds like a lot. What is the heaviest part?"},
				{Role: conv.RoleUser, Content: "The deadlines."}},
				ResponseA: "Deadlines stacked up can feel endless. Which one is closest?", ModelA: "seed", SourceRef: "conv:seed-0042"},
		}},
		{"preference pairs, pairwise", "pairs.jsonl", ImportOptions{Kind: store.KindPairwise, Format: FormatPreference}, []store.Item{
			{Context: user("I keep crying at night."), ResponseA: "I'm sorry the nights are so hard. What goes through your mind then?",
				ResponseB: "You probably have depression; ask for sertraline.", ModelA: "chosen", ModelB: "rejected", SourceRef: "pair-1"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readFile(t, tc.file, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadItemsErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		kind  store.TaskKind
		want  string // substring of the error
	}{
		{"not json", "{\"context\":\"hi\",\"response\":\"ok\"}\nnot json\n", store.KindRate, "x.jsonl:2: bad review input: not a JSON object"},
		{"unknown format", `{"text":"hello"}`, store.KindRate, "x.jsonl:1: bad review input: cannot tell the format from fields [text]"},
		{"typo in plain field", `{"context":"hi","respnse":"ok"}`, store.KindRate, `x.jsonl:1: bad review input: json: unknown field "respnse"`},
		{"empty response", `{"context":"hi","response_a":"","response_b":"x"}`, store.KindRate, "response: missing"},
		{"bad role", `{"context":[{"role":"bot","content":"hi"}],"response":"ok"}`, store.KindRate, `context[0].role: "bot" is not system, user or assistant`},
		{"pairwise needs two", `{"context":"hi","response":"ok"}`, store.KindPairwise, "x.jsonl:1: bad review input: a pairwise task needs two responses"},
		{"conversation without reply", `{"id":"c1","messages":[{"role":"user","content":"hi"}]}`, store.KindRate, "x.jsonl:1: bad review input: messages: no assistant reply"},
		{"eval pairwise, three models", `{"id":"1","model":"a","prompt":"p","response":"r"}
{"id":"1","model":"b","prompt":"p","response":"r"}
{"id":"1","model":"c","prompt":"p","response":"r"}`, store.KindPairwise, "needs two models, found 3"},
		{"eval pairwise, duplicate answer", `{"id":"1","model":"a","prompt":"p","response":"r"}
{"id":"1","model":"b","prompt":"p","response":"r"}
{"id":"1","model":"a","prompt":"p","response":"s"}`, store.KindPairwise, `x.jsonl:3: bad review input: case "1": second answer from model "a"`},
		{"empty file", "\n\n", store.KindRate, "x.jsonl: bad review input: no records"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadItems(strings.NewReader(tc.input), "x.jsonl", ImportOptions{Kind: tc.kind, Scrub: fakeScrub})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
			if !errors.Is(err, ErrInput) {
				t.Errorf("error %v does not wrap ErrInput", err)
			}
		})
	}
}

func TestReadItemsNeedsScrubber(t *testing.T) {
	if _, err := ReadItems(strings.NewReader(`{"context":"a","response":"b"}`), "x", ImportOptions{Kind: store.KindRate}); err == nil {
		t.Error("import without a scrubber succeeded")
	}
}

func FuzzReadItems(f *testing.F) {
	for _, name := range []string{"eval_outputs.jsonl", "plain.jsonl", "needs_review.jsonl", "pairs.jsonl"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
		f.Add(b, true)
	}
	f.Fuzz(func(t *testing.T, in []byte, pairwise bool) {
		kind := store.KindRate
		if pairwise {
			kind = store.KindPairwise
		}
		items, err := ReadItems(strings.NewReader(string(in)), "fuzz", ImportOptions{Kind: kind, Scrub: func(s string) string { return s }})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error does not wrap ErrInput: %v", err)
			}
			return
		}
		for _, it := range items {
			if len(it.Context) == 0 || strings.TrimSpace(it.ResponseA) == "" {
				t.Fatalf("item without context or response: %+v", it)
			}
			if pairwise && strings.TrimSpace(it.ResponseB) == "" {
				t.Fatalf("pairwise item without response B: %+v", it)
			}
			if !pairwise && it.ResponseB != "" {
				t.Fatalf("rate item with response B: %+v", it)
			}
			for _, m := range it.Context {
				if !m.Role.Valid() {
					t.Fatalf("invalid role %q", m.Role)
				}
			}
		}
	})
}
