# Stripe.api_key = "set in the payments initializer"
Stripe.api_key = ENV.fetch("PAYMENTS_SECRET") # want: third-party stripe
