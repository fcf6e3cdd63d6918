// Package await shows what Python's await becomes in Go: any blocking
// operation waits, and a small generic Future holds the result of a
// function that runs in its own goroutine.
package await
