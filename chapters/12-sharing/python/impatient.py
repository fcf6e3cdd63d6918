import asyncio


async def load_config():
    await asyncio.sleep(0.05)
    return "config v1"


async def patient(aw):
    return await aw


async def impatient(aw):
    try:
        return await asyncio.wait_for(aw, timeout=0.01)
    except TimeoutError:
        return "gave up"  # ...and wait_for cancelled what it waited for


def show(results):
    return [r if isinstance(r, str) else type(r).__name__ for r in results]


async def main():
    task = asyncio.create_task(load_config())  # shared by two waiters
    results = await asyncio.gather(patient(task), impatient(task), return_exceptions=True)
    print("shared:  ", show(results))

    task = asyncio.create_task(load_config())
    results = await asyncio.gather(patient(task), impatient(asyncio.shield(task)), return_exceptions=True)
    print("shielded:", show(results))


asyncio.run(main())

# Output:
# shared:   ['CancelledError', 'gave up']
# shielded: ['config v1', 'gave up']
