// Built-in model shapes for pretraining from scratch: tend's own tend-mini,
// and the shape of SmolLM2-135M for sizing and benchmarks. The vocabulary
// size comes from the tokenizer the run uses.
package train

import (
	"slices"

	"github.com/tend-project/tend/model"
)

var builtins = map[string]model.Config{
	"tend-mini": {
		Architecture: "LlamaForCausalLM", Hidden: 256, Layers: 4, Heads: 4, KVHeads: 2, HeadDim: 64,
		Intermediate: 640, MaxPos: 1024, RopeTheta: 10000, RMSEps: 1e-5, TieEmbeddings: true,
	},
	"smollm2-135m": {
		Architecture: "LlamaForCausalLM", Hidden: 576, Layers: 30, Heads: 9, KVHeads: 3, HeadDim: 64,
		Intermediate: 1536, MaxPos: 8192, RopeTheta: 100000, RMSEps: 1e-5, TieEmbeddings: true,
	},
}

// BuiltinNames lists the names base_model accepts besides a directory.
func BuiltinNames() []string {
	var names []string
	for k := range builtins {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func builtinConfig(name string) (model.Config, bool) {
	c, ok := builtins[name]
	return c, ok
}

// BuiltinConfig returns the model config of a built-in shape for a
// tokenizer of vocab ids with the given BOS and EOS ids.
func BuiltinConfig(name string, vocab, bos, eos int) (model.Config, bool) {
	c, ok := builtins[name]
	if !ok {
		return c, false
	}
	c.Vocab = vocab
	c.BOS, c.EOS = []int{bos}, []int{eos}
	return c, true
}
