# A timer's callback completes a future. Nothing runs on the spot: set_result
# schedules the future's callbacks with call_soon (the done-callback, then the
# wake-up of the task awaiting it), and they run in the next iteration, in the
# order they were registered.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"the done-callback sees {f.result()!r}"))

    def timer():
        print("the timer's callback sets the result")
        fut.set_result("ready")
        print("set_result has returned: nothing else has run yet")

    loop.call_later(0.2, timer)
    print(f"main awaited {await fut!r}")


asyncio.run(main())

# Output:
# the timer's callback sets the result
# set_result has returned: nothing else has run yet
# the done-callback sees 'ready'
# main awaited 'ready'
