package benchdata_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/asyncgo/course/chapters/internal/benchdata"
)

func ExampleParse() {
	const out = `goos: linux
cpu: Example CPU
BenchmarkCPUBound/mode=loop     	      20	  50000000 ns/op
BenchmarkCPUBound/mode=loop     	      20	  54000000 ns/op
BenchmarkCPUBound/mode=loop-2   	      20	  26000000 ns/op	  12 B/op
PASS
`
	res, err := benchdata.Parse(strings.NewReader(out), "bench.txt")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("cpu:", res.Get("cpu"))
	for _, b := range res.Benchmarks {
		ms, err := b.Median("ns/op")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (GOMAXPROCS %d): %d runs, median %.0f ms, units %q\n", b.Name, b.Procs, b.Runs, ms/1e6, b.Units)
	}
	// Output:
	// cpu: Example CPU
	// CPUBound/mode=loop (GOMAXPROCS 1): 2 runs, median 52 ms, units ["ns/op"]
	// CPUBound/mode=loop (GOMAXPROCS 2): 1 runs, median 26 ms, units ["ns/op" "B/op"]
}
