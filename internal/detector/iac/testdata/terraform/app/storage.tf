# Storage for the photo-sharing app.

locals {
  prefix = "snapshare-${var.env}"
}

variable "env" {
  default = "prod"
}

# Public assets (logos, CSS) served straight from S3.
resource "aws_s3_bucket" "assets" { # want: store s3 S3 bucket snapshare-prod-assets; infra public-bucket aws_s3_bucket.assets
  bucket = "${local.prefix}-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read" # want: infra public-bucket aws_s3_bucket.assets
}

# User uploads: private, every public-access switch on.
resource "aws_s3_bucket" "uploads" { # want: store s3 S3 bucket snapshare-prod-uploads; infra bucket aws_s3_bucket.uploads
  bucket = "${local.prefix}-uploads"
}

# Exports: a policy opens downloads to everyone; the ARN is unknown here
# but the principal and action are literal.
resource "aws_s3_bucket" "exports" { # want: store s3 S3 bucket exports; infra published-bucket aws_s3_bucket.exports
  bucket_prefix = "exports-"
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({ # want: infra published-bucket aws_s3_bucket.exports
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject"]
      Resource  = "${aws_s3_bucket.exports.arn}/*"
    }]
  })
}

# Logs: nobody made it public, but nothing stops it either.
resource "aws_s3_bucket" "logs" { # want: store s3 S3 bucket snapshare-prod-logs; infra bucket-no-public-access-block aws_s3_bucket.logs
  bucket = "${local.prefix}-logs"
}

# Backups: a policy for one account only (lookalike: not public), with a
# public-access block whose principal comes from a variable.
resource "aws_s3_bucket" "backups" { # want: store s3 S3 bucket snapshare-prod-backups; infra bucket aws_s3_bucket.backups
  bucket = "snapshare-prod-backups"
}

resource "aws_s3_bucket_policy" "backups" {
  bucket = "snapshare-prod-backups"
  policy = data.aws_iam_policy_document.backups.json
}

data "aws_iam_policy_document" "backups" {
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_s3_bucket_public_access_block" "backups" { # want: control bucket-public-access-block aws_s3_bucket.backups
  bucket                  = "snapshare-prod-backups"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Media: public through a policy document data source.
resource "aws_s3_bucket" "media" { # want: store s3 S3 bucket media; infra published-bucket aws_s3_bucket.media
}

resource "aws_s3_bucket_policy" "media" {
  bucket = aws_s3_bucket.media.bucket
  policy = data.aws_iam_policy_document.media_public.json # want: infra published-bucket aws_s3_bucket.media
}

data "aws_iam_policy_document" "media_public" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.media.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# Reports: a public ACL neutralised by the public-access block
# (lookalike: not public; the block is only partial).
resource "aws_s3_bucket" "reports" { # want: store s3 S3 bucket reports; infra bucket-no-public-access-block aws_s3_bucket.reports
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.reports.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket             = aws_s3_bucket.reports.id
  block_public_acls  = true
  ignore_public_acls = true
}

# Shares: the same policy with listing too (lookalike: anyone can list the
# keys, so the bucket is public, not published).
resource "aws_s3_bucket" "shares" { # want: store s3 S3 bucket shares; infra public-bucket aws_s3_bucket.shares
}

resource "aws_s3_bucket_policy" "shares" {
  bucket = aws_s3_bucket.shares.id
  policy = jsonencode({ # want: infra public-bucket aws_s3_bucket.shares
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = [aws_s3_bucket.shares.arn, "${aws_s3_bucket.shares.arn}/*"]
    }]
  })
}

# Images: published by a statement joined with ones a variable chooses.
resource "aws_s3_bucket" "images" { # want: store s3 S3 bucket images; infra published-bucket aws_s3_bucket.images
}

resource "aws_s3_bucket_policy" "images" {
  bucket = aws_s3_bucket.images.id
  policy = jsonencode({ # want: infra published-bucket aws_s3_bucket.images
    Version = "2012-10-17"
    Statement = concat(
      [{
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.images.arn}/*"
      }],
      lookup(local.extra_statements, "images", []),
    )
  })
}
