resource "aws_db_instance" "main" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  username            = "orders"
  password            = var.db_password
  publicly_accessible = true
  skip_final_snapshot = true
}

variable "db_password" {
  type      = string
  sensitive = true
}
