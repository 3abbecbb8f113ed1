package train

import (
	"math/rand/v2"
	"testing"

	"github.com/tend-project/tend/model"
)

// BenchmarkTrainStep measures full fine-tuning throughput of the built-in
// shapes on random tokens (B=4, T=512; the 135M shape with LoRA).
func BenchmarkTrainStep(b *testing.B) {
	for _, tc := range []struct {
		name, shape string
		vocab       int
		lora        bool
	}{{"tend-mini", "tend-mini", 4096, false}, {"smollm2-135m-lora", "smollm2-135m", 49152, true}} {
		b.Run(tc.name, func(b *testing.B) {
			cfg, _ := BuiltinConfig(tc.shape, tc.vocab, 0, 1)
			m, err := model.New(cfg, 1)
			if err != nil {
				b.Fatal(err)
			}
			if tc.lora {
				if err := m.AddLoRA(model.LoRAConfig{Rank: 16, Alpha: 32, Targets: []string{"all-linear"}}, 1); err != nil {
					b.Fatal(err)
				}
				m.Checkpoint = true
			} else {
				m.EnableGrads()
			}
			B, T := 4, 512
			r := rand.New(rand.NewPCG(1, 2))
			batch := &model.Batch{B: B, T: T, Tokens: make([]int32, B*T), Targets: make([]int32, B*T)}
			for i := range batch.Tokens {
				batch.Tokens[i], batch.Targets[i] = int32(r.IntN(tc.vocab)), int32(r.IntN(tc.vocab))
			}
			for b.Loop() {
				m.ZeroGrad()
				if _, err := m.TrainStep(batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(B*T*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
