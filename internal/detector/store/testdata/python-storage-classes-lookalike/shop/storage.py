# Lookalikes: a class deriving from Django's own FileSystemStorage, a
# class named like a backend that derives from nothing of
# django-storages, and a settings name with no storage class beside it.
# No bucket here.
from django.core.files.storage import FileSystemStorage


class S3LikeStorage(FileSystemStorage):
    bucket_name = "not-a-bucket"


class Boto3StorageStats:
    bucket_name = "counters"


AWS_STORAGE_BUCKET_NAME = "unused"
