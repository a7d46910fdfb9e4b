import os

INSTALLED_APPS = ["django.contrib.auth", "site"]

# Django's default backend is SMTP: the host an app-prefixed variable
# names is the mail server it sends through.
EMAIL_HOST = os.getenv("SITE_EMAIL_HOST", "localhost")  # want: third-party smtp
EMAIL_HOST_USER = os.getenv("SITE_EMAIL_USER", "")
EMAIL_PORT = int(os.getenv("SITE_EMAIL_PORT", "25"))
if os.getenv("DEBUG"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
