import asyncio
import threading


def blocking_read(ready: threading.Event) -> str:
    """Stands for a blocking call, such as a socket read in a sync library:
    it waits, holding its thread, until another part of the program acts."""
    return "data" if ready.wait(timeout=0.5) else "timed out"


async def ticker(ready, log):
    for i in range(1, 4):
        await asyncio.sleep(0.02)
        log.append(f"tick {i}")
    ready.set()  # the data arrives


async def direct(ready):
    return blocking_read(ready)  # runs on the loop's thread: the loop stops


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
