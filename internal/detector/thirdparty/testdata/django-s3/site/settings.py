# Media in S3-compatible storage at an endpoint the code gives a value of
# its own (the product's Garage when the setting is unset): the code names
# no vendor, so django-storages and boto3 name no third party
# (code.S3Endpoint).
import environ

env = environ.Env()

STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env.str("MEDIA_BUCKET")
AWS_S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="http://garage:3900")
