// Tests for chat rendering and the assistant loss mask on ChatML, Llama 3,
// tend's format and a Mistral-style template with no generation prompt.
package tokenizer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/tend-project/tend/conv"
)

// maskedRuns decodes each maximal run of masked tokens.
func maskedRuns(tok *Tokenizer, ids []int, mask []bool) []string {
	var runs []string
	for i := 0; i < len(ids); {
		if !mask[i] {
			i++
			continue
		}
		j := i
		for j < len(ids) && mask[j] {
			j++
		}
		runs = append(runs, tok.Decode(ids[i:j], false))
		i = j
	}
	return runs
}

var (
	sys  = conv.Message{Role: conv.RoleSystem, Content: "You are a kind listener."}
	u1   = conv.Message{Role: conv.RoleUser, Content: "I can't sleep lately."}
	a1   = conv.Message{Role: conv.RoleAssistant, Content: "That sounds exhausting. What keeps you up?"}
	u2   = conv.Message{Role: conv.RoleUser, Content: "Worrying about work, mostly. 😟"}
	a2   = conv.Message{Role: conv.RoleAssistant, Content: "Work worries can follow us to bed. Would writing them down help?"}
	chat = []conv.Message{sys, u1, a1, u2, a2}
)

// mistralStyle has no generation prompt and no {% generation %} markers; it
// folds the system prompt into the first user turn like several real
// templates do, and enforces alternation with raise_exception.
const mistralStyle = `{{ bos_token }}{% for message in messages %}` +
	`{% if message['role'] == 'system' %}{% if not loop.first %}{{ raise_exception('system message must come first') }}{% endif %}` +
	`{% elif message['role'] == 'user' %}[INST] {% if loop.index0 == 1 and messages[0]['role'] == 'system' %}{{ messages[0]['content'] ~ '\n\n' }}{% endif %}{{ message['content'] }} [/INST]` +
	`{% elif message['role'] == 'assistant' %} {{ message['content'] }}{{ eos_token }}` +
	`{% else %}{{ raise_exception('unknown role') }}{% endif %}{% endfor %}`

// qwenStyle adds a default system prompt when there is none and uses
// whitespace control and a namespace, as many shipped templates do.
const qwenStyle = `{%- set ns = namespace(sys=false) -%}
{%- for message in messages -%}
  {%- if message.role == 'system' -%}{%- set ns.sys = true -%}{%- endif -%}
{%- endfor -%}
{%- if not ns.sys -%}
  {{- '<|im_start|>system\nYou are a supportive listener.<|im_end|>\n' -}}
{%- endif -%}
{%- for message in messages -%}
  {{- '<|im_start|>' + message.role + '\n' + message.content + '<|im_end|>' + '\n' -}}
{%- endfor -%}
{%- if add_generation_prompt -%}
  {{- '<|im_start|>assistant\n' -}}
{%- endif -%}`

// noGenPrompt is tend's layout from a template that ignores
// add_generation_prompt.
const noGenPrompt = `{% for m in messages %}{{ '<|' ~ m.role ~ '|>\n' ~ m.content ~ '<|end|>\n' }}{% endfor %}`

