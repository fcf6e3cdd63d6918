package servers

import "context"

// requestIDKey is the key of the request ID among a context's values. Its
// type is unexported, so no other package can make an equal key: nobody can
// read or overwrite the value by accident.
type requestIDKey struct{}

// WithRequestID returns a copy of ctx that carries id as its request ID.
// ctx itself is not changed: contexts are immutable.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request ID that ctx carries, and whether it carries
// one. Every context derived from one made by WithRequestID carries it.
func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	return id, ok
}
