import asyncio
import gc


async def wait_for_reply(name):
    # Waits for a reply that only this coroutine knows about, like a
    # request whose connection has been dropped.
    reply = asyncio.get_running_loop().create_future()
    print(f"{name}: waiting")
    await reply
    print(f"{name}: got the reply")  # never printed


background = set()  # strong references to tasks we do not await


def spawn(coro, name):
    task = asyncio.create_task(coro, name=name)
    background.add(task)
    task.add_done_callback(background.discard)  # forget it once it is done
    return task


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: print("loop:", ctx["message"]))

    asyncio.create_task(wait_for_reply("forgotten"), name="forgotten")
    kept = spawn(wait_for_reply("kept"), "kept")
    await asyncio.sleep(0)  # both tasks start and block on their futures

    gc.collect()  # the loop held "forgotten" only by a weak reference
    others = asyncio.all_tasks() - {asyncio.current_task()}
    print("tasks still alive:", sorted(t.get_name() for t in others))

    kept.cancel()
    await asyncio.gather(kept, return_exceptions=True)
    print("background tasks left:", len(background))


asyncio.run(main())

# Output:
# forgotten: waiting
# kept: waiting
# loop: Task was destroyed but it is pending!
# tasks still alive: ['kept']
# background tasks left: 0
