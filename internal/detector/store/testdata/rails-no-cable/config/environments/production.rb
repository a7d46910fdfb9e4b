Rails.application.configure do
  # want: store solid-cache Solid Cache (database)
  config.cache_store = :solid_cache_store
end
