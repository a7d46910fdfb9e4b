package lookalike

import (
	"github.com/markbates/goth/providers/openidConnect"
	"golang.org/x/oauth2/clientcredentials"
)

// A generic OIDC provider at the operator's issuer, and client credentials
// against a token URL from settings: no named vendor.
func Generic(key, secret, cb, issuer, tokenURL string) {
	_, _ = openidConnect.New(key, secret, cb, issuer)
	_ = clientcredentials.Config{TokenURL: tokenURL}
}
