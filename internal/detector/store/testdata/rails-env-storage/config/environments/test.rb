Rails.application.configure do
  config.active_storage.service = :scratch
end
