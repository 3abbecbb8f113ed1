// The in-process backend for tend serve and tend chat: a model directory run
// by tend's own engine.
package main

import "github.com/tend-project/tend/llm"

func openLocalGenerator(dir, name string) (llm.Generator, error) {
	return llm.OpenLocal(name, dir, 0, 2)
}
