// Per-client rate limiting: a token bucket per client key (the API key when
// auth is on, otherwise the remote IP). Idle buckets are dropped so memory
// stays bounded however many clients come and go.
package serve

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

type clientLimiter struct {
	perSecond rate.Limit
	burst     int

	mu      sync.Mutex
	clients map[string]*bucket
	lastGC  time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newClientLimiter allows perMinute requests per client with the given
// burst. perMinute <= 0 disables limiting.
func newClientLimiter(perMinute float64, burst int) *clientLimiter {
	if perMinute <= 0 {
		return nil
	}
	if burst <= 0 {
		burst = 1
	}
	return &clientLimiter{perSecond: rate.Limit(perMinute / 60), burst: burst, clients: map[string]*bucket{}}
}

func (c *clientLimiter) allow(key string, now time.Time) bool {
	if c == nil {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.lastGC) > time.Minute {
		for k, b := range c.clients {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(c.clients, k)
			}
		}
		c.lastGC = now
	}
	b, ok := c.clients[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(c.perSecond, c.burst)}
		c.clients[key] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// clientKey identifies the caller for rate limiting.
func clientKey(r *http.Request) string {
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		return "key:" + auth[len("Bearer "):]
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return "ip:" + r.RemoteAddr
	}
	return "ip:" + host
}
