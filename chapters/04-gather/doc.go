// Package gather fetches many URLs at once and collects the results in
// argument order, the Go counterpart of asyncio.gather over aiohttp requests.
//
// It offers the two failure policies Python programs choose between:
// [Gather] fails fast (like asyncio.TaskGroup: the first error cancels the
// rest) and [GatherAll] collects every result and every error (like
// asyncio.gather(..., return_exceptions=True)).
package gather
