// Package streams shows streams of values, the Go way.
//
// Python has async generators and async for. Go has two tools for the same
// job. A push iterator ([iter.Seq], [iter.Seq2]) runs in the caller's
// goroutine: breaking out of the loop makes yield return false, and the
// iterator's deferred cleanup runs before the loop statement ends. A channel
// fed by a producer goroutine crosses goroutines, so it can overlap work, but
// the producer must be told to stop (with a context) or it leaks.
//
// The package shows both: iterator adapters (Map, Filter, Take, Zip) that need
// no goroutines, a leaky and a fixed channel producer, and Process, a
// fan-out/fan-in pipeline whose stages run in an errgroup.
package streams
