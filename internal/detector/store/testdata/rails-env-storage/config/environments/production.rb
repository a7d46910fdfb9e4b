Rails.application.configure do
  # The operator picks the service: every one the settings declare but
  # test's own is a store.
  config.active_storage.service = ENV.fetch("FILES_SERVICE", "disk").to_sym
end
