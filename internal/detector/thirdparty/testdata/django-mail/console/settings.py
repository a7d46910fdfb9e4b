import os

INSTALLED_APPS = ["django.contrib.auth", "console"]

# Lookalike: a host is set, but every run prints mail to the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_HOST = os.getenv("CONSOLE_EMAIL_HOST", "localhost")
