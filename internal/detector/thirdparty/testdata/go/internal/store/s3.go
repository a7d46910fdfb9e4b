package store

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"     // want: third-party aws-s3
	"github.com/aws/aws-sdk-go-v2/service/s3" // want: third-party aws-s3
)

var secret = os.Getenv("AWS_SECRET_ACCESS_KEY") // want: uses-secret aws-s3 AWS_SECRET_ACCESS_KEY; third-party aws-s3

func New(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}
