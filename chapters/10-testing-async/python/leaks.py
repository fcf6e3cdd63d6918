import asyncio
import gc
import logging


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


async def wait_forever(name):
    try:
        await asyncio.Event().wait()  # nothing will ever set it
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run, no warning")
        raise


async def main():
    # Still pending when main returns: asyncio.run cancels it, silently.
    kept = asyncio.create_task(wait_forever("kept"))
    # Nobody keeps a reference: the garbage collector may destroy it.
    asyncio.create_task(wait_forever("dropped"))
    await asyncio.sleep(0)  # both start, both wait
    gc.collect()
    print("main returns; kept is done:", kept.done())


log = Collect()
logging.getLogger("asyncio").addHandler(log)
asyncio.run(main())
for m in log.messages:
    print("asyncio logged:", m.splitlines()[0])

# Output:
# main returns; kept is done: False
# kept cancelled by asyncio.run, no warning
# asyncio logged: Task was destroyed but it is pending!
