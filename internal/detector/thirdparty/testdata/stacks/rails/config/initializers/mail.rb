# Mail leaves through a vendor's SMTP relay: the relay's host names it.
ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org", # want: third-party mailgun
  port: 587,
  user_name: ENV["RELAY_USERNAME"],
  password: ENV["RELAY_PASSWORD"]
}
