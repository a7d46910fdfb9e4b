package main

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.GET("/ping", ping) // want: GET /ping
	registerPlugins(r)
	registerReports(r)
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

	// Use applies to what is registered after it, in order.
	api := r.Group("/api")
	registerAccounts(api.Group("/accounts"))
	api.Use(sessionAuth(false)) // reads a session if there is one
	registerCatalog(api.Group("/catalog"))
	help := api.Group("/help")
	api.Use(sessionAuth(true))
	registerCart(api.Group("/cart"))
	api.GET("/me", me)    // want: GET /api/me
	help.GET("/faq", faq) // want: GET /api/help/faq
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

func authRequired() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func registerAccounts(g *gin.RouterGroup) {
	g.POST("/login", accountLogin) // want: POST /api/accounts/login
}

func registerCatalog(g *gin.RouterGroup) {
	g.GET("/items", listItems) // want: GET /api/catalog/items
}

func registerCart(g *gin.RouterGroup) {
	g.GET("/", showCart) // want: GET /api/cart
}

// sessionAuth loads the caller from the session; reject says whether a
// caller without one is turned away.
func sessionAuth(reject bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if reject && c.GetHeader("X-Session") == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func accountLogin(c *gin.Context) {}
func listItems(c *gin.Context)    {}
func showCart(c *gin.Context)     {}
func me(c *gin.Context)           {}
func faq(c *gin.Context)          {}
