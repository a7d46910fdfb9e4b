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

// Wrap refuses a POST once its address has used up its attempts.
func (l *Limiter) Wrap(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		addr, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			addr = r.RemoteAddr
		}
		if r.Method == http.MethodPost && !l.allow(addr) {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next(w, r)
	}
}
