module example.com/go-wrapper

go 1.22
