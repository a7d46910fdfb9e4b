// The package's README example, saved as it was written: no package
// clause, so the compiler refuses it, but what it registers is plain.
import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func exampleRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/example", func(w http.ResponseWriter, r *http.Request) { // want: GET /example
		w.Write([]byte("example"))
	})
	return r
}
