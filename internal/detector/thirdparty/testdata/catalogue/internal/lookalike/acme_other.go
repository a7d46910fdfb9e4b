// Lookalike: autocert pointed at another CA's directory asks that CA, not
// Let's Encrypt.
package lookalike

import (
	"golang.org/x/crypto/acme"
	"golang.org/x/crypto/acme/autocert"
)

var m = &autocert.Manager{Prompt: autocert.AcceptTOS, Client: &acme.Client{DirectoryURL: "https://acme.zerossl.com/v2/DV90"}}
