DEBUG = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
