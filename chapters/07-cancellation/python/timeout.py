import asyncio


async def fetch(delay):
    await asyncio.sleep(delay)
    return "data"


async def main():
    try:
        async with asyncio.timeout(0.1):
            await fetch(1)
    except TimeoutError:
        print("timeout: gave up on the slow fetch")

    try:
        await asyncio.wait_for(fetch(1), timeout=0.1)
    except TimeoutError:
        print("wait_for: gave up too")

    print("fast fetch:", await asyncio.wait_for(fetch(0.01), timeout=0.1))
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())

# Output:
# timeout: gave up on the slow fetch
# wait_for: gave up too
# fast fetch: data
# asyncio.TimeoutError is TimeoutError: True
