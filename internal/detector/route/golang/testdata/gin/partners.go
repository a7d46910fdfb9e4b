package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

const feedsPrefix = "/feeds"

// registerPartners groups routes under a prefix from the environment: they
// are kept under an unknown prefix and the group is said once. The group
// under a constant prefix says nothing.
func registerPartners(r *gin.Engine) {
	partners := r.Group(os.Getenv("PARTNER_PREFIX")) // want: missed 1
	partners.GET("/partners", listPartners)          // want: GET /{unknown-prefix}/partners
	feeds := r.Group(feedsPrefix)
	feeds.GET("/latest", latestFeed) // want: GET /feeds/latest
}

func listPartners(c *gin.Context) { c.JSON(http.StatusOK, []string{}) }
func latestFeed(c *gin.Context)   { c.JSON(http.StatusOK, nil) }
