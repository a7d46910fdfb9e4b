// Package sms calls APIs no catalogue entry names.
package sms

import (
	"context"
	"log"
	"net/http"
	"os"
	"strings"
)

// See https://api.lookalike-comment.io/docs for the API.
const smsBase = "https://api.smsrelay.net/v3"

// Send texts a number.
func Send(ctx context.Context, to string) error {
	log.Printf("sending via https://api.lookalike-log.io")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, smsBase+"/messages", strings.NewReader(to)) // want: third-party smsrelay.net
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("SMSRELAY_TOKEN"))
	_, err = http.DefaultClient.Do(req)
	return err
}

// Rates reads exchange rates.
func Rates() (*http.Response, error) {
	return http.Get("https://rates.fxfeed.co.uk/latest") // want: third-party fxfeed.co.uk
}

// Local is the product's own services and a catalogued vendor.
func Local() {
	_, _ = http.Get("http://localhost:9090/metrics")
	_, _ = http.Get("http://db.internal/health")
	_, _ = http.Get("https://api.github.com/repos") // want: third-party github
}

// Latest asks the product's own site for its newest release: the
// product's, not a vendor's (go.mod names the module docqa).
func Latest() (*http.Response, error) {
	return http.Get("https://update.docqa.app/latest.json")
}

// Workers asks the product's own service on a platform's shared domain,
// named for the product first.
func Workers() (*http.Response, error) {
	return http.Get("https://docqa-workers.fly.dev/jobs")
}
