# When nothing refers to the generator any more, CPython frees it at once and
# asyncio's finalizer hook (set with sys.set_asyncgen_hooks) schedules
# aclose() as a new task. The `finally` runs later, in that other task.
import asyncio


async def ticks():
    try:
        for i in range(1, 100):
            await asyncio.sleep(0)
            yield i
    finally:
        print(f"ticks: finally, in {asyncio.current_task().get_name()}")


async def main():
    async for t in ticks():  # the loop holds the only reference
        if t == 2:
            break
    print(f"main: after break, in {asyncio.current_task().get_name()}")
    for turn in range(1, 4):
        await asyncio.sleep(0)  # give the event loop one turn
        print(f"main: after loop turn {turn}")


asyncio.run(main())

# Output:
# main: after break, in Task-1
# main: after loop turn 1
# ticks: finally, in Task-2
# main: after loop turn 2
# main: after loop turn 3
