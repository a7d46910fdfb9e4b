module example.com/go-gin

go 1.22
