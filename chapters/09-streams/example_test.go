package streams

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

func ExampleNumbers() {
	cleanup := func() { fmt.Println("cleanup") }
	for n := range Numbers(5, cleanup) {
		fmt.Println(n)
		if n == 2 {
			break // yield returns false; Numbers returns and its defer runs
		}
	}
	fmt.Println("after the loop")
	// Output:
	// 1
	// 2
	// cleanup
	// after the loop
}

func ExampleTake() {
	square := func(n int) int { return n * n }
	even := func(n int) bool { return n%2 == 0 }
	// Endless input, but only as many values as Take needs are ever made.
	for v := range Take(Filter(Map(Naturals(), square), even), 3) {
		fmt.Println(v)
	}
	// Output:
	// 4
	// 16
	// 36
}

func ExampleZip() {
	numbers := Numbers(10, func() { fmt.Println("numbers: cleanup") })
	letters := slices.Values([]string{"a", "b", "c"})
	for n, s := range Zip(numbers, letters) {
		fmt.Println(n, s)
	}
	fmt.Println("after the loop")
	// Output:
	// 1 a
	// 2 b
	// 3 c
	// numbers: cleanup
	// after the loop
}

func ExampleProduce() {
	ctx, cancel := context.WithCancel(context.Background())
	for n := range Produce(ctx, 100) {
		fmt.Println(n)
		if n == 3 {
			break
		}
	}
	cancel() // tells the producer goroutine to stop; without it, it leaks
	fmt.Println("cancelled")
	// Output:
	// 1
	// 2
	// 3
	// cancelled
}

func ExampleProcess() {
	upper := func(_ context.Context, s string) (string, error) {
		return strings.ToUpper(s), nil
	}
	words := []string{"a", "b", "c", "d", "e", "f"}
	got, err := Process(context.Background(), words, 3, upper)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(got)
	// Output:
	// [A B C D E F]
}
