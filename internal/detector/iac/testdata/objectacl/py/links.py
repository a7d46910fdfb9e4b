BUCKET = "receipts"


def receipt_link(user_id, name):
    key = f"{user_id}/{name}"
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"  # want: infra published-bucket objects served by their public URL
