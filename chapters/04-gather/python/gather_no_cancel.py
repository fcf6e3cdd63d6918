# Plain gather: the first exception reaches the awaiter at once,
# and the other awaitables keep running. Nothing is cancelled.
import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("boom")

async def slow():
    await asyncio.sleep(0.2)
    print("slow: finished anyway")
    return "slow result"

async def main():
    slow_task = asyncio.create_task(slow())         # keep a reference
    try:
        await asyncio.gather(fail(), slow_task)
    except ValueError as e:
        print("gather raised:", e)
    print("slow_task done?", slow_task.done())
    print("slow_task result:", await slow_task)     # it was never cancelled

asyncio.run(main())

# Output:
# gather raised: boom
# slow_task done? False
# slow: finished anyway
# slow_task result: slow result
