module example.com/r10

go 1.21
