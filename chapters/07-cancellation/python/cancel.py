import asyncio


async def worker():
    try:
        await asyncio.sleep(1)  # CancelledError is raised here
    except Exception:
        print("worker: never printed, CancelledError is not an Exception")
    finally:
        print("worker: cleaning up")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)  # let the worker reach its await
    task.cancel()
    print("main: cancel requested; cancelling() =", task.cancelling(), "done() =", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: worker cancelled:", task.cancelled())
    print("issubclass(CancelledError, Exception):", issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())

# Output:
# main: cancel requested; cancelling() = 1 done() = False
# worker: cleaning up
# main: worker cancelled: True
# issubclass(CancelledError, Exception): False
