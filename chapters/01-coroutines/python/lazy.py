import asyncio


async def fetch(name):
    print(f"{name}: start")
    await asyncio.sleep(0)  # a suspension point: back to the event loop
    print(f"{name}: done")
    return f"{name}-result"


async def main():
    coro = fetch("a")  # runs nothing: it only builds a coroutine object
    print("main: fetch('a') gave a", type(coro).__name__)
    print("main: await gave", await coro)  # now it runs, to its end

    task = asyncio.create_task(fetch("b"))  # scheduled, not started
    print("main: task created")
    await asyncio.sleep(0)  # main yields; the loop runs b to its first await
    print("main: back")
    print("main: await task gave", await task)


asyncio.run(main())

# Output:
# main: fetch('a') gave a coroutine
# a: start
# a: done
# main: await gave a-result
# main: task created
# b: start
# main: back
# b: done
# main: await task gave b-result
