import asyncio

calls = 0


async def load_config():
    global calls
    calls += 1
    await asyncio.sleep(0.01)  # a slow read
    return "config v1"


async def user(name, config_task):
    print(name, "got", await config_task)  # every awaiter gets the same result


async def main():
    config_task = asyncio.create_task(load_config())  # one computation
    await asyncio.gather(*(user(n, config_task) for n in ("a", "b", "c")))
    print("calls:", calls)
    print("await it again:", await config_task)  # done: no second call
    print("calls:", calls)


asyncio.run(main())

# Output:
# a got config v1
# b got config v1
# c got config v1
# calls: 1
# await it again: config v1
# calls: 1
