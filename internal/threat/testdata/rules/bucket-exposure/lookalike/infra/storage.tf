resource "aws_s3_bucket" "receipts" {
  bucket = "expenses-receipts"
}

resource "aws_s3_bucket_public_access_block" "receipts" {
  bucket                  = aws_s3_bucket.receipts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "receipts" {
  bucket        = aws_s3_bucket.receipts.id
  target_bucket = "org-access-logs" # the organisation's log bucket, managed elsewhere
  target_prefix = "receipts/"
}
