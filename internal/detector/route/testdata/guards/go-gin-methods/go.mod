module example.com/go-gin-methods

go 1.22
