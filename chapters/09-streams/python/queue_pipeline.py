# A pipeline on asyncio.Queue: one producer, three workers (fan-out), one
# results queue (fan-in). Results arrive in the order the work finishes;
# the index that travels with each item puts them back in input order.
import asyncio

UNIT = 0.04  # seconds; every delay is a multiple of it
ITEMS = [("a", 6), ("b", 1), ("c", 3), ("d", 4), ("e", 1), ("f", 3)]
WORKERS = 3


async def produce(jobs):
    for i, item in enumerate(ITEMS):
        await jobs.put((i, item))  # waits while the queue is full
    for _ in range(WORKERS):
        await jobs.put(None)  # one stop signal per worker


async def work(jobs, results):
    while (job := await jobs.get()) is not None:
        i, (word, units) = job
        await asyncio.sleep(units * UNIT)  # the slow part: I/O, say
        await results.put((i, word.upper()))
    await results.put(None)  # this worker is done


async def main():
    jobs = asyncio.Queue(maxsize=2)  # bounded: the producer cannot run ahead
    results = asyncio.Queue()
    arrived = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(produce(jobs))
        for _ in range(WORKERS):
            tg.create_task(work(jobs, results))
        finished = 0
        while finished < WORKERS:
            result = await results.get()
            if result is None:
                finished += 1
            else:
                arrived.append(result)
    # b is the quickest job by far (1 unit; the others take 3 or more).
    index, word = arrived[0]
    print(f"first to finish: {word}, item {index} of the input")
    print("in input order:", " ".join(word for _, word in sorted(arrived)))


asyncio.run(main())

# Output:
# first to finish: B, item 1 of the input
# in input order: A B C D E F
