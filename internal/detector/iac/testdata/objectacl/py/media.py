import boto3

s3 = boto3.client("s3")


def publish(fileobj, key):
    s3.upload_fileobj(fileobj, "media", key, ExtraArgs={"ACL": "public-read"})  # want: infra published-bucket objects written with a public ACL
    return key
