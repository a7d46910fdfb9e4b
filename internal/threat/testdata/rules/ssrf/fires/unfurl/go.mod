module example.com/unfurl

go 1.22
