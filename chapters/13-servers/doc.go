// Package servers is the server side of asynchronous code: a connection
// served with deadlines, a request that stops when its client goes away, a
// graceful shutdown on a signal, values that belong to one request, and child
// processes that end with the context that started them.
//
// asyncio gives each connection a task and hands it a StreamReader and a
// StreamWriter; net/http gives each connection a goroutine and hands each
// request a context. The package holds the few functions the text builds on;
// most of what it teaches is the standard library itself (net, net/http,
// os/signal, os/exec, context), shown at work in the tests, on real loopback
// sockets and, where time matters, on synctest's fake clock.
package servers
