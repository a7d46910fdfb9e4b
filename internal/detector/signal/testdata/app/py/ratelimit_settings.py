# django-ratelimit takes the client address from the function this names.
RATELIMIT_IP_META_KEY = "limiter_keys.real_ip"  # want: weakness limiter-keyed-on-header
