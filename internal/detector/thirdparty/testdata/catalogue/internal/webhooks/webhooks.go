// Package webhooks takes the webhooks of the services it integrates with:
// the header each vendor signs or types its deliveries with says which.
package webhooks

import "net/http"

func stripeEvent(r *http.Request) string { return r.Header.Get("Stripe-Signature") }

func paddleEvent(r *http.Request) string { return r.Header.Get("Paddle-Signature") }

func twilioStatus(r *http.Request) string { return r.Header.Get("X-Twilio-Signature") }

func sendgridEvents(r *http.Request) string {
	return r.Header.Get("X-Twilio-Email-Event-Webhook-Signature")
}

func lettermintBounce(r *http.Request) string { return r.Header.Get("X-Lettermint-Signature") }

func eventGrid(r *http.Request) string { return r.Header.Get("aeg-event-type") }

func slackCommand(r *http.Request) string { return r.Header.Get("X-Slack-Signature") }

func discordInteraction(r *http.Request) string { return r.Header.Get("X-Signature-Ed25519") }

func githubPush(r *http.Request) string { return r.Header.Get("X-Hub-Signature-256") }

func snsNotification(r *http.Request) string { return r.Header.Get("X-Amz-Sns-Message-Type") }

func shopifyOrder(r *http.Request) string { return r.Header.Get("X-Shopify-Hmac-Sha256") }

func linearIssue(r *http.Request) string { return r.Header.Get("Linear-Signature") }
