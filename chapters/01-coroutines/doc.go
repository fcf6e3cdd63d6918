// Package coroutines shows what a coroutine is, why a goroutine is not one,
// and where Go's real coroutines live (behind iter.Pull).
package coroutines
