Rails.application.configure do
  # Lookalikes: a relay switched off, settings read, not set, and
  # development's own mail catcher, which production never loads.
  # config.action_mailer.smtp_settings = { address: "smtp.example.org" }
  Rails.logger.info(config.action_mailer.smtp_settings.inspect)
  config.action_mailer.smtp_settings = { address: "localhost", port: 1025 }
end
