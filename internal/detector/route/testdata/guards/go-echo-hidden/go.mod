module example.com/go-echo-hidden

go 1.22
