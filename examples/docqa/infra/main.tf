provider "aws" {
  region = "eu-west-1"
}

# Uploads land here under user_id/filename keys. Nothing blocks public
# access at the bucket level, and nothing logs who reads what.
resource "aws_s3_bucket" "uploads" {
  bucket = "docqa-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}
