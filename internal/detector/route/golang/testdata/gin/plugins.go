package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

// registerPlugins registers routes whose paths come from the environment:
// the scan cannot compose them and says so, once, at the first. One whose
// start only comes from there is kept under an unknown prefix.
func registerPlugins(r *gin.Engine) {
	r.GET("/plugins", listPlugins)                     // want: GET /plugins
	r.GET(os.Getenv("PLUGIN_PATH"), pluginIndex)       // want: missed 1
	r.POST(os.Getenv("PLUGIN_PATH")+"/run", runPlugin) // want: POST /{unknown-prefix}/run
	registerPartners(r)
}

func listPlugins(c *gin.Context) { c.JSON(http.StatusOK, []string{}) }
func pluginIndex(c *gin.Context) { c.JSON(http.StatusOK, nil) }
func runPlugin(c *gin.Context)   { c.Status(http.StatusAccepted) }
