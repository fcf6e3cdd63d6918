import asyncio


async def runner(name, start):
    await start.wait()  # any number of tasks may wait for one Event
    print(name, "runs")


async def main():
    start = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)  # all three are waiting now
    print("set")
    start.set()  # wakes every waiter; a later wait() returns at once
    await asyncio.gather(*runners)

    try:  # a wait can time out like any other await
        await asyncio.wait_for(asyncio.Event().wait(), timeout=0.01)
    except TimeoutError:
        print("an Event nobody sets: TimeoutError")


asyncio.run(main())

# Output:
# set
# a runs
# b runs
# c runs
# an Event nobody sets: TimeoutError
