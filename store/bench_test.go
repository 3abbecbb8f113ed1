// Benchmarks of rating saves on both backends: one reviewer autosaving, and
// 50 reviewers submitting at once (the review app's load pattern), reporting
// throughput and per-save latency percentiles.
package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/tend-project/tend/conv"
	"github.com/tend-project/tend/store"
)

type backend struct {
	name string
	open func(b *testing.B) store.Store
}

func benchBackends() []backend {
	return []backend{
		{"sqlite", func(b *testing.B) store.Store {
			s, err := store.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
		{"postgres", func(b *testing.B) store.Store { return newPostgres(b) }},
	}
}

// benchTask makes a pairwise task of nItems items with k reviewers each,
// drawn from nReviewers reviewers, and returns each reviewer's items.
func benchTask(b *testing.B, s store.Store, nItems, k, nReviewers int) map[int64][]int64 {
	ctx := context.Background()
	h, _ := bcrypt.GenerateFromPassword([]byte("bench"), bcrypt.MinCost)
	admin, err := s.CreateUser(ctx, store.User{Name: "admin", Role: store.RoleAdmin, PasswordHash: h})
	if err != nil {
		b.Fatal(err)
	}
	task, err := s.CreateTask(ctx, store.Task{Name: "bench", Kind: store.KindPairwise, K: k, CreatedBy: admin.ID})
	if err != nil {
		b.Fatal(err)
	}
	items := make([]store.Item, nItems)
	for i := range items {
		items[i] = store.Item{
			Context:   []conv.Message{{Role: conv.RoleUser, Content: fmt.Sprintf("message %d", i)}},
			ResponseA: "reply A", ResponseB: "reply B",
		}
	}
	if _, err := s.AddItems(ctx, task.ID, items); err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for i := range nReviewers {
		u, err := s.CreateUser(ctx, store.User{Name: fmt.Sprintf("r%03d", i), Role: store.RoleReviewer, PasswordHash: h})
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	if _, err := s.AssignTask(ctx, task.ID, ids); err != nil {
		b.Fatal(err)
	}
	queues := map[int64][]int64{}
	for _, r := range ids {
		as, err := s.ListAssignments(ctx, task.ID, r)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range as {
			queues[r] = append(queues[r], a.ItemID)
		}
	}
	return queues
}

func benchRating(item, reviewer int64, n int, submit bool) store.Rating {
	return store.Rating{
		ItemID: item, ReviewerID: reviewer,
		Scores: store.Scores{Empathy: n%5 + 1, Helpfulness: 3, Safety: 4, ClinicalAccuracy: 2, Boundaries: 5},
		Flags:  store.Flags{Harmful: n%2 == 0},
		Choice: store.ChoiceA, Strength: n%3 + 1,
		Comment: fmt.Sprintf("save %d", n), Submitted: submit,
	}
}

// BenchmarkSaveRating measures one reviewer's autosave: an upsert of a draft.
func BenchmarkSaveRating(b *testing.B) {
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			defer s.Close()
			queues := benchTask(b, s, 1, 1, 1)
			var rev, item int64
			for r, q := range queues {
				rev, item = r, q[0]
			}
			ctx := context.Background()
			n := 0
			for b.Loop() {
				if _, err := s.SaveRating(ctx, benchRating(item, rev, n, false)); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "saves/s")
		})
	}
}

// BenchmarkConcurrentReviewers: each iteration, 50 reviewers each submit one
// rating at the same moment. Reports saves/s and the p50 and p99 latency of
// a single save.
func BenchmarkConcurrentReviewers(b *testing.B) {
	const reviewers = 50
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			defer s.Close()
			queues := benchTask(b, s, 50, store.MaxReviewersPerItem, reviewers)
			ctx := context.Background()
			var lat []time.Duration
			var mu sync.Mutex
			round := 0
			for b.Loop() {
				var wg sync.WaitGroup
				for rev, items := range queues {
					wg.Add(1)
					go func() {
						defer wg.Done()
						start := time.Now()
						_, err := s.SaveRating(ctx, benchRating(items[round%len(items)], rev, round, true))
						d := time.Since(start)
						if err != nil {
							b.Error(err)
						}
						mu.Lock()
						lat = append(lat, d)
						mu.Unlock()
					}()
				}
				wg.Wait()
				round++
			}
			slices.Sort(lat)
			pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
			b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "saves/s")
			b.ReportMetric(pct(0.50), "p50_ms")
			b.ReportMetric(pct(0.99), "p99_ms")
		})
	}
}
