package code

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

// TestSignInUses reads each library's presets by what the code configures,
// and the lookalikes beside them configure nothing.
func TestSignInUses(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string // service ids, in order
	}{
		{"better-auth map", "auth.ts", `import { betterAuth } from "better-auth";
export const auth = betterAuth({
  plugins: [genericOAuth({ config: [{ providerId: "google" }] })],
  socialProviders: {
    google: env.GOOGLE_ID ? { clientId: env.GOOGLE_ID, scope: ["a", "b"] } : undefined,
    "microsoft": { tenantId: env.TENANT },
    ...extra,
  },
});`, []string{"google-oauth", "microsoft-entra"}},
		{"better-auth map without the library", "auth.ts", `export const cfg = { socialProviders: { google: {} } };`, nil},
		{"arctic classes", "oauth.ts", `import { Google, generateState } from "arctic";
export const google = new Google(id, secret, redirect);`, []string{"google-oauth"}},
		{"arctic type only", "oauth.ts", `import { type GitHub, generateState } from "arctic";
let g: GitHub | null = null; generateState();`, nil},
		{"passport require", "passport.js", `const GoogleStrategy = require("passport-google-oauth20").Strategy;
passport.use(new GoogleStrategy({}, verify));`, []string{"google-oauth"}},
		{"nest strategy", "gh.ts", `import { Strategy } from "passport-github2";
export class GithubStrategy extends PassportStrategy(Strategy) {}`, []string{"github"}},
		{"passport local and jwt", "local.ts", `import { Strategy } from "passport-local";
import { Strategy as Jwt } from "passport-jwt";
passport.use(new Strategy(verify)); passport.use(new Jwt({}, verify));`, nil},
		{"next-auth provider only typed", "cb.ts", `import type { DiscordProfile } from "next-auth/providers/discord";
export const f = (p: DiscordProfile) => p.id;`, nil},
		{"allauth and social-core", "settings.py", `INSTALLED_APPS = ["allauth.socialaccount.providers.gitlab"]
AUTHENTICATION_BACKENDS = ["social_core.backends.github.GithubOAuth2"]`, []string{"gitlab", "github"}},
		{"httpx-oauth", "oauth.py", `from httpx_oauth.clients.github import GitHubOAuth2
from httpx_oauth.clients.openid import OpenID
github = GitHubOAuth2(settings.GITHUB_CLIENT_ID, settings.GITHUB_CLIENT_SECRET)`, []string{"github"}},
		{"authlib without authlib", "views.py", `registry.register("google", handler)`, nil},
		{"go endpoints", "oauth.go", `package x

import "golang.org/x/oauth2/endpoints"

var c = endpoints.Discord`, []string{"discord"}},
		{"go-pkgz custom and dev", "auth.go", `package x

import "github.com/go-pkgz/auth/v2"

func f(s *auth.Service) { s.AddCustomProvider("corp", c, o); s.AddDevProvider("localhost", 8084); s.AddProvider("github", a, b) }`, []string{"github"}},
		{"asp.net core builder chain", "Startup.cs", `services.AddAuthentication()
    .AddCookie(o => { o.Events.OnSignedIn = c => Task.CompletedTask; })
    .AddGoogle(o => o.ClientId = cfg["Google:Id"])
    .AddMicrosoftAccount<MicrosoftAccountHandler>(o => { });`, []string{"google-oauth", "microsoft-entra"}},
		{"asp.net core builder parameter", "AuthExtensions.cs", `public static AuthenticationBuilder AddSocial(this AuthenticationBuilder auth) =>
    auth.AddFacebook(o => o.AppId = "x").AddTwitter(o => { });`, []string{"meta-graph", "twitter"}},
		{"asp.net core lookalike receivers", "Contacts.cs", `var auth = new AuthenticationOptions();
book.AddGoogle(c); new Book().AddFacebook(c); (auth).AddTwitter(c);
services.AddAuthorization(o => o.AddPolicy("p", b => b.AddGitHub()));`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := lang.Of(tt.path)
			stripped := lang.StripComments(l, []byte(tt.src))
			var got []string
			for _, u := range signInUses(l, stripped, Imports(l, stripped)) {
				if !slices.Contains(got, u.Service.ID) {
					got = append(got, u.Service.ID)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
