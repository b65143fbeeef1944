module example.com/wlib

go 1.21
