module example.com/wall

go 1.22
