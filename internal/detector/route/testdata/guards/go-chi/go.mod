module example.com/go-chi

go 1.22
