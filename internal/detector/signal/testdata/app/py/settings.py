INSTALLED_APPS = ["corsheaders"]

CORS_ALLOW_ALL_ORIGINS = True  # want: weakness cors-wildcard-credentials

SESSION_COOKIE_AGE = 3600

CORS_ALLOW_CREDENTIALS = True
