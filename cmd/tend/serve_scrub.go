// The PII scrubber that tend serve applies to transcripts before storing
// them. Storage stays off unless a scrubber exists: a stored transcript with
// personal data in it is worse than none.
package main

import "errors"

func transcriptScrubber() (func(string) string, error) {
	return nil, errors.New("transcripts.store: this build has no PII scrubber yet, so transcripts cannot be stored; set transcripts.store to false")
}
