# Lookalike: an account-wide block that only restricts public policies
# does nothing against a public ACL.
resource "aws_s3_account_public_access_block" "this" {
  restrict_public_buckets = true
}
