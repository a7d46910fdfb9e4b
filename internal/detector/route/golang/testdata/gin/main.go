package main

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.GET("/ping", ping) // want: GET /ping
	v1 := r.Group("/v1")
	{
		v1.POST("/login", login) // want: POST /v1/login
		authed := v1.Group("/", authRequired())
		authed.GET("/users/:id", getUser) // want: GET /v1/users/{id}
		registerUploads(authed)
	}
	admin := r.Group("/admin", gin.BasicAuth(gin.Accounts{"admin": "changeme"}))
	admin.Any("/*action", adminAny) // want: ANY /admin/{action}
	r.Static("/assets", "./assets") // want: GET /assets
	// r.GET("/old", old)
	r.Run(":8080")
}

func ping(c *gin.Context) { c.String(200, "pong") }

func login(c *gin.Context) {}

func getUser(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(400)
		return
	}
	c.JSON(200, gin.H{"id": id})
}

func adminAny(c *gin.Context) {}

func authRequired() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }
