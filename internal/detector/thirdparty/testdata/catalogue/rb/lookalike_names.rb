# The app's own constants named like a vendor's, and a vendor's call quoted.
# Stripe.api_key = ENV["X"]
class StripeFee
  def self.describe
    Rails.logger.info("Stripe.api_key must be set")
    StripeFee.new
  end
end
# A badge the app awards and a push notice of its own, named like vendors.
class HoneybadgerBadge; end
HoneybadgerBadge.new
class ApnoticMessage; end
