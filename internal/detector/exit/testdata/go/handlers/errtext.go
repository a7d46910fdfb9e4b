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
