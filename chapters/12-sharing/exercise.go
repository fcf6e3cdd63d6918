//go:build learn

package sharing

import "context"

// A Group runs one call per key at a time and shares its result with every
// caller that asks for the key while the call runs, as singleflight does,
// except that each caller waits with its own context. The zero value is
// ready to use.
type Group[K comparable, V any] struct {
	// TODO: the fields you need: a mutex, and the calls in flight by key.
}

// Do returns the result of fn for key. The first caller for a key starts
// fn in a new goroutine; callers that come while it runs wait for the same
// result, error included, instead of calling fn again. Once fn has
// returned, the key is forgotten: the next Do calls fn again.
//
// Each caller waits with its own ctx. When ctx is done first, Do returns
// context.Cause(ctx) at once, and the call goes on for the other callers:
// fn's context is not cancelled when one caller gives up, only when every
// caller waiting for it has, and a caller that comes after that starts a
// new call. When ctx is already done, Do returns its cause without
// calling fn.
func (g *Group[K, V]) Do(ctx context.Context, key K, fn func(context.Context) (V, error)) (V, error) {
	// TODO: find or start the call for key, then wait for it or for ctx.
	var zero V
	return zero, nil
}
