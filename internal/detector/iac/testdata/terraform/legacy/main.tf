# AWS provider v3 style: ACL and policy inline on the bucket.
resource "aws_s3_bucket" "site" { # want: store s3 S3 bucket legacy-site; infra public-bucket aws_s3_bucket.site
  bucket = "legacy-site"
  acl    = "public-read" # want: infra public-bucket aws_s3_bucket.site
}

# Lookalike: everyone, but only from inside our VPC endpoint.
resource "aws_s3_bucket" "internal_docs" { # want: store s3 S3 bucket legacy-docs; infra bucket-no-public-access-block aws_s3_bucket.internal_docs
  bucket = "legacy-docs"
  acl    = "private"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::legacy-docs/*",
    "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}
  }]
}
POLICY
}

resource "aws_s3_bucket" "drops" { # want: store s3 S3 bucket legacy-drops; infra public-bucket aws_s3_bucket.drops
  bucket = "legacy-drops"
  grant { # want: infra public-bucket aws_s3_bucket.drops
    type        = "Group"
    permissions = ["WRITE"]
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}
