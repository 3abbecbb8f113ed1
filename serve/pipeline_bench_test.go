package serve

import (
	"context"
	"strings"
	"testing"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/llm"
	"github.com/tend-project/tend/safety"
)

// benchReply is the load test's reply: three sentences, one word a chunk.
const benchReply = "That sounds like a lot to carry this week. What has felt heaviest lately? Sometimes a short walk or a chat with a friend helps a little."

// BenchmarkPipelineTurn measures tend's own CPU per streamed turn, without
// HTTP, against a generator that answers at once: the whole pipeline, and
// the safety calls it makes (one risk assessment per turn, inside
// Guard.NewStream; the streaming guard per chunk).
func BenchmarkPipelineTurn(b *testing.B) {
	words := strings.SplitAfter(benchReply, " ")
	gen := &llm.Func{ModelName: "instant", Fn: func(ctx context.Context, req llm.Request, onDelta func(string) error) (llm.Response, error) {
		for _, w := range words {
			if err := onDelta(w); err != nil {
				return llm.Response{}, err
			}
		}
		return llm.Response{Text: benchReply, FinishReason: "stop"}, nil
	}}
	pol := safety.DefaultPolicy()
	p, err := NewPipeline(Config{}, Deps{Gen: gen, Policy: &pol})
	if err != nil {
		b.Fatal(err)
	}
	msgs := []conv.Message{{Role: conv.RoleUser, Content: "Work has been stressful and I keep worrying about deadlines."}}
	c := &conv.Conversation{ID: "bench", Messages: msgs}

	b.Run("pipeline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := p.Turn(context.Background(), msgs, "GB", nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/turn")
	})
	assessor, err := safety.NewAssessor()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("assess", func(b *testing.B) {
		for b.Loop() {
			assessor.Assess(c)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
	})
	b.Run("guard-stream", func(b *testing.B) {
		for b.Loop() {
			sg := p.p.guard.NewStream(c)
			for _, w := range words {
				sg.Write(w)
			}
			sg.Close()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/turn")
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(words)), "µs/chunk")
	})
}
