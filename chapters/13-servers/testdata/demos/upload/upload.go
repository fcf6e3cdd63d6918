// Package upload is the handler the demo servers share.
package upload

import (
	"fmt"
	"io"
	"net/http"
)

// Handler reads the request's body to the end and says how much it got.
func Handler(w http.ResponseWriter, r *http.Request) {
	fmt.Println("handler: upload started")
	n, err := io.Copy(io.Discard, r.Body)
	if err != nil {
		return // the client went away
	}
	fmt.Printf("handler: stored %d bytes\n", n)
	fmt.Fprintf(w, "stored %d bytes\n", n)
}
