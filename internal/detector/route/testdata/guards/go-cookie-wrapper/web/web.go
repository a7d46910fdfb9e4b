package web

import "net/http"

type View func(http.ResponseWriter, *http.Request)

var current string

// Session sends a caller whose request carries no session cookie, or a
// stale one, to sign in.
func Session(next View) View {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("sid")
		if err != nil {
			http.Redirect(w, r, "./signin", http.StatusFound)
			return
		}
		if current != "" && c.Value == current {
			next(w, r)
			return
		}
		http.Redirect(w, r, "./signin", http.StatusFound)
	}
}

// Prefs (lookalike) reads a preference cookie and falls back to a default
// when it is missing: everyone goes on.
func Prefs(next View) View {
	return func(w http.ResponseWriter, r *http.Request) {
		theme := "light"
		c, err := r.Cookie("theme")
		if err != nil {
			theme = "light"
		} else {
			theme = c.Value
		}
		w.Header().Set("X-Theme", theme)
		next(w, r)
	}
}

func Panel(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("panel"))
}
