// The hand-written training conversations for the annotator
// (annotdata/written.jsonl, 1,001 conversations written by this project in
// the way people write to a support service, and labelled by hand). The seed
// corpus alone teaches the heads its templates; these teach them how people
// actually write. They are split 85/15 into train and val by a hash of the
// id, and repeated writtenWeight times in training so that 850 varied
// conversations are not drowned by 4,000 templated ones. The independent
// evaluation set (testdata/annotate/handwritten.jsonl) was written
// separately and is never trained on.
package data

import (
	"bytes"
	_ "embed"
	"errors"
	"hash/fnv"
	"io"

	"github.com/tend-project/tend/conv"
)

//go:embed annotdata/written.jsonl
var writtenJSONL []byte

// writtenWeight is how many times each written training conversation is
// repeated among the training rows.
const writtenWeight = 3

// loadWritten returns the written conversations split into train and val.
// The reader validates each record; an error names the line.
func loadWritten() (train, val []*conv.Conversation, err error) {
	r := conv.NewReader[conv.Conversation](bytes.NewReader(writtenJSONL), "annotdata/written.jsonl")
	for {
		c, err := r.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return train, val, nil
			}
			return nil, nil, err
		}
		h := fnv.New32a()
		h.Write([]byte(c.ID))
		if h.Sum32()%100 < 15 {
			val = append(val, &c)
		} else {
			train = append(train, &c)
		}
	}
}
