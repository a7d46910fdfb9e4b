import environ

env = environ.Env()
B2_ENDPOINT_URL = env("B2_ENDPOINT_URL", default=None)
B2_MEDIA_BUCKET = env("B2_MEDIA_BUCKET", default=None)
ARCHIVE_BUCKET = env("ARCHIVE_BUCKET", default=None)
AWS_STORAGE_BUCKET_NAME = env("UPLOADS_BUCKET", default=None)
