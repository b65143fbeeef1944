module attack

go 1.21
