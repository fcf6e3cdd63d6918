import asyncio


async def worker(q, results):
    while True:  # runs until cancelled
        n = await q.get()
        try:
            await asyncio.sleep(0.01 * n)  # the work
            results.append(n * n)
        finally:
            q.task_done()  # one task_done() for every get(), even on error


async def main():
    q = asyncio.Queue()
    for n in range(1, 7):
        q.put_nowait(n)
    results = []
    workers = [asyncio.create_task(worker(q, results)) for _ in range(3)]
    await q.join()  # until every item put has been marked done
    for w in workers:
        w.cancel()  # the workers wait in q.get() for ever: stop them
    await asyncio.gather(*workers, return_exceptions=True)
    print("results:", sorted(results))


asyncio.run(main())

# Output:
# results: [1, 4, 9, 16, 25, 36]
