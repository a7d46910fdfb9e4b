# The sibling file did not parse, so a missing public-access block here is
# not reported: it may be in the broken file.
resource "aws_s3_bucket" "data" { # want: store s3 S3 bucket broken-data
  bucket = "broken-data"
}
