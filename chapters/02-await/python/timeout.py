import asyncio


async def slow():
    try:
        await asyncio.sleep(0.2)
        return "slow: done"
    except asyncio.CancelledError:
        print("slow: cancelled")
        raise


async def main():
    task = asyncio.create_task(slow())
    try:
        async with asyncio.timeout(0.1):
            await task  # the timeout cancels main, and main cancels task
    except TimeoutError:
        print("main: timed out; task cancelled:", task.cancelled())

    task = asyncio.create_task(slow())
    try:
        async with asyncio.timeout(0.1):
            await asyncio.shield(task)  # stop waiting, leave the task alone
    except TimeoutError:
        print("main: timed out; task cancelled:", task.cancelled())
    print(await task)


asyncio.run(main())

# Output:
# slow: cancelled
# main: timed out; task cancelled: True
# main: timed out; task cancelled: False
# slow: done
