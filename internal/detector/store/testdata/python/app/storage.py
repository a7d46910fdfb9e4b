import boto3

from .config import settings

s3 = boto3.client("s3")


def put(key: str, body: bytes) -> None:
    # want: store s3 S3 bucket from S3_BUCKET
    s3.put_object(Bucket=settings.s3_bucket, Key=key, Body=body)
