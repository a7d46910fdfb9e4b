// Package feeds reaches providers through URLs built from parts: a host
// constant and a path, a base and an endpoint.
package feeds

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"
)

const googleAPIs = "www.googleapis.com"

const gitlabHost = "gitlab.com"

const readwiseBase = "https://readwise.io"

// VideosURL asks the YouTube Data API for videos' durations.
func VideosURL(q url.Values) string {
	u := url.URL{ // want: third-party youtube
		Scheme:   "https",
		Host:     googleAPIs,
		Path:     "/youtube/v3/videos",
		RawQuery: q.Encode(),
	}
	return u.String()
}

// DiscordWebhook is where a message is posted.
func DiscordWebhook(id string) (string, error) {
	return url.JoinPath("https://discord.com", "api", "webhooks", id) // want: third-party discord
}

// Projects lists a user's projects.
func Projects(token string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("https://%s/api/v4/projects", gitlabHost), nil) // want: third-party gitlab
	if err != nil {
		return nil, err
	}
	req.Header.Set("PRIVATE-TOKEN", token)
	return http.DefaultClient.Do(req)
}

// Save sends an article to Readwise.
func Save(token, article string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, readwiseBase+"/api/v2/save/", strings.NewReader(article)) // want: third-party readwise
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Token "+token)
	return http.DefaultClient.Do(req)
}

// Lookalikes: URLs only logged or made into an error message.
func explain(code int) error {
	log.Printf("rate limits are documented at https://api.stripe.com/v1 and %d", code)
	return fmt.Errorf("https://api.twilio.com answered %d", code)
}
