module example.com/vaultd

go 1.24
