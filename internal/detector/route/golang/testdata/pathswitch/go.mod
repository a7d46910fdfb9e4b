module example.com/paste

go 1.22
