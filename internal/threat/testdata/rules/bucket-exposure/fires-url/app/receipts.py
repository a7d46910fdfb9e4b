import boto3

s3 = boto3.client("s3")
BUCKET = "expenses-receipts"


# No infrastructure in the repository: the link handed out is the
# object's plain URL, which only a public object answers, at a key made
# of the user's id and the file's name.
def store_receipt(user_id, filename, data):
    key = f"receipts/{user_id}/{filename}"
    s3.put_object(Bucket=BUCKET, Key=key, Body=data)
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"
