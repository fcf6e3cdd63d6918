# Cancelling a task throws CancelledError into it at the await where it is
# suspended. The task may clean up; then it should let the error propagate.
import asyncio


async def slow():
    try:
        await asyncio.sleep(3600)
        return 42
    except asyncio.CancelledError:
        print("slow: cancelled while sleeping")
        raise  # re-raise: the task ends as cancelled


async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(0.1)
    print("main cancels slow")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled:", task.cancelled())


asyncio.run(main())

# Output:
# main cancels slow
# slow: cancelled while sleeping
# main: the task was cancelled: True
