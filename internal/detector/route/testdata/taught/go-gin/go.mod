module example.com/taught-gin

go 1.22
