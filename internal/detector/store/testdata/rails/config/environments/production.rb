Rails.application.configure do
  config.eager_load = true
  config.active_storage.service = :amazon
  # config.cache_store = :redis_cache_store
  # want: store memcached Memcached (MEMCACHE_SERVERS)
  config.cache_store = if ENV["MEMCACHE_SERVERS"]
    [:mem_cache_store, ENV["MEMCACHE_SERVERS"].split(","), {failover: true}]
  else
    :mem_cache_store
  end
end
