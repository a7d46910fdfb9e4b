module example.com/tally

go 1.22

require example.com/kit v1.2.0
