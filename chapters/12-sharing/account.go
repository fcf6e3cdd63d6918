package sharing

import (
	"fmt"
	"sync"
)

// An Account holds a balance that any number of goroutines may change at
// once. Its zero value is an empty account, ready to use.
type Account struct {
	mu      sync.Mutex // guards balance
	balance int
}

// Deposit adds amount to the balance.
func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

// Withdraw takes amount from the balance if the balance covers it. The
// check and the update happen under one lock, so two withdrawals can never
// both pass the check on the same money.
func (a *Account) Withdraw(amount int) error {
	a.mu.Lock()
	defer a.mu.Unlock() // on every way out, the early return included
	if a.balance < amount {
		return fmt.Errorf("withdraw %d: balance is only %d", amount, a.balance)
	}
	a.balance -= amount
	return nil
}

// Balance returns the balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}
