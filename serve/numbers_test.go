// Serve-level check for the unverified_number guard rule: a helpline number
// the model made up never reaches the client, streamed or not, in any chunk
// split, and the reply still points to the locale's real line.
package serve

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/tend-project/tend/llm"
)

func TestMadeUpNumberNeverReachesClient(t *testing.T) {
	const reply = "I'm an AI and I'm really glad you reached out. You could text 14 or ring 0800 123 456 to talk to someone tonight. What has been hardest this week?"
	splits := map[string]func(string) []string{
		"by word": strings.Fields,
		"by byte": func(s string) []string {
			out := make([]string, len(s))
			for i := range s {
				out[i] = s[i : i+1]
			}
			return out
		},
		"whole": func(s string) []string { return []string{s} },
	}
	for name, split := range splits {
		for _, stream := range []bool{false, true} {
			h := newHarness(t, Config{})
			h.backend.Reply = func(llm.ChatRequest) string { return reply }
			h.backend.Chunks = func(text string) []string {
				parts := split(text)
				if name == "by word" {
					for i := range parts[:len(parts)-1] {
						parts[i] += " "
					}
				}
				return parts
			}
			resp := post(t, h.tend.URL, chatBody(stream, "I've been feeling low lately. Who can I talk to?"))
			var text string
			var meta Meta
			if stream {
				var done bool
				text, _, done = readSSE(t, resp.Body)
				if !done {
					t.Errorf("%s stream: did not finish", name)
				}
			} else {
				var cr struct {
					llm.ChatResponse
					Safety Meta `json:"tend_safety"`
				}
				b, _ := io.ReadAll(resp.Body)
				if err := json.Unmarshal(b, &cr); err != nil {
					t.Fatalf("%s: %v: %s", name, err, b)
				}
				if len(cr.Choices) == 0 {
					t.Fatalf("%s: no choices: %s", name, b)
				}
				text, meta = cr.Choices[0].Message.Content, cr.Safety
			}
			resp.Body.Close()
			for _, bad := range []string{"text 14", "0800 123 456"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s stream=%v: client received %q in %q", name, stream, bad, text)
				}
			}
			for _, want := range []string{"glad you reached out", "116 123"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s stream=%v: reply lacks %q: %q", name, stream, want, text)
				}
			}
			if !stream && !hasRule(meta.GuardRules, "unverified_number") {
				t.Errorf("%s: guard rules %v lack unverified_number", name, meta.GuardRules)
			}
		}
	}
}

func hasRule(rules []string, r string) bool {
	for _, x := range rules {
		if x == r {
			return true
		}
	}
	return false
}
