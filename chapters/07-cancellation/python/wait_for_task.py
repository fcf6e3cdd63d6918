# needs: Python 3.12
import asyncio


async def whoami():
    return asyncio.current_task()


async def main():
    inner = await asyncio.wait_for(whoami(), timeout=1)
    # 3.11 wrapped the coroutine in a new Task; 3.12+ awaits it inside
    # "async with asyncio.timeout(...)", in the caller's own task.
    print("timeout=1: in the caller's task:", inner is asyncio.current_task())
    # With no timeout, 3.11 already awaited it directly: True there too.
    inner = await asyncio.wait_for(whoami(), timeout=None)
    print("timeout=None: in the caller's task:", inner is asyncio.current_task())


asyncio.run(main())

# Output:
# timeout=1: in the caller's task: True
# timeout=None: in the caller's task: True
