resource "aws_s3_bucket" "receipts" {
  bucket = "expenses-receipts"
}

resource "aws_s3_bucket_acl" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  acl    = "public-read"
}
