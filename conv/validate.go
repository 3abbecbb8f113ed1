// Validation of records against tend's format rules. Readers call these so a
// bad record is reported with its file and line; writers call them so tend
// never emits a record it would refuse to read back.
package conv

import (
	"errors"
	"fmt"
)

// ErrInvalid marks a record that parsed as JSON but breaks a format rule.
// Check with errors.Is.
var ErrInvalid = errors.New("invalid record")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Validate checks a conversation: it has an id, at least one message, known
// roles, non-empty content, a valid split and labels that fit its messages.
func (c *Conversation) Validate() error {
	if c.ID == "" {
		return invalid("id: missing")
	}
	if len(c.Messages) == 0 {
		return invalid("messages: empty")
	}
	if err := validateMessages("messages", c.Messages); err != nil {
		return err
	}
	if !c.Split.Valid() {
		return invalid("split: %q is not train, val or test", c.Split)
	}
	if err := c.Labels.validate(c.Messages); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// Validate checks a preference pair: a prompt that ends with a user turn, and
// chosen and rejected replies made of assistant turns that differ.
func (p *PreferencePair) Validate() error {
	if len(p.Prompt) == 0 {
		return invalid("prompt: empty")
	}
	if err := validateMessages("prompt", p.Prompt); err != nil {
		return err
	}
	if last := p.Prompt[len(p.Prompt)-1]; last.Role != RoleUser {
		return invalid("prompt: last message is %s, want user", last.Role)
	}
	for _, side := range []struct {
		name string
		msgs []Message
	}{{"chosen", p.Chosen}, {"rejected", p.Rejected}} {
		if len(side.msgs) == 0 {
			return invalid("%s: empty", side.name)
		}
		if err := validateMessages(side.name, side.msgs); err != nil {
			return err
		}
		for i, m := range side.msgs {
			if m.Role != RoleAssistant {
				return invalid("%s[%d].role: %s, want assistant", side.name, i, m.Role)
			}
		}
	}
	if len(p.Chosen) == len(p.Rejected) {
		same := true
		for i := range p.Chosen {
			if p.Chosen[i] != p.Rejected[i] {
				same = false
			}
		}
		if same {
			return invalid("chosen and rejected are identical")
		}
	}
	if !p.Split.Valid() {
		return invalid("split: %q is not train, val or test", p.Split)
	}
	for i, c := range p.Concerns {
		if !c.Valid() {
			return invalid("concerns[%d]: unknown concern %q", i, c)
		}
	}
	return nil
}

func validateMessages(field string, msgs []Message) error {
	for i, m := range msgs {
		if !m.Role.Valid() {
			return invalid("%s[%d].role: unknown role %q (want system, user or assistant)", field, i, m.Role)
		}
		if m.Content == "" {
			return invalid("%s[%d].content: empty", field, i)
		}
	}
	return nil
}
