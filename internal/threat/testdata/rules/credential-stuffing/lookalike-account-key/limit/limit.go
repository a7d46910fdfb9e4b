package limit

import (
	"net/http"
	"sync"
)

// Limiter counts sign-in attempts per account.
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

// Wrap refuses a POST once its account has used up its attempts.
func (l *Limiter) Wrap(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		account := r.FormValue("username")
		if r.Method == http.MethodPost && !l.allow(account) {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next(w, r)
	}
}
