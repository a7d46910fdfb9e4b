import os

STORAGES = {  # want: store s3 S3 bucket from MEDIA_BUCKET
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ["MEDIA_BUCKET"]
