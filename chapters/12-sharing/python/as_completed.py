import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # a request that takes this long
    return name


async def main():
    calls = [fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02)]
    for next_done in asyncio.as_completed(calls):  # all three start at once
        print(await next_done)  # the earliest result not yet taken


asyncio.run(main())

# Output:
# b
# c
# a
