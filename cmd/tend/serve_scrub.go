// The PII scrubber that tend serve applies to transcripts before storing
// them: the same scrubber as data curation and the review app, keeping
// crisis-line numbers and links into the sources library.
package main

func transcriptScrubber(libraries []string) (func(string) string, error) {
	return reviewScrub(libraries)
}
