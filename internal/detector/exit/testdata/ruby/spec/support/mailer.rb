ActionMailer::Base.smtp_settings = { address: "localhost" }
