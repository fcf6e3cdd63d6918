# needs: Python 3.12
import asyncio


async def whoami():
    return asyncio.current_task()


async def main():
    inner = await asyncio.wait_for(whoami(), timeout=1)
    # 3.11 wrapped the coroutine in a new Task; 3.12+ awaits it inside
    # "async with asyncio.timeout(...)", in the caller's own task.
    print("wait_for ran it in the caller's task:", inner is asyncio.current_task())


asyncio.run(main())

# Output:
# wait_for ran it in the caller's task: True
