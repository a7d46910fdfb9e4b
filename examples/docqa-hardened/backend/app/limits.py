from slowapi import Limiter
from slowapi.util import get_remote_address

# Per-IP by default; token-consuming routes add a per-account key.
limiter = Limiter(key_func=get_remote_address)
