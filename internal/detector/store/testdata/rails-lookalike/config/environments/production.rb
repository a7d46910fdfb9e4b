Rails.application.configure do
  # config.cache_store = :mem_cache_store
  # config.active_job.queue_adapter = :resque
  config.cache_store = :memory_store
  # Active Storage is set up, but no model attaches files.
  config.active_storage.service = :amazon
end
