# The public-access block lives in its own file, as many teams write it.
resource "aws_s3_bucket_public_access_block" "uploads" { # want: control bucket-public-access-block aws_s3_bucket.uploads
  bucket = aws_s3_bucket.uploads.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
