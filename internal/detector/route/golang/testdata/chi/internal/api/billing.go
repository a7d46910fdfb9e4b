package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/stripe/stripe-go/v76/webhook"
)

// registerBilling is handed the /api router by NewRouter.
func registerBilling(r chi.Router) {
	r.Post("/billing/checkout", checkout)     // want: POST /api/billing/checkout
	r.Post("/webhooks/stripe", stripeWebhook) // want: POST /api/webhooks/stripe
}

func checkout(w http.ResponseWriter, r *http.Request) {}

func stripeWebhook(w http.ResponseWriter, r *http.Request) {
	_, err := webhook.ConstructEvent(nil, r.Header.Get("Stripe-Signature"), "")
	_ = err
}
