package main

import (
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const webRoot = "web"

func main() {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) { c.String(200, "pong") }) // want: route GET /ping
	r.Static("/assets", "./web/assets")                            // want: route GET /assets; serves /assets/app.js; serves /assets/img/logo.svg
	r.StaticFS("/more", gin.Dir("more", false))                    // want: route GET /more; serves /more/terms.txt
	r.StaticFile("/favicon.ico", "./web/favicon.ico")              // want: route GET /favicon.ico
	r.Static("/fonts", filepath.Join(webRoot, "fonts"))            // want: route GET /fonts; serves /fonts/inter.woff2
	r.Run(":8080")
}
