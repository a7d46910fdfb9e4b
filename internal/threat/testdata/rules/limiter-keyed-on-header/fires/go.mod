module example.org/paste

go 1.22
