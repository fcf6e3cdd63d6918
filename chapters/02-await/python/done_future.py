import asyncio


async def count_turns(turns):
    """Adds one each time the loop hands it control."""
    while True:
        turns[0] += 1
        await asyncio.sleep(0)  # a bare yield: gives up one loop iteration


async def main():
    loop = asyncio.get_running_loop()
    turns = [0]
    counter = asyncio.create_task(count_turns(turns))
    await asyncio.sleep(0)  # let the counter start

    finished = loop.create_future()
    finished.set_result("ready")
    before = turns[0]
    for _ in range(1000):
        await finished  # done: __await__ returns without yielding
    print("awaited a finished future 1000 times; the counter ran", turns[0] - before, "times")

    pending = loop.create_future()
    loop.call_soon(pending.set_result, "ready")
    before = turns[0]
    await pending  # not done: main yields and the loop runs others
    print("awaited a pending future once; the counter ran", turns[0] - before, "times")
    counter.cancel()


asyncio.run(main())

# Output:
# awaited a finished future 1000 times; the counter ran 0 times
# awaited a pending future once; the counter ran 2 times
