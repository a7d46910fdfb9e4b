"""Django settings: sign-in providers are installed apps of django-allauth."""

INSTALLED_APPS = [
    "django.contrib.auth",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.github",
    "allauth.socialaccount.providers.gitlab",
    "allauth.socialaccount.providers.microsoft",
    "allauth.socialaccount.providers.discord",
    "allauth.socialaccount.providers.slack",
    "allauth.socialaccount.providers.auth0",
]
