# not run: benchmark, run by make bench
# The memory one waiting asyncio task holds: 10,000 tasks awaiting an
# Event, measured with tracemalloc. Prints Go benchmark lines so the
# results file can hold them next to the Go figures.
import asyncio
import tracemalloc

N = 10_000
RUNS = 5


async def measure():
    event = asyncio.Event()

    async def wait():
        await event.wait()

    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(wait()) for _ in range(N)]
    await asyncio.sleep(0)  # every task runs to its await and stays there
    during = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    event.set()
    await asyncio.gather(*tasks)
    return (during - before) / N


for _ in range(RUNS):
    print(f"BenchmarkAsyncioTaskMemory 1 {asyncio.run(measure()):.0f} bytes/task")
