module example.com/go-methodwrap

go 1.22
