import asyncio

lock = asyncio.Lock()  # module level: made before any loop runs


async def worker(name):
    async with lock:
        await asyncio.sleep(0)
    return f"{name}: ok"


async def main():
    results = await asyncio.gather(worker("a"), worker("b"), return_exceptions=True)
    for r in results:
        print(r if isinstance(r, str) else f"{type(r).__name__}: ...{str(r).split('>')[-1]}")


asyncio.run(main())  # b waits for the lock: the lock binds to this loop
asyncio.run(main())  # a new loop: b's wait cannot use the lock any more

# Output:
# a: ok
# b: ok
# a: ok
# RuntimeError: ... is bound to a different event loop
