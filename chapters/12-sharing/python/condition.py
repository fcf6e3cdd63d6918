import asyncio


class Progress:
    done = 0


async def watcher(cond, progress, target):
    async with cond:
        await cond.wait_for(lambda: progress.done >= target)  # loops for you
        print(f"watcher {target}: saw {progress.done}")


async def main():
    cond = asyncio.Condition()
    progress = Progress()
    watchers = [asyncio.create_task(watcher(cond, progress, n)) for n in (2, 4)]
    for _ in range(4):
        await asyncio.sleep(0.01)  # a unit of work
        async with cond:
            progress.done += 1
            cond.notify_all()  # every watcher wakes and checks its target
    await asyncio.gather(*watchers)

    try:  # a Condition wait can time out too
        async with asyncio.timeout(0.01):
            await watcher(cond, progress, 10)
    except TimeoutError:
        print("watcher 10: gave up")


asyncio.run(main())

# Output:
# watcher 2: saw 2
# watcher 4: saw 4
# watcher 10: gave up
