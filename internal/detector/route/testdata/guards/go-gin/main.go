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

// RequireRole aborts with 403 unless the caller holds role.
func RequireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Role") != role {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// Limited aborts when the bucket is spent; bucket is no role.
func Limited(bucket string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if spent(bucket) {
			c.AbortWithStatus(http.StatusTooManyRequests)
			return
		}
		c.Next()
	}
}

func spent(string) bool { return false }

func main() {
	r := gin.Default()
	r.Use(cors.Default())
	r.Use(SessionLoader())
	r.GET("/ping", ping) // want: GET /ping auth=none
	api := r.Group("/api", AuthRequired())
	api.POST("/orders", createOrder)                               // want: POST /api/orders auth=required
	api.DELETE("/orders/:id", RequireRole("manager"), createOrder) // want: DELETE /api/orders/{id} auth=required role=manager
	r.POST("/quotes", Limited("quotes"), createOrder)              // want: POST /quotes auth=none
	r.Run()
}

func ping(c *gin.Context)        { c.String(200, "pong") }
func createOrder(c *gin.Context) { c.Status(201) }
