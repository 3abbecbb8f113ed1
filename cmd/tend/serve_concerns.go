// Concern detection for tend serve's citations: the curation annotator's
// classifier, trained from the seed corpus the first time it is used. Its
// few seconds of training run in the background at start-up; until they
// finish, the keyword lexicon stands in, so no request waits.
package main

import (
	"sync/atomic"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/data"
)

func concernDetector() func(string) []conv.Concern {
	var ready atomic.Bool
	go func() {
		data.DetectConcerns("warm-up")
		ready.Store(true)
	}()
	return func(text string) []conv.Concern {
		if ready.Load() {
			return data.DetectConcerns(text)
		}
		return data.LexiconConcerns(text)
	}
}
