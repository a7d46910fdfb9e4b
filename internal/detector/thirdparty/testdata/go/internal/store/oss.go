// Object storage at a Chinese cloud: each SDK talks only to its own
// vendor's endpoints, so importing it is using that vendor.
package store

import (
	"context"
	"strings"

	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss" // want: third-party alibaba-oss
	cos "github.com/tencentyun/cos-go-sdk-v5"          // want: third-party tencent-cos
)

func PutOSS(ctx context.Context, c *oss.Client, bucket, key, body string) error {
	_, err := c.PutObject(ctx, &oss.PutObjectRequest{Bucket: &bucket, Key: &key, Body: strings.NewReader(body)})
	return err
}

func PutCOS(ctx context.Context, c *cos.Client, key, body string) error {
	_, err := c.Object.Put(ctx, key, strings.NewReader(body), nil)
	return err
}
