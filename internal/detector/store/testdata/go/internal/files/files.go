package files

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const uploadDir = "./data/uploads" // want: store filesystem Local folder data/uploads/

// Upload saves the form file locally and copies it to the bucket.
func Upload(w http.ResponseWriter, r *http.Request, client *s3.Client) {
	f, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	defer f.Close()
	out, err := os.Create(filepath.Join(uploadDir, filepath.Base(hdr.Filename)))
	if err != nil {
		http.Error(w, "cannot save", http.StatusInternalServerError)
		return
	}
	defer out.Close()
	_, _ = io.Copy(out, f)
	_, _ = client.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String("docqa-uploads"), // want: store s3 S3 bucket docqa-uploads
		Key:    aws.String(hdr.Filename),
	})
}
