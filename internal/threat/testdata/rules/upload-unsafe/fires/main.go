package main

import (
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/gin-gonic/gin"
)

var bucket = os.Getenv("PHOTO_BUCKET")

func main() {
	r := gin.Default()
	api := r.Group("/api", requireSession)
	api.POST("/photos/upload", uploadPhoto)
	r.Run(":8080")
}

func requireSession(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func uploadPhoto(c *gin.Context) {
	file, err := c.FormFile("photo")
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	f, _ := file.Open()
	defer f.Close()
	key := "photos/" + c.GetString("userID") + "/" + file.Filename
	client := s3.New(s3.Options{})
	client.PutObject(c, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: f})
	c.JSON(http.StatusCreated, gin.H{"key": key})
}
