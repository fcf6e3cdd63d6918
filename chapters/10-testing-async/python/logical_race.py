import asyncio

balance = 0


async def deposit(amount):
    global balance
    seen = balance          # read
    await asyncio.sleep(0)  # another task runs here
    balance = seen + amount # write: overwrites the other deposit


async def deposit_locked(lock, amount):
    global balance
    async with lock:  # no other deposit between the read and the write
        seen = balance
        await asyncio.sleep(0)
        balance = seen + amount


async def main():
    global balance
    await asyncio.gather(deposit(10), deposit(20))
    print("without a lock:", balance)

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(deposit_locked(lock, 10), deposit_locked(lock, 20))
    print("with asyncio.Lock:", balance)


asyncio.run(main())

# Output:
# without a lock: 20
# with asyncio.Lock: 30
