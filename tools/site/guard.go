package main

import (
	"crypto/subtle"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// This file is the guard in front of the live server (serve.go). The
// server runs the reader's code as the reader, so it must answer no one
// else: not another web page open in the same browser, which can send
// requests to a loopback address, and not a page that rebinds its own host
// name to 127.0.0.1 (DNS rebinding), which would make it the server's own
// origin in the browser's eyes.
//
//   - Every request must carry a Host header naming the address served
//     (a rebinding page's requests name the attacker's host).
//   - Every request to /api/ must carry the token that the server made at
//     start and put in the pages it serves (<meta name="course-run-token">),
//     in the X-Course-Token header, or as token= in the query for the
//     EventSource of GET /api/events, which cannot set headers. Another
//     origin cannot read the pages, so it cannot know the token.
//   - A request to /api/ with an Origin header must come from the server's
//     own origin.

// tokenHeader is the header that carries the run token.
const tokenHeader = "X-Course-Token"

// A guard checks the requests of the live server.
type guard struct {
	token string
	hosts map[string]bool // the Host headers allowed
}

// newGuard returns the guard of a server listening on addr (as the
// listener has it) with the given token. On a loopback address it allows
// the Host headers ADDR and localhost:PORT. On another address (serve
// -allow-remote) it allows ADDR, or, when addr is the unspecified address
// (0.0.0.0 or ::), every address of the machine's interfaces and its host
// name, with the port.
func newGuard(addr net.Addr, token string) *guard {
	g := &guard{token: token, hosts: make(map[string]bool)}
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		g.hosts[addr.String()] = true
		return g
	}
	port := strconv.Itoa(tcp.Port)
	g.hosts[tcp.String()] = true
	switch {
	case tcp.IP.IsLoopback():
		g.hosts["localhost:"+port] = true
	case tcp.IP.IsUnspecified():
		g.hosts["localhost:"+port] = true
		if name, err := os.Hostname(); err == nil {
			g.hosts[net.JoinHostPort(name, port)] = true
		}
		addrs, _ := net.InterfaceAddrs() // none: only localhost then
		for _, a := range addrs {
			if ipnet, ok := a.(*net.IPNet); ok {
				g.hosts[net.JoinHostPort(ipnet.IP.String(), port)] = true
			}
		}
	}
	return g
}

// wrap returns next behind the guard: it refuses, with 403 Forbidden, a
// request whose Host is not allowed, and a request to /api/ without the
// token or from another origin. Refusals of /api/ requests are JSON
// ({"error": "..."}), others plain text.
func (g *guard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		refuse := func(msg string) {
			if api {
				writeError(w, http.StatusForbidden, msg)
				return
			}
			http.Error(w, msg, http.StatusForbidden)
		}
		if !g.hosts[strings.ToLower(r.Host)] {
			refuse("Host " + r.Host + " is not the address this server serves")
			return
		}
		if !api {
			next.ServeHTTP(w, r)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			refuse("Origin " + o + " is not this server's own")
			return
		}
		token := r.Header.Get(tokenHeader)
		if token == "" && r.Method == http.MethodGet && r.URL.Path == "/api/events" {
			token = r.URL.Query().Get("token")
		}
		if token == "" {
			refuse("no run token: the pages this server serves carry it")
			return
		}
		if subtle.ConstantTimeCompare([]byte(token), []byte(g.token)) != 1 {
			refuse("wrong run token: reload the page (the server made a new one when it started)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeError writes {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client went away: nothing to do
}
