Rails.application.configure do
  config.cache_store = :redis_cache_store
  config.active_job.queue_adapter = :sidekiq
end

# The development app's cache is no production store either.
Rails.application.configure { config.cache_store = :solid_cache_store } if Rails.env.development?
