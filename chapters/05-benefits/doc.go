// Package benefits measures the three benefits usually claimed for
// asynchronous programming — efficient I/O, simpler code and fewer
// resources — on goroutines, next to asyncio.
//
// The fan-out functions ([FetchSequential], [FetchConcurrent]) and the
// [LatencyHandler] are what the benchmarks time; [Park] and
// [GoroutineMemory] are what they use to weigh a waiting goroutine;
// [InvoiceCallbacks] and [FetchInvoice] are the same three-step fetch
// written twice. The chapter's tables and charts are made by its tests,
// from the benchmark results committed in testdata/bench.txt.
package benefits
