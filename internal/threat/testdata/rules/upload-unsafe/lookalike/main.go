package main

import (
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

var bucket = os.Getenv("PHOTO_BUCKET")

var allowedTypes = map[string]bool{"image/png": true, "image/jpeg": true}

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
	head := make([]byte, 512)
	f.Read(head)
	f.Seek(0, 0)
	// Sniff the bytes; the client's Content-Type is whatever it says.
	if !allowedTypes[http.DetectContentType(head)] {
		c.Status(http.StatusUnsupportedMediaType)
		return
	}
	key := "photos/" + uuid.NewString()
	client := s3.New(s3.Options{})
	client.PutObject(c, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: f})
	presigner := s3.NewPresignClient(client)
	link, _ := presigner.PresignGetObject(c, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)}, s3.WithPresignExpires(5*time.Minute))
	c.JSON(http.StatusCreated, gin.H{"url": link.URL})
}
