module copylock

go 1.26
