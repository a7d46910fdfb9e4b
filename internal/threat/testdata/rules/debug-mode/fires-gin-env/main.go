package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	// Set in code, debug overrides the image's GIN_MODE: no choice left.
	gin.SetMode(gin.DebugMode)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"ok": true}) })
	r.Run(":8080")
}
