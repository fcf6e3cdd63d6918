import asyncio
import os
import signal


async def main():
    try:
        print("main: serving; press Ctrl-C")
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C sends
        await asyncio.Event().wait()  # serve forever
    except asyncio.CancelledError:
        print("main: cancelled by the first Ctrl-C; cleaning up")
        raise
    finally:
        print("main: finally runs")


# Python's own Ctrl-C handler, which asyncio.run replaces while it runs. (A
# process started with SIGINT ignored, as a shell's background job, lacks it.)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")

# Output:
# main: serving; press Ctrl-C
# main: cancelled by the first Ctrl-C; cleaning up
# main: finally runs
# asyncio.run raised KeyboardInterrupt
