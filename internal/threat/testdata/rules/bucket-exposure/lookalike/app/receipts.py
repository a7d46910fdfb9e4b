import uuid

import boto3

s3 = boto3.client("s3")
BUCKET = "expenses-receipts"


def store_receipt(user_id, filename, data):
    key = f"receipts/{uuid.uuid4()}"
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, Metadata={"owner": str(user_id), "name": filename})
    return key


def receipt_link(key):
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300)
