package limit

import (
	"net"
	"net/http"
	"strings"
	"sync"
)

// Limiter counts sign-in attempts per client address.
type Limiter struct {
	mu    sync.Mutex
	seen  map[string]int
	limit int
}

func New(limit int) *Limiter { return &Limiter{seen: map[string]int{}, limit: limit} }

func (l *Limiter) allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen[addr]++
	return l.seen[addr] <= l.limit
}

// clientIP takes the address from X-Forwarded-For, whoever sends it.
func clientIP(r *http.Request) string {
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		return strings.TrimSpace(strings.Split(xff, ",")[0])
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}

// Wrap refuses a POST once its address has used up its attempts.
func (l *Limiter) Wrap(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && !l.allow(clientIP(r)) {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next(w, r)
	}
}
