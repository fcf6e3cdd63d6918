module demos

go 1.26
