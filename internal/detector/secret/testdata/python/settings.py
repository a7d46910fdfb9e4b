import os

SECRET_KEY = 'django-insecure-8fk2x9wq7z3m1p0vl5r'  # want: secret hardcoded-signing-key
SECRET_KEY_FALLBACKS = []
DEBUG = True
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "notes",
        "PASSWORD": os.environ.get("DB_PASSWORD", "postgres"),  # want: secret secret-env-fallback
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
