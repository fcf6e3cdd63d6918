# needs: Python 3.13
import asyncio


async def worker():
    try:
        await asyncio.sleep(0.1)
        print("worker: ran to the end")
    except asyncio.CancelledError:
        print("worker: cancelled")
        raise


async def main():
    task = asyncio.create_task(worker())  # scheduled, not started yet
    task.cancel()  # a pending request: cancelling() is 1
    print("uncancel() returns", task.uncancel())  # back to 0: 3.13+ drops the request
    await task


asyncio.run(main())

# Output:
# uncancel() returns 0
# worker: ran to the end
