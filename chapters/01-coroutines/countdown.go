package coroutines

import (
	"fmt"
	"io"
)

// Countdown returns a coroutine that counts down from n to 1, writing a line
// to w at each step and yielding each number to whoever resumed it.
// Like an async def function called without await, it runs nothing yet.
func Countdown(w io.Writer, name string, n int) *Coroutine[int] {
	return New(func(yield func(int) bool) {
		fmt.Fprintf(w, "%s: start\n", name)
		defer fmt.Fprintf(w, "%s: end\n", name)
		for i := n; i > 0; i-- {
			fmt.Fprintf(w, "%s: yield %d\n", name, i)
			if !yield(i) { // suspension point: control goes back to Resume's caller
				fmt.Fprintf(w, "%s: stopped\n", name)
				return
			}
		}
	})
}
