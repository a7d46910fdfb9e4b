# A documentation example is still configuration someone may apply.
resource "aws_s3_bucket" "website" { # want: store s3 S3 bucket example-website; infra public-bucket aws_s3_bucket.website
  bucket = "example-website"
}

resource "aws_s3_bucket_acl" "website" {
  bucket = aws_s3_bucket.website.id
  acl    = "public-read-write" # want: infra public-bucket aws_s3_bucket.website
}
