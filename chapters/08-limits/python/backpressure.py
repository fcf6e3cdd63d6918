import asyncio

DONE = object()  # the sentinel: "no more items" (works on every Python 3)


async def producer(q, log):
    for i in range(5):
        await q.put(i)  # waits only while a bounded queue is full
        log.append(f"put {i}")
    await q.put(DONE)
    log.append("producer done")


async def consumer(q, log):
    while (item := await q.get()) is not DONE:
        log.append(f"got {item}")
        await asyncio.sleep(0.02)  # the slow work on one item


async def run(maxsize):
    q = asyncio.Queue(maxsize)  # maxsize=0, the default, means unbounded
    log = []
    await asyncio.gather(producer(q, log), consumer(q, log))
    print(f"maxsize={maxsize}:", ", ".join(log))


asyncio.run(run(0))
asyncio.run(run(2))

# Output:
# maxsize=0: put 0, put 1, put 2, put 3, put 4, producer done, got 0, got 1, got 2, got 3, got 4
# maxsize=2: put 0, put 1, got 0, put 2, got 1, put 3, got 2, put 4, got 3, producer done, got 4
