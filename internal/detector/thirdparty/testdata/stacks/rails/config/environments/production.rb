Rails.application.configure do
  # Lookalikes: a relay switched off in a comment, and the operator's
  # own relay, which names no vendor.
  # config.action_mailer.smtp_settings = { address: "smtp.postmarkapp.com" }
  config.action_mailer.smtp_settings = { address: ENV.fetch("SMTP_ADDRESS", "mail.example.org") }
end
