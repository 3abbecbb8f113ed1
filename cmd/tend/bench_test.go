// Tests of tend bench's pieces that do not need minutes of CPU: reading
// the PyTorch twin's summary line.
package main

import (
	"strings"
	"testing"
)

func TestTorchSummaryLine(t *testing.T) {
	out := "torch 1.13.0a0 threads 2 params 7047424\nstep 0    120.1 ms loss 9.1\n" +
		"steady min 97.3 ms median 104.0 ms mean 105.2 ms; peak RSS 563 MiB\n"
	m := torchSteady.FindStringSubmatch(out)
	if m == nil {
		t.Fatal("summary line not matched")
	}
	if got := strings.Join(m[1:], " "); got != "97.3 104.0 563" {
		t.Errorf("parsed %q, want %q", got, "97.3 104.0 563")
	}
	if torchSteady.MatchString("step 0 120.1 ms loss 9.1\n") {
		t.Error("matched a step line")
	}
}
