package lookalike

import (
	"log"
	"net/http"
)

// A header name in a comment (Stripe-Signature), in prose, in a log call
// or inside a longer name is no webhook taken.
const help = "send the Stripe-Signature header"

func ours(r *http.Request) string {
	log.Printf("missing %s", "X-Slack-Signature")
	return r.Header.Get("X-Stripe-Signature-Version")
}
