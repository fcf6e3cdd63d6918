package limits

import (
	"context"
	"errors"
	"fmt"
)

func ExampleRunChan() {
	squares := make([]int, 6)
	jobs := make([]Job, len(squares))
	for i := range jobs {
		jobs[i] = func(ctx context.Context) error {
			if i == 4 {
				return errors.New("job 4: no luck")
			}
			squares[i] = i * i // each job writes its own slot
			return nil
		}
	}
	err := RunChan(context.Background(), jobs, 3)
	fmt.Println(squares)
	fmt.Println("error:", err)
	// Output:
	// [0 1 4 9 0 25]
	// error: job 4: no luck
}
