resource "aws_s3_bucket" "b" {
  bucket = "x"
}

resource "aws_s3_bucket_logging" "b" { # want: control bucket-logging
  bucket        = aws_s3_bucket.b.id
  target_bucket = "logs"
}
