Stripe.api_key = "sk_test_fake"
Aws::S3::Client.new(stub_responses: true)
