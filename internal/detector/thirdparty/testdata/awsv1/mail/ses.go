// The v1 SDK's SES v2 client: Amazon SES, not the parent "AWS".
package mail

import (
	"github.com/aws/aws-sdk-go/aws/session"   // want: third-party aws-ses
	"github.com/aws/aws-sdk-go/service/sesv2" // want: third-party aws-ses
)

// Send mails through SES. Lookalike in a comment: github.com/aws/aws-sdk-go/service/sqs.
func Send(sess *session.Session) *sesv2.SESV2 {
	return sesv2.New(sess)
}
