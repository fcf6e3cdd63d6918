import asyncio
import threading


def blocking_read(ready: threading.Event, timeout=None) -> str:
    """Stands for a blocking call, such as a socket read in a sync library:
    it waits, holding its thread, until another part of the program acts
    (or, given a timeout, until that many seconds have passed)."""
    return "data" if ready.wait(timeout) else "timed out"


async def ticker(ready, log):
    for i in range(1, 4):
        await asyncio.sleep(0.02)
        log.append(f"tick {i}")
    ready.set()  # the data arrives


async def direct(ready):
    # On the loop's thread the loop stops, and nothing can set ready:
    # without a timeout this call would wait for ever.
    return blocking_read(ready, timeout=0.1)


async def in_thread(ready):
    return await asyncio.to_thread(blocking_read, ready)  # the loop goes on


async def main():
    for call in (direct, in_thread):
        ready, log = threading.Event(), []
        tick = asyncio.create_task(ticker(ready, log))
        log.append(f"{call.__name__} returned {await call(ready)!r}")
        await tick
        print(", ".join(log))


asyncio.run(main())

# Output:
# direct returned 'timed out', tick 1, tick 2, tick 3
# tick 1, tick 2, tick 3, in_thread returned 'data'
