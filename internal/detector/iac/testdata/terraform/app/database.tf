variable "db_public" {
  default = true
}

variable "replica_public" {}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = var.db_public # want: infra public-database aws_db_instance.main
}

# Lookalike: not public.
resource "aws_db_instance" "analytics" {
  engine              = "mysql"
  publicly_accessible = false
}

# Lookalike: unknown is never public.
resource "aws_db_instance" "replica" {
  engine              = "postgres"
  publicly_accessible = var.replica_public
}
