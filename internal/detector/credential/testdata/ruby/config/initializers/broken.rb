x = Rails.application.credentials.dig(:aws,
