package main

import (
	"net/http"

	"example.com/platform/session"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	api := r.Group("/api", session.Member())
	api.POST("/boards", createBoard) // want: POST /api/boards auth=required

	// Another function of the same package is not the named guard.
	pub := r.Group("/pub", session.Load())
	pub.POST("/boards", createBoard) // want: POST /pub/boards auth=unknown
	r.Run()
}

func createBoard(c *gin.Context) {
	// session.Member() is applied by the router, not here
	c.JSON(http.StatusCreated, gin.H{"ok": true})
}
