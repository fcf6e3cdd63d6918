# Three tasks sleep 0.3 s, 0.1 s and 0.2 s on one event loop. They sleep at
# the same time: the whole run takes about 0.3 s, not 0.6 s, and gather
# returns the results in argument order, not in finishing order.
import asyncio
import time


async def sleeper(name, delay):
    await asyncio.sleep(delay)  # the task yields a future; the loop resumes it later
    print(f"{name} woke up")
    return name


async def main():
    start = time.perf_counter()
    names = await asyncio.gather(
        sleeper("sleep 0.3s", 0.3),
        sleeper("sleep 0.1s", 0.1),
        sleeper("sleep 0.2s", 0.2),
    )
    elapsed = time.perf_counter() - start
    print("gathered", names)
    print("less than 0.6s in all:", elapsed < 0.55)


asyncio.run(main())

# Output:
# sleep 0.1s woke up
# sleep 0.2s woke up
# sleep 0.3s woke up
# gathered ['sleep 0.3s', 'sleep 0.1s', 'sleep 0.2s']
# less than 0.6s in all: True
