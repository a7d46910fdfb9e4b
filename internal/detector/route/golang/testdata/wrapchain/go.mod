module example.com/labs

go 1.21

require github.com/julienschmidt/httprouter v1.3.0
