package main

import (
	"net/http"

	"example.com/notes/mode"
	"github.com/gin-gonic/gin"
)

// Mode is set by the build.
var Mode = "development"

func main() {
	mode.Set(Mode)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"ok": true}) })
	r.Run(":8080")
}
