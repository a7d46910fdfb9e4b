module example.com/uploadservice

go 1.22
