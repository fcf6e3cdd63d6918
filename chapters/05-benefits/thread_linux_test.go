package benefits_test

import (
	"syscall"
	"testing"
)

// BenchmarkThreadStack reports the default stack reservation of a new OS
// thread: glibc's pthread_create uses the RLIMIT_STACK soft limit
// (ulimit -s) when it is not unlimited. Nothing is timed; the benchmark
// puts the figure into the results file next to the measured ones.
func BenchmarkThreadStack(b *testing.B) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_STACK, &rl); err != nil {
		b.Fatalf("getrlimit: %v", err)
	}
	if rl.Cur == ^uint64(0) {
		b.Skip("RLIMIT_STACK is unlimited: glibc then uses a per-architecture default")
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(rl.Cur), "bytes/thread")
	b.ReportMetric(0, "ns/op")
}
