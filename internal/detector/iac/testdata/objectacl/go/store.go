package store

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

func Put(ctx context.Context, c *s3.Client, key string, body io.Reader) error {
	_, err := c.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("shares"),
		Key:    aws.String(key),
		Body:   body,
		ACL:    types.ObjectCannedACLPublicRead, // want: infra published-bucket objects written with a public ACL
	})
	return err
}
