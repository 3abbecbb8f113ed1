package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tend-project/tend/generate/generatetest"
	"github.com/tend-project/tend/store"
)

func TestServeConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("listen: x\nlocal: GB\n"), 0o644)
	var cfg serveConfig
	if err := loadServeConfig(bad, &cfg); err == nil || !strings.Contains(err.Error(), "local") {
		t.Errorf("unknown field: err = %v, want it named", err)
	}
	for _, c := range []struct {
		cfg  serveConfig
		want string
	}{
		{serveConfig{}, "no backend"},
		{serveConfig{Model: "m", Backend: backendConfig{URL: "http://x"}}, "not both"},
	} {
		if _, err := openBackend(c.cfg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("openBackend(%+v) = %v, want %q", c.cfg, err, c.want)
		}
	}
}

// TestServeStoresScrubbedTranscripts runs tend serve with transcript
// storage on and checks that what lands in the store is PII-scrubbed.
func TestServeStoresScrubbedTranscripts(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "t.db")
	cfg := defaultServeConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.Model = generatetest.TinyModelDir(t)
	cfg.Transcripts.Store, cfg.Transcripts.DSN = true, dsn
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, cfg, &bytes.Buffer{}, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	body := `{"max_tokens":6,"messages":[{"role":"user","content":"My email is anna.smith@example.com and I feel stressed."}]}`
	resp, err := http.Post("http://"+addr+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %v", resp.StatusCode, out)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	convs, err := st.ListConversations(context.Background(), store.ConversationQuery{})
	if err != nil || len(convs) != 1 {
		t.Fatalf("stored %d conversations (%v), want 1", len(convs), err)
	}
	user := convs[0].Conversation.Messages[0].Content
	if strings.Contains(user, "anna.smith@example.com") || !strings.Contains(user, "[EMAIL]") {
		t.Errorf("stored text is not scrubbed: %q", user)
	}
}
