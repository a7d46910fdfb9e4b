package main

import (
	"net/http"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

// AuthRequired aborts with 401 when no user is in the session.
func AuthRequired() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Session") == "" {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "sign in"})
			return
		}
		c.Next()
	}
}

// SessionLoader sets the user when a session is there, and never aborts.
func SessionLoader() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s := c.GetHeader("X-Session"); s != "" {
			c.Set("user", s)
		}
		c.Next()
	}
}

func main() {
	r := gin.Default()
	r.Use(cors.Default())
	r.Use(SessionLoader())
	r.GET("/ping", ping) // want: GET /ping auth=none
	api := r.Group("/api", AuthRequired())
	api.POST("/orders", createOrder) // want: POST /api/orders auth=required
	r.Run()
}

func ping(c *gin.Context)        { c.String(200, "pong") }
func createOrder(c *gin.Context) { c.Status(201) }
