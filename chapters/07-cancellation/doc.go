// Package cancellation shows how work is stopped early in Go, beside
// asyncio's timeout, Task.cancel and TaskGroup: a context carries the request
// to stop, and the code doing the work must look at it. Nothing stops a
// goroutine from outside.
package cancellation
