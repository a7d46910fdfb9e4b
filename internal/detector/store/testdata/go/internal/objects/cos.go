// Package objects keeps attachments at Tencent Cloud: a bucket of the
// vendor whose SDK is imported.
package objects

import (
	"context"
	"strings"

	cos "github.com/tencentyun/cos-go-sdk-v5" // want: store cos-bucket Tencent Cloud COS
)

func Put(ctx context.Context, c *cos.Client, key, body string) error {
	_, err := c.Object.Put(ctx, key, strings.NewReader(body), nil)
	return err
}
