package web

import (
	"net/http"
	"os"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/golang-jwt/jwt/v5"
)

type noListing struct{ fs http.FileSystem }

func (n noListing) Open(name string) (http.File, error) { return n.fs.Open(name) }

func routes(mux *http.ServeMux, key []byte) {
	mux.Handle("/downloads/", http.FileServer(http.Dir("./downloads"))) // want: weakness directory-listing
	mux.Handle("/static/", http.FileServer(noListing{http.Dir("./static")}))
	srv := handler.NewDefaultServer(schema) // want: weakness graphql-exposed
	mux.Handle("/query", srv)
	mux.Handle("/play", playground.Handler("GraphQL", "/query")) // want: weakness graphql-exposed
	if os.Getenv("APP_ENV") == "dev" {
		mux.Handle("/", playground.Handler("GraphQL", "/query"))
	}
}

func parse(s string, key []byte) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return key, nil }) // want: weakness jwt-algorithm-unpinned
}

func parsePinned(s string, key []byte) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, jwt.ErrSignatureInvalid
		}
		return key, nil
	})
}

func parseWith(s string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.Parse(s, kf)
}

var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY"))) // want: weakness csrf

func protect(h http.Handler) http.Handler {
	return csrf.Protect([]byte(os.Getenv("CSRF_KEY")))(h) // want: control csrf-protection
}

// The claims read without checking the signature.
func claimsOf(s string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(s, claims) // want: weakness jwt-unverified
	return claims, err
}
