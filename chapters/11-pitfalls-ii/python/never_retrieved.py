import asyncio
import gc


async def save(record):
    raise ValueError(f"cannot save {record!r}")


async def main():
    reports = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: reports.append(ctx))

    asyncio.create_task(save("order 17"))  # fire and forget
    await asyncio.sleep(0)  # the task runs and fails; nobody awaits it
    print("main: carries on as if nothing happened")

    gc.collect()  # the failure surfaces only when the task is destroyed
    for ctx in reports:
        print("loop:", ctx["message"], "-", repr(ctx["exception"]))


asyncio.run(main())

# Output:
# main: carries on as if nothing happened
# loop: Task exception was never retrieved - ValueError("cannot save 'order 17'")
