import os

DEBUG = True  # want: exit debug-mode
TEMPLATE_DEBUG = os.getenv("TEMPLATE_DEBUG") == "1"
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
