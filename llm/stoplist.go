// StopList decodes OpenAI's "stop" field, which may be a single string or a
// list of strings.
package llm

import (
	"encoding/json"
	"errors"
)

// ErrStopList is returned when "stop" is neither a string nor a list of
// strings. Check with errors.Is.
var ErrStopList = errors.New("stop: want a string or a list of strings")

// StopList is a list of stop strings that also accepts a bare string.
type StopList []string

// UnmarshalJSON accepts "x", ["x","y"] or null.
func (s *StopList) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = nil
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = StopList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return ErrStopList
	}
	*s = many
	return nil
}
