# A function that only ever returns REMOTE_ADDR: no forged key.
RATELIMIT_IP_META_KEY = "django_ip.dashed_ip"
