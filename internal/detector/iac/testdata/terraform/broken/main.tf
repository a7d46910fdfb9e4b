resource "aws_s3_bucket" "half" {
  bucket = "half-written
  acl    = "public-read"
