# Keys kept in Rails' encrypted credentials, read by path: the first key
# names the vendor, as an environment key's prefix does.
Tarpon::Client.configure do |c|
  c.secret_key = Rails.application.credentials.dig(:revenue_cat, :secret_key) # want: credential credentials.revenue_cat.secret_key secret revenuecat
  c.public_key = Rails.application.credentials.dig(:revenue_cat, :public_key) # want: credential credentials.revenue_cat.public_key config revenuecat
end

Stripe.api_key = Rails.application.credentials[:stripe][:secret_key] # want: credential credentials.stripe.secret_key secret stripe
# Lookalike: a setting beside the vendor's keys only looks like a key.
ROTATE_AFTER = Rails.application.credentials.dig(:stripe, :key_rotation_days) # want: credential credentials.stripe.key_rotation_days config stripe
# A top-level secret reads as an environment key of its name.
BASE = Rails.application.credentials.secret_key_base # want: credential credentials.secret_key_base secret -
MAIL = Rails.application.credentials.postmark_api_token # want: credential credentials.postmark_api_token secret postmark
# Asking whether a group is set reads no value.
PUSH = Rails.application.credentials.ios.present?
# "Rails.application.credentials.dig(:github, :token)" in a string reads nothing.
