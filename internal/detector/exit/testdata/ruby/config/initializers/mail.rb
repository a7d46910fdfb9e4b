ActionMailer::Base.smtp_settings = { # want: exit email
  address: "smtp.sendgrid.net",
  port: 587,
  user_name: ENV["RELAY_USERNAME"],
  password: ENV["RELAY_PASSWORD"]
}
ActionMailer::Base.delivery_method = :smtp
