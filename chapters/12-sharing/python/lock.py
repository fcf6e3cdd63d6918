import asyncio


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    def deposit(self, amount):
        self.balance += amount  # no await inside: no other task can get in

    async def withdraw_unlocked(self, amount):
        if self.balance < amount:
            return False
        await asyncio.sleep(0)  # say, a fraud check: other tasks run here
        self.balance -= amount
        return True

    async def withdraw(self, amount):
        async with self.lock:  # held across the await: nobody checks meanwhile
            return await self.withdraw_unlocked(amount)


async def main():
    a = Account(100)
    ok = await asyncio.gather(a.withdraw_unlocked(80), a.withdraw_unlocked(80))
    print("without the lock:", ok, "balance", a.balance)
    b = Account(100)
    ok = await asyncio.gather(b.withdraw(80), b.withdraw(80))
    print("with the lock:   ", ok, "balance", b.balance)


asyncio.run(main())

# Output:
# without the lock: [True, True] balance -60
# with the lock:    [True, False] balance 20
