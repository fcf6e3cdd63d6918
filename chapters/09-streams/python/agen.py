# An async generator: `async def` with `yield`. `async for` pulls one value at
# a time; the generator runs only when the loop asks for the next value.
import asyncio


async def ticks(n):
    for i in range(1, n + 1):
        await asyncio.sleep(0.01)  # wait for the next value (I/O, a timer...)
        print(f"  ticks: yield {i}")
        yield i


async def main():
    async for t in ticks(3):
        print(f"main: got {t}")


asyncio.run(main())

# Output:
# ticks: yield 1
# main: got 1
# ticks: yield 2
# main: got 2
# ticks: yield 3
# main: got 3
