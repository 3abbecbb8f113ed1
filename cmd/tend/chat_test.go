package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tend-project/tend/generate/generatetest"
)

func TestChatCommand(t *testing.T) {
	dir := generatetest.TinyModelDir(t)
	cases := []struct {
		name  string
		args  []string
		input string
		want  []string
	}{
		{"guarded", nil, "hello there\n/reset\nI want to end my life tonight\n/quit\n",
			[]string{"not a therapist", "tend> ", "(new conversation)", "risk imminent"}},
		{"raw", []string{"--raw"}, "hello\n", []string{"tend> "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := newRootCmd()
			var out bytes.Buffer
			cmd.SetIn(strings.NewReader(c.input))
			cmd.SetOut(&out)
			cmd.SetErr(&out)
			cmd.SetArgs(append([]string{"chat", "--model", dir, "--max-tokens", "8", "--locale", "GB"}, c.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
