// The fourth assessment head: P(anyone at high or imminent risk), trained
// on every case's level whoever the subject is. The writer's P(high+) head
// (classifier_high.bin) treats risk to someone else as a negative, so
// "my brother has the pills lined up" scores low there and the third-party
// head only speaks when the gate finds another person named. Cross-writer
// validation (docs/safety.md, session 3) showed the level head that ignores
// the subject ranks unseen writers' crises far better, so Assess uses it
// as a direct path to high (Assessor.DirectThreshold) and takes the
// subject from the other heads. Rebuilt by `go generate`.
package safety

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed classifier_any.bin
var classifierAnyBin []byte

var defaultClfAny = sync.OnceValues(func() (*Classifier, error) { return ReadClassifier(bytes.NewReader(classifierAnyBin)) })

// DefaultAnyClassifier returns the embedded classifier for P(someone, the
// writer or another person, is at high or imminent risk).
func DefaultAnyClassifier() (*Classifier, error) { return defaultClfAny() }

// SetAnyClassifier makes a use c as its P(anyone at high+) head (nil
// disables the direct path). The trainer uses it to measure candidates.
func (a *Assessor) SetAnyClassifier(c *Classifier) { a.clfAny = c }