func TestRenderChatMask(t *testing.T) {
	mistral, err := NewChatTemplate("mistral-style", mistralStyle, "<|begin_of_text|>", "<|end|>")
	if err != nil {
		t.Fatal(err)
	}
	qwenStyle, err := NewChatTemplate("qwen-style", qwenStyle, "", "<|im_end|>")
	if err != nil {
		t.Fatal(err)
	}
	noGenPrompt, err := NewChatTemplate("no-generation-prompt", noGenPrompt, "", "<|end|>")
	if err != nil {
		t.Fatal(err)
	}
	builtin := func(name string) *ChatTemplate {
		c, err := BuiltinTemplate(name)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name     string
		tok      string
		tmpl     *ChatTemplate
		msgs     []conv.Message
		addGen   bool
		wantText string
		wantRuns []string
	}{
		{
			name: "chatml multi-turn with system", tok: "qwen2", tmpl: builtin("chatml"), msgs: chat,
			wantText: "<|im_start|>system\nYou are a kind listener.<|im_end|>\n<|im_start|>user\nI can't sleep lately.<|im_end|>\n" +
				"<|im_start|>assistant\nThat sounds exhausting. What keeps you up?<|im_end|>\n<|im_start|>user\nWorrying about work, mostly. 😟<|im_end|>\n" +
				"<|im_start|>assistant\nWork worries can follow us to bed. Would writing them down help?<|im_end|>\n",
			wantRuns: []string{a1.Content + "<|im_end|>", a2.Content + "<|im_end|>"},
		},
		{
			name: "chatml generation prompt after user", tok: "qwen2", tmpl: builtin("chatml"), msgs: chat[:4], addGen: true,
			wantRuns: []string{a1.Content + "<|im_end|>"},
		},
		{
			name: "llama3 multi-turn with system", tok: "llama3", tmpl: builtin("llama3"), msgs: chat,
			wantText: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a kind listener.<|eot_id|>" +
				"<|start_header_id|>user<|end_header_id|>\n\nI can't sleep lately.<|eot_id|>" +
				"<|start_header_id|>assistant<|end_header_id|>\n\nThat sounds exhausting. What keeps you up?<|eot_id|>" +
				"<|start_header_id|>user<|end_header_id|>\n\nWorrying about work, mostly. 😟<|eot_id|>" +
				"<|start_header_id|>assistant<|end_header_id|>\n\nWork worries can follow us to bed. Would writing them down help?<|eot_id|>",
			wantRuns: []string{a1.Content + "<|eot_id|>", a2.Content + "<|eot_id|>"},
		},
		{
			name: "llama3 trims content, single turn, no system", tok: "llama3", tmpl: builtin("llama3"),
			msgs:     []conv.Message{u1, {Role: conv.RoleAssistant, Content: "  Padded reply.\n"}},
			wantRuns: []string{"Padded reply.<|eot_id|>"},
		},
		{
			name: "tend format", tok: "tend", tmpl: builtin("tend"), msgs: chat,
			wantText: "<|begin_of_text|><|system|>\nYou are a kind listener.<|end|>\n<|user|>\nI can't sleep lately.<|end|>\n" +
				"<|assistant|>\nThat sounds exhausting. What keeps you up?<|end|>\n<|user|>\nWorrying about work, mostly. 😟<|end|>\n" +
				"<|assistant|>\nWork worries can follow us to bed. Would writing them down help?<|end|>\n",
			wantRuns: []string{a1.Content + "<|end|>", a2.Content + "<|end|>"},
		},
		{
			name: "no generation prompt or markers", tok: "tend", tmpl: mistral, msgs: chat,
			wantText: "<|begin_of_text|>[INST] You are a kind listener.\n\nI can't sleep lately. [/INST] That sounds exhausting. What keeps you up?<|end|>" +
				"[INST] Worrying about work, mostly. 😟 [/INST] Work worries can follow us to bed. Would writing them down help?<|end|>",
			// The space before each reply is part of the reply's first token.
			wantRuns: []string{" " + a1.Content + "<|end|>", " " + a2.Content + "<|end|>"},
		},
		{
			// Without add_generation_prompt support the header is part of the
			// difference; a reply equal to the role name must not match in it.
			name: "reply text also inside the header", tok: "tend", tmpl: noGenPrompt,
			msgs:     []conv.Message{u1, {Role: conv.RoleAssistant, Content: "assistant"}},
			wantRuns: []string{"assistant<|end|>"},
		},
		{
			name: "qwen-style default system prompt and whitespace control", tok: "qwen2", tmpl: qwenStyle, msgs: chat[1:],
			wantText: "<|im_start|>system\nYou are a supportive listener.<|im_end|>\n<|im_start|>user\nI can't sleep lately.<|im_end|>\n" +
				"<|im_start|>assistant\nThat sounds exhausting. What keeps you up?<|im_end|>\n<|im_start|>user\nWorrying about work, mostly. 😟<|im_end|>\n" +
				"<|im_start|>assistant\nWork worries can follow us to bed. Would writing them down help?<|im_end|>\n",
			wantRuns: []string{a1.Content + "<|im_end|>", a2.Content + "<|im_end|>"},
		},
		{
			name: "assistant speaks first", tok: "qwen2", tmpl: builtin("chatml"),
			msgs:     []conv.Message{{Role: conv.RoleAssistant, Content: "Hi, I'm here to listen."}, u1},
			wantRuns: []string{"Hi, I'm here to listen.<|im_end|>"},
		},
		{
			name: "empty assistant turn still learns its end token", tok: "qwen2", tmpl: builtin("chatml"),
			msgs:     []conv.Message{u1, {Role: conv.RoleAssistant, Content: ""}},
			wantRuns: []string{"<|im_end|>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := loadTest(t, tt.tok)
			ids, mask, err := tok.RenderChat(tt.tmpl, tt.msgs, tt.addGen)
			if err != nil {
				t.Fatal(err)
			}
			text, err := tt.tmpl.Render(tt.msgs, tt.addGen)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantText != "" && text != tt.wantText {
				t.Errorf("rendered text (-want +got):\n%s", cmp.Diff(tt.wantText, text))
			}
			if diff := cmp.Diff(tok.Encode(text, false), ids); diff != "" {
				t.Errorf("ids differ from encoding the rendered text (-want +got):\n%s", diff)
			}
			if len(mask) != len(ids) {
				t.Fatalf("len(mask) = %d, len(ids) = %d", len(mask), len(ids))
			}
			if diff := cmp.Diff(tt.wantRuns, maskedRuns(tok, ids, mask)); diff != "" {
				t.Errorf("masked runs (-want +got):\n%s", diff)
			}
			if tt.addGen && mask[len(mask)-1] {
				t.Error("the generation prompt is masked")
			}
		})
	}
}

