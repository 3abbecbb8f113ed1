package serve

import (
	"errors"
	"testing"
)

// FuzzDecodeChatRequest: any body either decodes into a request that passes
// validation or fails with a request error (a 4xx), never a panic or a 5xx.
func FuzzDecodeChatRequest(f *testing.F) {
	for _, s := range []string{
		`{"messages":[{"role":"user","content":"hi"}]}`,
		`{"model":"tend","stream":true,"stop":["\n"],"temperature":0.7,"messages":[{"role":"system","content":"x"},{"role":"user","content":"y"}]}`,
		`{"stop":"x","messages":[{"role":"user","content":"a"}],"max_tokens":5}`,
		`{"messages":[{"role":"wizard","content":"hi"}]}`,
		`{"messages":null}`, `[]`, `{`, `{"top_p":2,"messages":[]}`,
	} {
		f.Add([]byte(s))
	}
	lim := Limits{MaxBodyBytes: 1 << 16, MaxMessages: 8, MaxMessageBytes: 512, MaxTokens: 64, MaxStops: 2}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeChatRequest(body, lim)
		if err != nil {
			if status, _ := statusOf(err); status >= 500 {
				t.Fatalf("body %q gave a server error: %v", body, err)
			}
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("error %v is not a request error", err)
			}
			return
		}
		if err := validateChatRequest(req, lim); err != nil {
			t.Fatalf("decoded request fails validation: %v", err)
		}
	})
}
