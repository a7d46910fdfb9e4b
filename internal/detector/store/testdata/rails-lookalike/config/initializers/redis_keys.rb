# Key names, no client: nothing here opens Redis.
CACHE_KEY_PREFIX = "redis:ledger"
