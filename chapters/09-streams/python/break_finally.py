# Leaving an `async for` early does not run the generator's `finally`.
# It runs when someone calls aclose(): you, contextlib.aclosing, or asyncio's
# async-generator hooks (when the generator is garbage collected, or when
# asyncio.run shuts the loop down).
import asyncio
import contextlib


async def ticks(name):
    try:
        for i in range(1, 100):
            await asyncio.sleep(0)
            yield i
    finally:
        print(f"{name}: finally")


async def main():
    gen = ticks("kept")  # we keep a reference, so it is not collected
    async for t in gen:
        if t == 2:
            break
    print("main: after break")
    await asyncio.sleep(0.01)
    print("main: 10 ms later, still no finally")

    async with contextlib.aclosing(ticks("aclosing")) as gen2:
        async for t in gen2:
            if t == 2:
                break
        print("main: after break, inside async with")
    print("main: after async with")
    print("main: returns")


asyncio.run(main())  # shutdown_asyncgens() calls aclose() on "kept"
print("after asyncio.run")

# Output:
# main: after break
# main: 10 ms later, still no finally
# main: after break, inside async with
# aclosing: finally
# main: after async with
# main: returns
# kept: finally
# after asyncio.run
