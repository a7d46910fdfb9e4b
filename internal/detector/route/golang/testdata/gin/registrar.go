package main

import "github.com/gin-gonic/gin"

// Registrar is the part of gin's router the report routes need: the
// helper that takes it lives in a file that imports nothing.
type Registrar interface {
	GET(string, ...gin.HandlerFunc) gin.IRoutes
	POST(string, ...gin.HandlerFunc) gin.IRoutes
}

// Step is a handler interface: its method takes a context, not a path,
// so a value of it is not a router.
type Step interface {
	Handle(*gin.Context)
}

// Cache has a GET of its own: it names no gin type and is not a router.
type Cache interface {
	GET(key string, dest *string) bool
}

func listReports(c *gin.Context) {}

func createReport(c *gin.Context) {}
