package benefits

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// User is a customer of the shop.
type User struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Order is one of a user's orders.
type Order struct {
	ID string `json:"id"`
}

// Invoice is the bill for one order.
type Invoice struct {
	Order      string `json:"order"`
	TotalCents int    `json:"total_cents"`
}

// ShopHandler returns a handler serving a tiny shop API with fixed data:
//
//	GET /users/{name}          a User
//	GET /users/{id}/orders     the user's Orders, newest first
//	GET /orders/{id}/invoice   an Invoice
func ShopHandler() http.Handler {
	users := map[string]User{"ada": {ID: "u1", Name: "ada"}}
	orders := map[string][]Order{"u1": {{ID: "o7"}, {ID: "o3"}}}
	invoices := map[string]Invoice{"o7": {Order: "o7", TotalCents: 4200}, "o3": {Order: "o3", TotalCents: 990}}
	mux := http.NewServeMux()
	serve := func(pattern string, lookup func(key string) (any, bool)) {
		mux.HandleFunc("GET "+pattern, func(w http.ResponseWriter, r *http.Request) {
			v, ok := lookup(r.PathValue("key"))
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(v)
		})
	}
	serve("/users/{key}", func(k string) (any, bool) { v, ok := users[k]; return v, ok })
	serve("/users/{key}/orders", func(k string) (any, bool) { v, ok := orders[k]; return v, ok })
	serve("/orders/{key}/invoice", func(k string) (any, bool) { v, ok := invoices[k]; return v, ok })
	return mux
}

// getJSON GETs url and decodes the JSON body into a T.
func getJSON[T any](ctx context.Context, c *http.Client, url string) (T, error) {
	var v T
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return v, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return v, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return v, fmt.Errorf("GET %s: decoding: %w", url, err)
	}
	return v, nil
}

// getJSONAsync starts getJSON and returns at once; done receives the
// result later, on another goroutine. It is the shape of a callback API.
func getJSONAsync[T any](ctx context.Context, c *http.Client, url string, done func(T, error)) {
	go func() { done(getJSON[T](ctx, c, url)) }()
}

// InvoiceCallbacks finds the invoice of the newest order of the user
// called name, in callback style: it returns at once, and done is called
// later, exactly once, with the invoice or an error.
func InvoiceCallbacks(ctx context.Context, c *http.Client, base, name string, done func(Invoice, error)) {
	fail := func(err error) { done(Invoice{}, fmt.Errorf("invoice for %s: %w", name, err)) }
	getJSONAsync(ctx, c, base+"/users/"+name, func(u User, err error) {
		if err != nil {
			fail(err)
			return
		}
		getJSONAsync(ctx, c, base+"/users/"+u.ID+"/orders", func(orders []Order, err error) {
			if err != nil {
				fail(err)
				return
			}
			if len(orders) == 0 {
				fail(fmt.Errorf("no orders"))
				return
			}
			getJSONAsync(ctx, c, base+"/orders/"+orders[0].ID+"/invoice", func(inv Invoice, err error) {
				if err != nil {
					fail(err)
					return
				}
				done(inv, nil)
			})
		})
	})
}

// FetchInvoice finds the invoice of the newest order of the user called
// name. It is InvoiceCallbacks written straight: each step blocks its
// goroutine, and only its goroutine, until the answer is there.
func FetchInvoice(ctx context.Context, c *http.Client, base, name string) (Invoice, error) {
	u, err := getJSON[User](ctx, c, base+"/users/"+name)
	if err != nil {
		return Invoice{}, fmt.Errorf("invoice for %s: %w", name, err)
	}
	orders, err := getJSON[[]Order](ctx, c, base+"/users/"+u.ID+"/orders")
	if err != nil {
		return Invoice{}, fmt.Errorf("invoice for %s: %w", name, err)
	}
	if len(orders) == 0 {
		return Invoice{}, fmt.Errorf("invoice for %s: no orders", name)
	}
	inv, err := getJSON[Invoice](ctx, c, base+"/orders/"+orders[0].ID+"/invoice")
	if err != nil {
		return Invoice{}, fmt.Errorf("invoice for %s: %w", name, err)
	}
	return inv, nil
}
