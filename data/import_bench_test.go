// Import throughput and memory. BenchmarkImportOpenAI generates 100k
// conversations in OpenAI chat JSONL in memory and runs the same path as
// `tend data import` (parse, map, validate, write tend JSONL to io.Discard).
// Reproduce with:
//
//	go test ./data -run '^$' -bench 'BenchmarkImport' -benchtime 3x -benchmem
//
// TestImportMemoryFlat proves streaming: live heap after 5k and after 60k
// records of a generated stream (never held in memory) is about the same.
package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/tend-project/tend/conv"
)

var (
	benchOpeners = []string{"Lately I", "Since the move I", "This week I", "Most nights I", "At work I", "Since my exams started I"}
	benchFeels   = []string{"can't sleep more than a few hours", "feel on edge all the time", "keep replaying conversations", "dread opening my inbox", "feel far away from my friends", "snap at people I care about"}
	benchReplies = []string{"That sounds exhausting to carry.", "It makes sense that this is weighing on you.", "Thank you for telling me about it.", "That is a lot to hold at once."}
	benchAsks    = []string{"What tends to make it worse?", "When did you first notice it?", "Who have you been able to talk to?", "What has helped even a little?"}
)

// benchConversation builds the i-th synthetic conversation (4–6 turns).
func benchConversation(i int) []conv.Message {
	n := 2 + i%3
	msgs := make([]conv.Message, 0, 2*n)
	for t := 0; t < n; t++ {
		k := i*7 + t*3
		msgs = append(msgs,
			conv.Message{Role: conv.RoleUser, Content: fmt.Sprintf("%s %s (%d).", benchOpeners[k%len(benchOpeners)], benchFeels[(k/6)%len(benchFeels)], i)},
			conv.Message{Role: conv.RoleAssistant, Content: benchReplies[k%len(benchReplies)] + " " + benchAsks[(k/4)%len(benchAsks)]})
	}
	return msgs
}

func openaiLine(i int) []byte {
	b, _ := json.Marshal(struct {
		Messages []conv.Message `json:"messages"`
	}{benchConversation(i)})
	return append(b, '\n')
}

// importCount runs an import to io.Discard and returns the record count.
func importCount(tb testing.TB, r io.Reader, f Format) int {
	rd, err := OpenConversations(r, "bench", f, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	w := conv.NewWriter[conv.Conversation](io.Discard)
	n := 0
	for {
		c, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if err := w.Write(&c); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	w.Flush()
	return n
}

func BenchmarkImportOpenAI(b *testing.B) {
	const records = 100_000
	var in bytes.Buffer
	for i := range records {
		in.Write(openaiLine(i))
	}
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	runtime.GC() // start the heap sampler without the generator's garbage
	stop := sampleHeap()
	total := 0
	for b.Loop() {
		total += importCount(b, bytes.NewReader(data), FormatOpenAI)
	}
	peakHeap := stop()
	if total != records*b.N {
		b.Fatalf("imported %d records, want %d", total, records*b.N)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(len(data))/(1<<20), "input-MiB")
	// The heap holds the whole generated input (input-MiB) plus garbage the
	// GC has not yet collected; TestImportMemoryFlat measures the importer's
	// own live heap, which stays under 1 MiB.
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(maxRSS())/(1<<20), "peak-RSS-MiB")
}

// BenchmarkImportESConvArray measures the JSON-array path (json.Decoder
// token streaming plus line tracking) on 20k generated ESConv sessions.
func BenchmarkImportESConvArray(b *testing.B) {
	const records = 20_000
	var in bytes.Buffer
	e, _ := NewExporter(&in, FormatESConv, ExportOptions{Array: true})
	for i := range records {
		c := conv.Conversation{ID: fmt.Sprint(i), Messages: benchConversation(i), Labels: conv.Labels{
			Concerns: []conv.Concern{conv.ConcernStress}, Emotions: []string{"anxiety"},
			Turns: []conv.TurnLabel{{Turn: 1, Strategy: conv.StrategyQuestion}}}}
		if err := e.Write(&c); err != nil {
			b.Fatal(err)
		}
	}
	e.Close()
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	total := 0
	for b.Loop() {
		total += importCount(b, bytes.NewReader(data), FormatESConv)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "records/s")
}

// sampleHeap records the largest HeapAlloc seen until the returned stop
// function is called. HeapAlloc includes garbage not yet collected, so
// this is an upper bound on the live heap.
func sampleHeap() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-done:
				result <- peak
				return
			default:
				runtime.Gosched()
				sleepBriefly()
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // Linux reports KiB
}

// genReader produces n records on the fly, so the input never sits in
// memory: only the importer's own buffers can grow the heap.
type genReader struct {
	n, i  int
	line  func(int) []byte
	buf   []byte
	open  string
	close string
	sep   string
	state int
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.state == 0:
			g.buf, g.state = []byte(g.open), 1
		case g.i < g.n:
			if g.i > 0 {
				g.buf = append(g.buf, g.sep...)
			}
			g.buf = append(g.buf, g.line(g.i)...)
			g.i++
		case g.state == 1:
			g.buf, g.state = []byte(g.close), 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func TestImportMemoryFlat(t *testing.T) {
	esconvLine := func(i int) []byte {
		var b bytes.Buffer
		e, _ := NewExporter(&b, FormatESConv, ExportOptions{})
		c := conv.Conversation{ID: fmt.Sprint(i), Messages: benchConversation(i)}
		e.Write(&c)
		e.Close()
		return bytes.TrimSpace(b.Bytes())
	}
	for _, tt := range []struct {
		name             string
		f                Format
		line             func(int) []byte
		open, sep, close string
	}{
		{"openai jsonl", FormatOpenAI, openaiLine, "", "", ""},
		{"esconv json array", FormatESConv, esconvLine, "[\n", ",\n", "\n]\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			const n = 40_000
			g := &genReader{n: n, line: tt.line, open: tt.open, sep: tt.sep, close: tt.close}
			rd, err := OpenConversations(g, "gen", tt.f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			w := conv.NewWriter[conv.Conversation](io.Discard)
			var small, large uint64
			for i := 1; ; i++ {
				c, err := rd.Next()
				if err == io.EOF {
					if i-1 != n {
						t.Fatalf("imported %d records, want %d", i-1, n)
					}
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				w.Write(&c)
				// Measure while the reader is mid-stream and alive.
				switch i {
				case 4_000:
					small = liveHeap()
				case n - 1:
					large = liveHeap()
				}
			}
			runtime.KeepAlive(rd)
			t.Logf("live heap mid-import: after 4k records %d KiB, after %dk records %d KiB", small>>10, n/1000, large>>10)
			// 10x the records may not grow the live heap by more than
			// 1 MiB: nothing per record may be kept.
			if large > small+(1<<20) {
				t.Errorf("live heap grew from %d KiB to %d KiB between 4k and 40k records", small>>10, large>>10)
			}
		})
	}
}

func sleepBriefly() { <-time.After(5 * time.Millisecond) }
