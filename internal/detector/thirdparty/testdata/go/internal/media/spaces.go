// Lookalike: the same client pointed at DigitalOcean's endpoint sends the
// objects to DigitalOcean, not to Amazon.
package media

import "github.com/rhnvrm/simples3"

func NewSpaces(key, secret string) *simples3.S3 {
	s := simples3.New("ams3", key, secret)
	s.SetEndpoint("https://ams3.digitaloceanspaces.com") // want: third-party digitalocean-spaces
	return s
}
