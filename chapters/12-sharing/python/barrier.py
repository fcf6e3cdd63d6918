import asyncio


async def worker(name, barrier, delay, log):
    await asyncio.sleep(delay)  # some work of different lengths
    log.append(f"{name} arrives")
    await barrier.wait()  # nobody passes until all three have arrived
    log.append(f"{name} passes")


async def main():
    barrier = asyncio.Barrier(3)  # new in Python 3.11
    log = []
    await asyncio.gather(*(worker(n, barrier, d, log) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.02)]))
    print(log[:3])
    print(sorted(log[3:]))


asyncio.run(main())

# Output:
# ['b arrives', 'c arrives', 'a arrives']
# ['a passes', 'b passes', 'c passes']
