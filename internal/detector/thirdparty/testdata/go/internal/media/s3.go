// Package media keeps uploads in a bucket through a small S3 client: at
// AWS's endpoint, as simples3 is unless told another.
package media

import "github.com/rhnvrm/simples3" // want: third-party aws-s3

func New(region, key, secret string) *simples3.S3 {
	return simples3.New(region, key, secret)
}
