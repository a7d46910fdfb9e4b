resource "azurerm_storage_container" "public" {
  name                  = "public"
  storage_account_name  = "snapshare"
  container_access_type = "blob" # want: infra public-bucket azurerm_storage_container.public
}

# Lookalike: private container.
resource "azurerm_storage_container" "private" {
  name                  = "private"
  storage_account_name  = "snapshare"
  container_access_type = "private"
}
