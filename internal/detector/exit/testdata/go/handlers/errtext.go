package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// The error's text taken into a variable, then sent: the same leak as
// sending err.Error() in the call.
func ExportReport(c *gin.Context) {
	rows, err := report(c.Param("id"))
	if err != nil {
		msg := err.Error()
		c.JSON(http.StatusInternalServerError, gin.H{"error": msg}) // want: exit error-response
		return
	}
	c.JSON(http.StatusOK, rows)
}

// Lookalike: the variable holds the handler's own sentence.
func ExportSummary(c *gin.Context) {
	rows, err := report(c.Param("id"))
	if err != nil {
		msg := "the report could not be built"
		c.JSON(http.StatusInternalServerError, gin.H{"error": msg})
		return
	}
	c.JSON(http.StatusOK, rows)
}

func report(id string) ([]string, error) { return []string{id}, nil }

// The error of rendering the app's own page into the response: its text
// names the template, which the app ships.
func AboutPage(w http.ResponseWriter, r *http.Request) {
	err := renderPage("about.html", map[string]any{
		"title": "About",
	}, r, w)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Lookalike: the error of a lookup in the store, whose text is the
// store's, sent before any page is rendered.
func LookupPage(w http.ResponseWriter, r *http.Request) {
	rows, err := lookup(r.FormValue("q"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want: exit error-response
		return
	}
	renderPage("rows.html", map[string]any{"rows": rows}, r, w)
}

func renderPage(name string, data map[string]any, r *http.Request, w http.ResponseWriter) error {
	return nil
}

func lookup(q string) ([]string, error) { return []string{q}, nil }
