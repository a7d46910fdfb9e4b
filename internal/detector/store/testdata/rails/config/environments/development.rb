Rails.application.configure do
  config.cache_store = :redis_cache_store
  config.active_storage.service = :google
end
