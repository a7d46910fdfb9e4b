package billing

import (
	"os"

	"github.com/stripe/stripe-go/v76"         // want: third-party stripe
	"github.com/stripe/stripe-go/v76/webhook" // want: third-party stripe
)

func init() {
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY") // want: uses-secret stripe STRIPE_SECRET_KEY; third-party stripe
}

var _ = webhook.ConstructEvent
