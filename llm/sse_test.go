package llm

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadStream(t *testing.T) {
	ev := func(content string) string {
		b, _ := json.Marshal(content)
		return `data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":` + string(b) + `},"finish_reason":null}]}` + "\n\n"
	}
	finish := `data: {"model":"m2","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}` + "\n\n"
	usage := `data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}` + "\n\n"
	long := strings.Repeat("long ", 8000) // 40 kB: longer than the read buffer
	cases := []struct {
		name       string
		in         string
		wantDeltas []string
		want       Response
		wantErr    error
	}{
		{"plain", ev("Hello ") + ev("there.") + finish + usage + "data: [DONE]\n\n",
			[]string{"Hello ", "there."}, Response{Text: "Hello there.", FinishReason: "stop", Model: "m2", Usage: Usage{3, 2, 5}}, nil},
		{"CRLF, comments and event names", ": keep-alive\r\nevent: chunk\r\n" + strings.ReplaceAll(ev("a")+finish, "\n", "\r\n") + "data: [DONE]\r\n",
			[]string{"a"}, Response{Text: "a", FinishReason: "stop", Model: "m2"}, nil},
		{"no space after data:", `data:{"choices":[{"index":0,"delta":{"content":"x"}}]}` + "\n" + "data:[DONE]\n",
			[]string{"x"}, Response{Text: "x"}, nil},
		{"escapes and unicode", ev("caf\u00e9 \"quoted\"\n<tag> & \u2028") + "data: [DONE]\n\n",
			[]string{"caf\u00e9 \"quoted\"\n<tag> & \u2028"}, Response{Text: "caf\u00e9 \"quoted\"\n<tag> & \u2028", Model: "m"}, nil},
		{"other choices are ignored", `data: {"choices":[{"index":1,"delta":{"content":"no"}},{"index":0,"delta":{"content":"yes"}}]}` + "\n\ndata: [DONE]\n\n",
			[]string{"yes"}, Response{Text: "yes"}, nil},
		{"longer than the buffer", ev(long) + "data: [DONE]\n\n", []string{long}, Response{Text: long, Model: "m"}, nil},
		{"last line without newline", ev("a") + finish + "data: [DONE]", []string{"a"}, Response{Text: "a", FinishReason: "stop", Model: "m2"}, nil},
		{"finish reason without [DONE]", ev("a") + finish, []string{"a"}, Response{Text: "a", FinishReason: "stop", Model: "m2"}, nil},
		{"finish on an unterminated last line", ev("a") + strings.TrimSpace(finish), []string{"a"}, Response{Text: "a", FinishReason: "stop", Model: "m2"}, nil},
		{"cut off", ev("a") + ev("b"), nil, Response{}, ErrBadResponse},
		{"bad JSON", ev("a") + "data: {\"choices\": [\n\n", nil, Response{}, ErrBadResponse},
		{"wrong type", `data: {"choices":[{"index":"0"}]}` + "\n\n", nil, Response{}, ErrBadResponse},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var deltas []string
			got, err := readStream(strings.NewReader(c.in), func(s string) error { deltas = append(deltas, s); return nil })
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.wantDeltas != nil {
				if diff := cmp.Diff(c.wantDeltas, deltas); diff != "" {
					t.Errorf("deltas (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadStreamCallbackError(t *testing.T) {
	stop := errors.New("stop")
	_, err := readStream(strings.NewReader(`data: {"choices":[{"delta":{"content":"a"}}]}`+"\n\n"), func(string) error { return stop })
	var cb callbackError
	if !errors.As(err, &cb) || cb.err != stop {
		t.Errorf("err = %v, want the callback's error", err)
	}
}

// TestDecodeChunk covers the cases where decodeChunk must decline or must
// match encoding/json's less obvious rules.
func TestDecodeChunk(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		wantOK bool
	}{
		{"typical", `{"id":"c","object":"chat.completion.chunk","created":17,"model":"m","system_fingerprint":"fp","choices":[{"index":0,"delta":{"role":"assistant","content":"hi"},"logprobs":null,"finish_reason":null}]}`, true},
		{"nulls", `{"model":null,"choices":[{"index":null,"delta":null,"finish_reason":null}],"usage":null}`, true},
		{"content null", `{"choices":[{"index":0,"delta":{"content":null}}]}`, true},
		{"repeated fields, last wins", `{"model":"a","model":"b","choices":[{"finish_reason":"stop","finish_reason":null,"delta":{"content":"x"},"delta":{"role":"assistant"}}]}`, true},
		{"repeated usage merges", `{"usage":{"prompt_tokens":1},"usage":{"completion_tokens":2}}`, true},
		{"extension fields", `{"tend_safety":{"risk_level":"none"},"choices":[{"index":0,"delta":{"content":"x","tool_calls":[{"id":"t"}]}}]}`, true},
		{"escaped content", `{"choices":[{"delta":{"content":"a\"b\\c\u00e9\ud83d\ude00"}}]}`, true},
		{"invalid UTF-8 in content", "{\"choices\":[{\"delta\":{\"content\":\"a\xffb\"}}]}", true},
		{"case-variant key", `{"Model":"m"}`, false},
		{"case-variant nested key", `{"choices":[{"Delta":{"content":"x"}}]}`, false},
		{"escaped key", `{"mod\u0065l":"m"}`, false},
		{"non-ASCII key", `{"ſhoices":[]}`, false},
		{"repeated choices", `{"choices":[],"choices":[]}`, false},
		{"index float", `{"choices":[{"index":0.0}]}`, false},
		{"index string", `{"choices":[{"index":"0"}]}`, false},
		{"model number", `{"model":3}`, false},
		{"choices null", `{"choices":null}`, false},
		{"choice null", `{"choices":[null]}`, false},
		{"not an object", `[1]`, false},
		{"created float", `{"created":1.5}`, false},
		{"usage wrong type", `{"usage":{"prompt_tokens":"3"}}`, false},
		{"trailing comma", `{"model":"m",}`, false},
		{"control character in a string", "{\"model\":\"a\tb\"}", false},
		{"bad escape", `{"model":"a\qb"}`, false},
		{"short unicode escape", `{"model":"\u12"}`, false},
		{"leading zero", `{"x":01}`, false},
		{"bare point", `{"x":1.}`, false},
		{"lone minus", `{"x":-}`, false},
		{"bad literal", `{"x":nul}`, false},
		{"trailing garbage", `{"model":"m"} x`, false},
		{"unclosed", `{"choices":[{"index":0}`, false},
		{"numbers skipped correctly", `{"x":[-0.5e+3,0,12E-1,true,false,null,{}],"model":"m"}`, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.wantOK && !json.Valid([]byte(c.in)) {
				t.Fatalf("test input is not valid JSON: %s", c.in)
			}
			var v chunkView
			ok := decodeChunk([]byte(c.in), &v)
			if ok != c.wantOK {
				t.Fatalf("ok = %v, want %v", ok, c.wantOK)
			}
			if ok {
				checkAgainstEncodingJSON(t, []byte(c.in), &v)
			}
		})
	}
}

// checkAgainstEncodingJSON fails if v differs from encoding/json's decoding
// of data.
func checkAgainstEncodingJSON(t *testing.T, data []byte, v *chunkView) {
	t.Helper()
	var ch ChatChunk
	if err := json.Unmarshal(data, &ch); err != nil {
		t.Fatalf("decodeChunk accepted %q, which encoding/json rejects: %v", data, err)
	}
	var want chunkView
	viewOf(&ch, &want)
	want.lastModel = v.lastModel // a cache, not a result
	if diff := cmp.Diff(want, *v, cmp.AllowUnexported(chunkView{}, choiceView{})); diff != "" {
		t.Errorf("decodeChunk(%q) differs from encoding/json (-json +fast):\n%s", data, diff)
	}
}

// FuzzDecodeChunk checks decodeChunk against encoding/json on any input:
// whenever the fast path answers, encoding/json must accept the input and
// give the same answer.
func FuzzDecodeChunk(f *testing.F) {
	for _, s := range []string{
		`{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi "},"finish_reason":null}]}`,
		`{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}`,
		`{"choices":[{"delta":{"content":"a\u00e9\n"},"logprobs":{"content":[{"token":"a"}]}}],"tend_safety":{"path":"model"}}`,
		`{"model":null,"choices":[{"index":null,"delta":null}]}`,
		`{"Choices":[], "usage":null, "x":[1,{"y":"}"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v chunkView
		if decodeChunk(data, &v) {
			checkAgainstEncodingJSON(t, data, &v)
		}
	})
}

// BenchmarkDecodeChunk compares the fast path with encoding/json on a
// typical content chunk.
func BenchmarkDecodeChunk(b *testing.B) {
	data := []byte(`{"id":"chatcmpl-123","object":"chat.completion.chunk","created":1700000000,"model":"Qwen2.5-0.5B-Instruct","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":" heaviest"},"logprobs":null,"finish_reason":null}]}`)
	b.Run("decodeChunk", func(b *testing.B) {
		var v chunkView
		b.ReportAllocs()
		for b.Loop() {
			if err := decodeEvent(data, &v); err != nil || v.choices[0].content != " heaviest" {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var ch ChatChunk
			if err := json.Unmarshal(data, &ch); err != nil || ch.Choices[0].Delta.Content != " heaviest" {
				b.Fatal(err)
			}
		}
	})
}
