import asyncio
import threading


def blocking_read(name):  # a blocking call: it must not run on the loop
    return f"contents of {name}"


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()

    # The loop waits for a thread: to_thread runs the call in a worker thread.
    print(await asyncio.to_thread(blocking_read, "a.txt"))

    # A thread hands a value to the loop. Futures are not thread-safe: the
    # thread asks the loop to call set_result for it, on the loop's thread.
    fut = loop.create_future()
    thread = threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "ready"))
    thread.start()
    print("the thread sent", await fut)
    thread.join()

    # A thread runs a coroutine on the loop and blocks until it is done.
    def in_a_thread():
        future = asyncio.run_coroutine_threadsafe(double(21), loop)
        return future.result()  # a concurrent.futures.Future: this thread waits

    print("the thread got", await asyncio.to_thread(in_a_thread))


asyncio.run(main())

# Output:
# contents of a.txt
# the thread sent ready
# the thread got 42
