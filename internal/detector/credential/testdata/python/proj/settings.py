import environ

env = environ.Env(DEBUG=(bool, False))

SECRET_KEY = env("DJANGO_SECRET_KEY")  # want: credential DJANGO_SECRET_KEY secret -
DEBUG = env.bool("DJANGO_DEBUG", default=False)  # want: credential DJANGO_DEBUG config -
DATABASES = {"default": env.db("DATABASE_URL")}  # want: credential DATABASE_URL secret -
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")  # want: credential EMAIL_HOST_PASSWORD secret smtp
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])  # want: credential ALLOWED_HOSTS config -
