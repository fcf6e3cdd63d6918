import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        # Wrong: the cancellation is swallowed, not re-raised.
        print("stubborn: swallowed it; cancelling() =", asyncio.current_task().cancelling())
    await asyncio.sleep(0.1)
    return "finished anyway"


async def main():
    async with asyncio.timeout(0.1) as t:
        result = await stubborn()
    print("main:", result, "- no TimeoutError; expired() =", t.expired())


asyncio.run(main())

# Output:
# stubborn: swallowed it; cancelling() = 1
# main: finished anyway - no TimeoutError; expired() = True
