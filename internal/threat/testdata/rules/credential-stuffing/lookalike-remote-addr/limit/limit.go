package limit

import (
	"net"
	"net/http"
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

// peerIP is the address of the connection itself.
func peerIP(r *http.Request) string {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return host
}

// Wrap refuses a POST once its address has used up its attempts; the
// forwarded address only varies the response.
func (l *Limiter) Wrap(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && !l.allow(peerIP(r)) {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if r.Header.Get("X-Forwarded-For") != "" {
			w.Header().Set("Vary", "X-Forwarded-For")
		}
		next(w, r)
	}
}
