Stripe.api_key = ENV.fetch("PAYMENTS_SECRET")
Aws.config.update(region: "eu-west-1")
S3 = Aws::S3::Client.new
SES = Aws::SES::Client.new
SES2 = Aws::SESV2::Client.new
SQS = Aws::SQS::Client.new
LLM = OpenAI::Client.new
CLAUDE = Anthropic::Client.new
SMS = Twilio::REST::Client.new
MAIL = SendGrid::API.new(api_key: ENV["MAIL_KEY"])
MG = Mailgun::Client.new(ENV["MG_KEY"])
PM = Postmark::ApiClient.new(ENV["PM_KEY"])
Sentry.init { |c| c.traces_sample_rate = 0.1 }
SEARCH = Algolia::Search::Client.create("app", "key")
CHAT = Slack::Web::Client.new
Pusher.trigger("events", "created", {})
GCS = Google::Cloud::Storage.new
BLOBS = Azure::Storage::Blob::BlobService.create
GATEWAY = Braintree::Gateway.new(environment: :sandbox)
ScoutApm::Rails.install
Honeybadger.notify("sync failed")
APNS = Apnotic::Connection.new(cert_path: "apns.pem")
LEGACY_APNS = Houston::Client.development
Tarpon::Client.configure { |c| c.secret_key = ENV["RC_KEY"] }
Rakismet.key = ENV["SPAM_KEY"]
RELEASES = Octokit::Client.new(access_token: ENV["GH_RELEASES"])
Skylight.start!
IntercomRails.config { |c| c.app_id = ENV["INTERCOM_APP_ID"] }
SUPPORT = Intercom::Client.new(token: ENV["INTERCOM_ACCESS_TOKEN"])
ARTICLE_API_V3 = "https://api.diffbot.com/v3/article".freeze
