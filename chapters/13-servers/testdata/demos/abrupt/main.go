// Command abrupt calls Shutdown on SIGINT, but treats the error that
// Serve returns as a failure. Serve returns http.ErrServerClosed the moment
// Shutdown begins, so log.Fatal ends the program while an upload is still
// in flight. Its deferred call never runs either.
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"

	"demos/upload"
)

func main() {
	log.SetFlags(0)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer fmt.Println("main: deferred cleanup") // never printed: log.Fatal calls os.Exit

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(upload.Handler)}
	go func() {
		<-ctx.Done()
		fmt.Println("signal: shutting down")
		srv.Shutdown(context.Background())
	}()
	fmt.Println("listening on", ln.Addr())
	log.Fatal(srv.Serve(ln)) // wrong: http.ErrServerClosed is not a failure
}
