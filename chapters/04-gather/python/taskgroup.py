# needs: Python 3.11
# TaskGroup: the first failure cancels the other tasks; the group waits
# for them, then raises an ExceptionGroup of the failures.
# (The group keeps its tasks in a set: a and c are cancelled in either order.)
import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("boom")

async def slow(name):
    try:
        await asyncio.sleep(1)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise                                       # let it propagate

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("a"))
            tg.create_task(fail())
            tg.create_task(slow("c"))
    except* ValueError as eg:
        print("TaskGroup raised:", repr(eg.exceptions))

asyncio.run(main())

# Unordered output:
# a cancelled
# c cancelled
# TaskGroup raised: (ValueError('boom'),)
