module example.com/cookiewrap

go 1.22
