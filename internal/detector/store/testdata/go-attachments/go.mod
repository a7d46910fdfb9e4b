module example.test/relay

go 1.22
