import os

import boto3

AVATARS_BUCKET = os.getenv("AVATARS_BUCKET")

s3_client = boto3.client("s3")


# The bucket is the caller's choice: the parameter names no bucket of its
# own, the call below names the one it is given.
def upload_to_bucket(data: bytes, key: str, bucket_name: str):
    s3_client.put_object(Bucket=bucket_name, Key=key, Body=data)


def save_avatar(data: bytes, user_id: str):
    # want: store s3 S3 bucket from AVATARS_BUCKET
    return upload_to_bucket(data, f"{user_id}.png", bucket_name=AVATARS_BUCKET)
