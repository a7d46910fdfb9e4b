module example.test/exporter

go 1.22
