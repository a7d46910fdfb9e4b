# The project's own django-storages backends, chosen by a dotted path a
# function returns: each is a bucket, a vendor's when its endpoint is
# that vendor's setting; the plain subclass is the default bucket that
# AWS_STORAGE_BUCKET_NAME names.
# want: store s3 Backblaze B2 bucket from B2_MEDIA_BUCKET
# want: store s3 S3 bucket from UPLOADS_BUCKET
# want: store s3 S3 bucket from ARCHIVE_BUCKET
# want: store gcs GCS bucket reports-bucket
from django.conf import settings
from storages.backends.gcloud import GoogleCloudStorage
from storages.backends.s3boto3 import S3Boto3Storage


class MediaStorage(S3Boto3Storage):
    file_overwrite = False


class PublicMediaStorage(MediaStorage):
    location = "public"


class B2MediaStorage(S3Boto3Storage):
    def __init__(self, **kwargs):
        kwargs.setdefault("endpoint_url", getattr(settings, "B2_ENDPOINT_URL", None))
        kwargs.setdefault("bucket_name", getattr(settings, "B2_MEDIA_BUCKET", None))
        super().__init__(**kwargs)


class ArchiveStorage(S3Boto3Storage):
    bucket_name = settings.ARCHIVE_BUCKET


class ReportStorage(GoogleCloudStorage):
    bucket_name = "reports-bucket"


def storage_backend():
    return "shop.storage.MediaStorage"
