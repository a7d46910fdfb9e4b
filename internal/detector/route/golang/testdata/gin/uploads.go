package main

import "github.com/gin-gonic/gin"

func registerUploads(g *gin.RouterGroup) {
	g.POST("/avatar", uploadAvatar) // want: POST /v1/avatar
}

func uploadAvatar(c *gin.Context) {
	file, _ := c.FormFile("avatar")
	c.SaveUploadedFile(file, "uploads/"+file.Filename)
}
