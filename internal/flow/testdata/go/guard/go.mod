module example.com/linkcard

go 1.22
