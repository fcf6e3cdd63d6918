import asyncio


async def work(delay):
    await asyncio.sleep(delay)


async def fail(name, delay):
    await asyncio.sleep(delay)
    print(f"{name}: fails")
    raise ValueError(f"{name}: boom")


async def close_badly(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, and its clean-up fails")
        raise ConnectionError(f"{name}: close failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(work(0.3))
            tg.create_task(fail("b", 0.1))
            tg.create_task(close_badly("c", 0.3))
    except* ValueError as eg:
        print("main: ValueError group:", [str(e) for e in eg.exceptions])
    except* ConnectionError as eg:
        print("main: ConnectionError group:", [str(e) for e in eg.exceptions])
    print("main: a cancelled:", a.cancelled())


asyncio.run(main())

# Output:
# b: fails
# c: cancelled, and its clean-up fails
# main: ValueError group: ['b: boom']
# main: ConnectionError group: ['c: close failed']
# main: a cancelled: True
