Rails.application.configure do
  # The environment decides among the services the branches name.
  config.active_storage.service =
    if ENV["INVOICE_BUCKET"].present?
      :amazon
    elsif ENV["INVOICE_CONTAINER"].present?
      :blob
    else
      :local
    end

  config.active_storage.service_urls_expire_in = 10.minutes
  config.log_level = :info
end
