# Media and exports on disk by default, each in S3 when switched on: two
# folders and two buckets, four rows.
# want: store filesystem Local folder (MEDIA_ROOT)
# want: store filesystem Local folder archives/
# want: store s3 S3 bucket from MEDIA_BUCKET_NAME
# want: store s3 S3 bucket from ARCHIVE_BUCKET_NAME
# Lookalike: the static files' storage keeps the app's own assets.
import os

import environ

env = environ.Env()
BASE_DIR = os.path.dirname(os.path.dirname(__file__))
MEDIA_ROOT = os.path.join(BASE_DIR, env("MEDIA_ROOT", "media"))

if env.bool("MEDIA_IN_S3", False):
    AWS_STORAGE_BUCKET_NAME = env("MEDIA_BUCKET_NAME")
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "media"}},
        "staticfiles": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"location": "static"}},
    }
else:
    STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
        },
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
        },
    }

if env.bool("ARCHIVES_IN_S3", False):
    STORAGES["archives"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": "archives",
            "bucket_name": env("ARCHIVE_BUCKET_NAME"),
        },
    }
else:
    STORAGES["archives"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "archives"},
    }
