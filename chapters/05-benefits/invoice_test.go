package benefits_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/05-benefits"
	"github.com/stretchr/testify/assert"
)

// invoiceCallbacks waits for InvoiceCallbacks to call back.
func invoiceCallbacks(ctx context.Context, base, name string, srv *httptest.Server) (benefits.Invoice, error) {
	type result struct {
		inv benefits.Invoice
		err error
	}
	done := make(chan result, 1)
	benefits.InvoiceCallbacks(ctx, srv.Client(), base, name, func(inv benefits.Invoice, err error) {
		done <- result{inv, err}
	})
	r := <-done
	return r.inv, r.err
}

func TestInvoiceBothWaysAgree(t *testing.T) {
	srv := httptest.NewServer(benefits.ShopHandler())
	defer srv.Close()
	for _, tc := range []struct{ name, wantErr string }{
		{"ada", ""},
		{"bob", "404"}, // no such user
	} {
		t.Run(tc.name, func(t *testing.T) {
			straight, err1 := benefits.FetchInvoice(t.Context(), srv.Client(), srv.URL, tc.name)
			called, err2 := invoiceCallbacks(t.Context(), srv.URL, tc.name, srv)
			assert.Equal(t, straight, called, "the straight-line invoice, then the one from callbacks")
			for _, err := range []error{err1, err2} {
				if tc.wantErr == "" {
					assert.NoError(t, err)
				} else {
					assert.ErrorContains(t, err, tc.wantErr)
				}
			}
		})
	}
}

func ExampleFetchInvoice() {
	srv := httptest.NewServer(benefits.ShopHandler())
	defer srv.Close()

	inv, err := benefits.FetchInvoice(context.Background(), srv.Client(), srv.URL, "ada")
	fmt.Printf("%+v %v\n", inv, err)
	_, err = benefits.FetchInvoice(context.Background(), srv.Client(), srv.URL, "bob")
	fmt.Println(strings.Replace(err.Error(), srv.URL, "http://shop", 1))
	// Output:
	// {Order:o7 TotalCents:4200} <nil>
	// invoice for bob: GET http://shop/users/bob: 404 Not Found
}
