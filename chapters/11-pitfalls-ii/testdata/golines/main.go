// Command golines prints three behaviours that depend on the go line of the
// main module's go.mod, not on the toolchain that builds it. It must compile
// as Go 1.21, so it uses no newer language feature.
package main

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"
)

func main() {
	// Go 1.22: each iteration of a for loop gets its own i.
	var show []func() string
	for i := 0; i < 3; i++ {
		show = append(show, func() string { return fmt.Sprint(i) })
	}
	var seen []string
	for _, f := range show {
		seen = append(seen, f())
	}
	fmt.Println("closures print:", strings.Join(seen, " "))

	// Go 1.23: timer channels are synchronous (capacity 0).
	t := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond) // the timer fires; nobody receives
	fmt.Println("cap(t.C):", cap(t.C))
	fmt.Println("Stop after it fired:", t.Stop())
	t.Reset(time.Hour)
	select {
	case <-t.C:
		fmt.Println("receive after Reset: stale value")
	default:
		fmt.Println("receive after Reset: nothing")
	}

	// The GODEBUG defaults that the go line compiled in (Go 1.23 timers,
	// Go 1.25 container-aware GOMAXPROCS).
	fmt.Println("GODEBUG defaults:", defaults("asynctimerchan", "containermaxprocs", "updatemaxprocs"))
}

// defaults returns the settings among keys that the build's DefaultGODEBUG
// lists, or "none".
func defaults(keys ...string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "no build info"
	}
	var found []string
	for _, s := range info.Settings {
		if s.Key != "DefaultGODEBUG" {
			continue
		}
		for _, kv := range strings.Split(s.Value, ",") {
			for _, k := range keys {
				if strings.HasPrefix(kv, k+"=") {
					found = append(found, kv)
				}
			}
		}
	}
	if len(found) == 0 {
		return "none"
	}
	return strings.Join(found, " ")
}
