import asyncio


class Gauge:
    """Counts the jobs in flight and remembers the most there ever were."""

    def __init__(self):
        self.now = self.max = 0


async def job(sem, gauge, i):
    async with sem:  # waits while 3 jobs hold the semaphore
        gauge.now += 1
        gauge.max = max(gauge.max, gauge.now)
        await asyncio.sleep(0.1)  # the slow part: a request, a query
        gauge.now -= 1
        return i * i


async def main():
    sem = asyncio.Semaphore(3)
    gauge = Gauge()
    # All ten tasks exist at once; seven of them wait inside the semaphore.
    results = await asyncio.gather(*(job(sem, gauge, i) for i in range(10)))
    print("results:", results)
    print("most in flight:", gauge.max)


asyncio.run(main())

# Output:
# results: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
# most in flight: 3
