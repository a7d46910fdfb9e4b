// Package signin signs users in with goth's presets, golang.org/x/oauth2's
// endpoints and go-pkgz/auth's named providers.
package signin

import (
	"github.com/go-pkgz/auth/v2"
	"github.com/markbates/goth"
	"github.com/markbates/goth/providers/azureadv2"
	"github.com/markbates/goth/providers/gitea"
	"github.com/markbates/goth/providers/microsoftonline"
	"github.com/markbates/goth/providers/shopify"
	"github.com/markbates/goth/providers/twitterv2"
	"github.com/zmb3/spotify"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/github"
)

func Providers(key, secret, cb string) {
	goth.UseProviders(
		azureadv2.New(key, secret, cb, azureadv2.ProviderOptions{}),
		microsoftonline.New(key, secret, cb),
		twitterv2.New(key, secret, cb),
		shopify.New(key, secret, cb),
		gitea.New(key, secret, cb),
	)
}

var gitHub = oauth2.Config{Endpoint: github.Endpoint}

var patreonConf = oauth2.Config{Endpoint: endpoints.Patreon}

func Named(svc *auth.Service, id, secret string) {
	svc.AddProvider("yandex", id, secret)
	svc.AddMicrosoftProvider(id, secret, "common")
	_ = spotify.New
}