func TestRenderChatErrors(t *testing.T) {
	tend := loadTest(t, "tend")
	// Renders the last assistant turn differently from earlier ones, as
	// templates that strip reasoning from history do.
	rewrites, err := NewChatTemplate("rewrites-history",
		`{% for m in messages %}<|{{ m.role }}|>{% if m.role == 'assistant' and not loop.last %}(earlier){% endif %}{{ m.content }}<|end|>{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}`, "", "")
	if err != nil {
		t.Fatal(err)
	}
	chatml, _ := BuiltinTemplate("chatml")
	tendTmpl, _ := BuiltinTemplate("tend")
	tests := []struct {
		name string
		tok  *Tokenizer
		tmpl *ChatTemplate
		msgs []conv.Message
		want string
	}{
		{"prefix property broken", tend, rewrites, chat, "not a prefix"},
		{"template tokens missing", tend, chatml, chat, `no added token "<|im_start|>"`},
		{"unknown role raises", tend, tendTmpl, []conv.Message{{Role: "tool", Content: "x"}}, "unknown role tool"},
		{"no template", tend, nil, chat, "none given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.tok.RenderChat(tt.tmpl, tt.msgs, false)
			if !errors.Is(err, ErrTemplate) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrTemplate containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "qwen2.json"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tokenizer.json", string(data))
	chatml, _ := BuiltinTemplate("chatml")
	write("tokenizer_config.json", `{"bos_token": null, "eos_token": {"content": "<|im_end|>", "special": true}, "chat_template": `+jsonStr(chatml.Source)+`}`)
	tok, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := tok.ChatTemplate()
	if c == nil || c.EOS != "<|im_end|>" || c.BOS != "" {
		t.Fatalf("template = %+v, want eos <|im_end|> and no bos", c)
	}
	_, mask, err := tok.RenderChat(c, chat, false)
	if err != nil {
		t.Fatal(err)
	}
	if !mask[len(mask)-2] || mask[len(mask)-1] {
		t.Error("want the final <|im_end|> masked and the newline after it not")
	}

	write("tokenizer_config.json", `{"chat_template": 7}`)
	if _, err := LoadDir(dir); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad chat_template: err = %v, want ErrInvalid", err)
	}
	write("tokenizer_config.json", `{"chat_template": [{"name": "tool_use", "template": "x"}, {"name": "default", "template": "{{ bos_token }}"}], "bos_token": "<s>"}`)
	tok, err = LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := tok.ChatTemplate().Render(nil, false); got != "<s>" {
		t.Errorf("named default template rendered %q, want <s>", got)
	}
	withVars, err := NewChatTemplate("vars", "{{ date_string }}{% if enable_thinking is defined and not enable_thinking %}/no_think{% endif %}", "", "")
	if err != nil {
		t.Fatal(err)
	}
	withVars.Vars = map[string]any{"date_string": "26 Nov 2026", "enable_thinking": false}
	if got, _ := withVars.Render(nil, false); got != "26 Nov 2026/no_think" {
		t.Errorf("template variables rendered %q", got)
	}
}

// FuzzChatMask renders a two-turn ChatML conversation with arbitrary
// contents and checks that the mask covers one run: the reply's text
// through <|im_end|>, and nothing of the user's turn or the headers.
func FuzzChatMask(f *testing.F) {
	f.Add("I can't sleep.", "That sounds hard. 😟")
	f.Add("  spaced  ", "\n\nreply\n")
	f.Add("assistant", "user")
	tok := loadTest(f, "qwen2")
	tmpl, err := BuiltinTemplate("chatml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, user, reply string) {
		if !utf8.ValidString(user) || !utf8.ValidString(reply) || strings.Contains(user+reply, "<|") {
			t.Skip()
		}
		msgs := []conv.Message{{Role: conv.RoleUser, Content: user}, {Role: conv.RoleAssistant, Content: reply}}
		ids, mask, err := tok.RenderChat(tmpl, msgs, false)
		if err != nil {
			t.Fatal(err)
		}
		norm := tok.norm
		text, _ := tmpl.Render([]conv.Message{{Role: conv.RoleUser, Content: norm(user)}, {Role: conv.RoleAssistant, Content: norm(reply)}}, false)
		if !cmp.Equal(ids, tok.Encode(text, false)) {
			t.Fatal("ids differ from encoding the rendered text")
		}
		runs := maskedRuns(tok, ids, mask)
		if len(runs) != 1 {
			t.Fatalf("masked runs %q, want exactly one", runs)
		}
		got, want := runs[0], strings.TrimSpace(norm(reply))
		if !strings.HasSuffix(got, "<|im_end|>") || !strings.Contains(got, want) || strings.Contains(got, "<|im_start|>") {
			t.Fatalf("masked %q for reply %q", got, reply)
		}
		// Only whitespace of the reply may precede its trimmed text (it can
		// share a token with the first word).
		if pre := got[:strings.Index(got, want)]; strings.TrimSpace(pre) != "" {
			t.Fatalf("masked %q before the reply", pre)
		}
	})
}
