import redis  # want: store redis Redis (REDIS_URL)

from .config import settings

cache = redis.Redis.from_url(settings.redis_url)
