// Lookalike: the S3 client is made only when an endpoint is configured,
// so the objects go to the operator's S3-compatible storage, never to
// Amazon by default. The AWS SDK's shared packages (aws, session) are
// evidence of the service the app does use through them (SES, in mail/).
package blob

import (
	"github.com/aws/aws-sdk-go/aws"         // want: third-party aws-ses
	"github.com/aws/aws-sdk-go/aws/session" // want: third-party aws-ses
	"github.com/aws/aws-sdk-go/service/s3"
)

var Client *s3.S3

func Init(c Config) {
	if c.S3.EndpointURL != "" {
		cfg := &aws.Config{Endpoint: aws.String(c.S3.EndpointURL), Region: aws.String(c.S3.Region)}
		sess, _ := session.NewSession(cfg)
		Client = s3.New(sess)
	}
}

type Config struct {
	S3 struct{ EndpointURL, Region string }
}
