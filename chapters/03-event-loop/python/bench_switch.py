# not run: benchmark, run by make bench
#
# The cost of one task switch in asyncio: N tasks each await asyncio.sleep(0)
# (a bare yield: one loop iteration) many times. Prints nanoseconds per switch
# in the format of Go benchmarks, so one parser (tools/benchtable) reads the
# Go and the Python results. Five runs per task count, like go test -count 5.
import asyncio
import platform
import time

SWITCHES = 300_000  # per run, spread over the tasks
RUNS = 5


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def measure(tasks):
    per_task = max(1, SWITCHES // tasks)
    workers = [asyncio.create_task(worker(per_task)) for _ in range(tasks)]
    start = time.perf_counter_ns()  # the tasks exist but have not run yet
    await asyncio.gather(*workers)
    elapsed = time.perf_counter_ns() - start
    total = per_task * tasks
    return total, elapsed / total


def main():
    print(f"python: {platform.python_version()}")
    for tasks in (1, 100, 10_000):
        for _ in range(RUNS):
            total, ns = asyncio.run(measure(tasks))
            print(f"BenchmarkAsyncioSwitch/tasks={tasks} \t{total:8d}\t{ns:10.1f} ns/op")


main()

# Output (the figures differ from run to run and machine to machine):
# python: 3.11.7
# BenchmarkAsyncioSwitch/tasks=1 	  300000	    1234.5 ns/op
# ... five lines for tasks=1, then five for tasks=100 and five for tasks=10000
