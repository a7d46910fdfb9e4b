# Lookalikes: the app's own class named like a vendor's, and a vendor's
# call quoted in a message.
class StripeNames
  PROVIDERS = %w[stripe paypal].freeze

  def self.describe
    Rails.logger.info("Stripe.api_key must be set before boot")
    StripeNames.new
  end
end
