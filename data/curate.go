// Curation: the plug-in contracts every curation stage shares. A Filter
// looks at one conversation and returns the reasons it must be dropped; an
// Annotator fills in labels with a confidence. The pipeline (curate_run.go)
// runs import → scrub → filter → annotate → dedupe → split → write, and
// writes every drop to rejects.jsonl with its code, span and file:line, so
// nothing leaves the data silently.
package data

import (
	"github.com/tend-project/tend/conv"
)

// Reject is one reason to drop a record.
type Reject struct {
	// Code is a stable, machine-readable reason ("quality_short_turn",
	// "diagnosis", "misinformation", "duplicate_near", ...).
	Code string `json:"code"`
	// Span is the text that triggered the rule, when there is one.
	Span string `json:"span,omitempty"`
	// Message is the index into Conversation.Messages of the offending
	// message, or -1 when the rule is about the whole record.
	Message int `json:"message"`
	// Reason explains the rule in plain words for a reviewer.
	Reason string `json:"reason"`
}

// Filter checks one conversation. It returns nil to keep the record; any
// Reject drops it. A Filter must be safe for concurrent use: the pipeline
// calls Check from several goroutines.
//
// Preference pairs are checked as the conversation prompt + chosen: the
// rejected reply is meant to be bad, so it is not filtered.
type Filter interface {
	Name() string
	Check(c *conv.Conversation) []Reject
}

// Annotator labels one conversation. It receives the labels so far (those
// the record came with, then each earlier annotator's output) in c.Labels
// and returns the labels to keep and its confidence in them, 0–1. Records
// whose final confidence is below the review threshold go to
// needs_review.jsonl. An Annotator must be safe for concurrent use.
type Annotator interface {
	Name() string
	Annotate(c *conv.Conversation) (labels conv.Labels, confidence float64)
}

// RecordKind says whether a pipeline record is a conversation or a pair.
type RecordKind uint8

const (
	KindConversation RecordKind = iota
	KindPair
)

// pairAsConversation is the view of a pair that filters and annotators see:
// the prompt followed by the chosen reply, with the pair's concerns as
// labels.
func pairAsConversation(p *conv.PreferencePair) *conv.Conversation {
	msgs := make([]conv.Message, 0, len(p.Prompt)+len(p.Chosen))
	msgs = append(append(msgs, p.Prompt...), p.Chosen...)
	return &conv.Conversation{ID: p.ID, Messages: msgs, Labels: conv.Labels{Concerns: p.Concerns},
		Source: p.Source, License: p.License}
}

// primaryConcern is the stratum a record is split by.
func primaryConcern(cs []conv.Concern) uint8 {
	if len(cs) == 0 {
		return unlabelled
	}
	for i, k := range conv.Concerns {
		if k == cs[0] {
			return uint8(i)
		}
	}
	return unlabelled
}

// unlabelled is the stratum index of records with no concern.
var unlabelled = uint8(len(conv.Concerns))

// stratumName names a stratum index for reports.
func stratumName(s uint8) string {
	if int(s) < len(conv.Concerns) {
		return string(conv.Concerns[s])
	}
	return "unlabelled"
}
