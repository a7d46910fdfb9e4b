package main

import (
	"testing"

	"github.com/gin-gonic/gin"
)

func TestPing(t *testing.T) {
	r := gin.New()
	r.GET("/test-only", ping)
}
