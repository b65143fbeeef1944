module example.com/walks

go 1.22
