package pitfalls

import "testing"

// region bench

// BenchmarkCPUBound runs eight equal CPU tasks (Rounds of Hash each) four
// ways. Run it with -cpu 1,2: on one loop the tasks take turns, whatever
// GOMAXPROCS is; goroutines, and executor jobs, use every processor.
//
// It loops over b.N rather than with b.Loop: b.Loop measures the first run
// of each -cpu list before the testing package sets GOMAXPROCS for it, with
// the value the previous benchmark left (go.dev/issue/49980).
func BenchmarkCPUBound(b *testing.B) {
	const n = 8
	want := Sequential(n, Rounds) // every mode must compute this
	modes := []struct {
		name string
		run  func(n, rounds int) (uint64, error)
	}{
		{"sequential", func(n, rounds int) (uint64, error) { return Sequential(n, rounds), nil }},
		{"loop", OnLoop},
		{"executor", InExecutor},
		{"goroutines", func(n, rounds int) (uint64, error) { return Goroutines(n, rounds), nil }},
	}
	for _, m := range modes {
		b.Run("mode="+m.name, func(b *testing.B) {
			for range b.N {
				got, err := m.run(n, Rounds)
				if err != nil || got != want { // using the result keeps the work
					b.Fatalf("%s = %#x, %v; want %#x", m.name, got, err, want)
				}
			}
		})
	}
}

// endregion bench
