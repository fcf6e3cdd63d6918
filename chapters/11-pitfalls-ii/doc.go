// Package pitfallsii collects the concurrency bugs that Go does not stop you
// from writing: data races, deadlocks, goroutines that leak, panics that kill
// the whole program, and behaviour that changes with the go line of go.mod.
//
// The buggy programs live in testdata, as small programs of their own, because
// they would crash or hang this package's tests. The tests build and run them
// in a temporary directory and check what the runtime says about them.
package pitfallsii
