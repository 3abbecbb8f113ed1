// Stop strings that may span token boundaries. Text is released only when it
// can no longer be the start of a stop string, so a stop string is never
// partly shown: "User:" split as "Us" + "er:" is caught and neither piece
// reaches the caller.
package generate

import "strings"

type stopper struct {
	stops []string
	held  string
}

// push adds decoded text. It returns the text safe to release and whether a
// stop string was found (in which case the text before it is released and
// generation should end).
func (s *stopper) push(text string) (string, bool) {
	if len(s.stops) == 0 {
		return text, false
	}
	s.held += text
	cut := -1
	for _, st := range s.stops {
		if i := strings.Index(s.held, st); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut >= 0 {
		out := s.held[:cut]
		s.held = ""
		return out, true
	}
	// Hold back the longest suffix that is a proper prefix of a stop string.
	keep := 0
	for _, st := range s.stops {
		for n := min(len(st)-1, len(s.held)); n > keep; n-- {
			if strings.HasSuffix(s.held, st[:n]) {
				keep = n
				break
			}
		}
	}
	out := s.held[:len(s.held)-keep]
	s.held = s.held[len(s.held)-keep:]
	return out, false
}

// flush releases whatever is held at the end of generation.
func (s *stopper) flush() string {
	out := s.held
	s.held = ""
	return out
}
