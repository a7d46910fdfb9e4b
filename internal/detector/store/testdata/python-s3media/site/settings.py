import os

STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ["MEDIA_BUCKET"]
