import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ROOT_URLCONF = "config.urls"
# django-axes is installed but never wired in: no middleware, no backend,
# so no sign-in is counted.
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "axes", "accounts"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
AXES_FAILURE_LIMIT = 5
