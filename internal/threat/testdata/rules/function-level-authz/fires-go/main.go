package main

import (
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

// User is an account: many people sign up, some of them administrators.
type User struct {
	gorm.Model
	Email        string `gorm:"uniqueIndex"`
	PasswordHash string
	Role         string
}

// RequireLogin rejects a request without a valid session token.
func RequireLogin() gin.HandlerFunc {
	return func(c *gin.Context) {
		u, ok := sessions[strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")]
		if !ok {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", u)
		c.Next()
	}
}

// RequireAdmin lets only administrators through.
func RequireAdmin() gin.HandlerFunc {
	return func(c *gin.Context) {
		u := c.MustGet("user").(*User)
		if u.Role != "admin" {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

var sessions = map[string]*User{}

func main() {
	r := gin.Default()
	api := r.Group("/api", RequireLogin())
	api.DELETE("/reports/:id", func(c *gin.Context) {
		c.Status(http.StatusNoContent)
	})
	r.Run(os.Getenv("ADDR"))
}
