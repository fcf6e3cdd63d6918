import asyncio


def crunch(n):
    """Pure-Python CPU work: no await, no I/O."""
    h = 0
    for i in range(n):
        h = (h * 31 + i) % 1_000_003
    return h


async def hog(name, log):
    for part in range(1, 3):
        crunch(100_000)  # holds the loop: nothing else runs meanwhile
        log.append(f"{name}{part}")


async def polite(name, log):
    for part in range(1, 3):
        crunch(100_000)
        log.append(f"{name}{part}")
        await asyncio.sleep(0)  # gives the loop back between chunks


async def main():
    for kind in (hog, polite):
        log = []
        await asyncio.gather(kind("a", log), kind("b", log), kind("c", log))
        print(f"{kind.__name__:6}", " ".join(log))


asyncio.run(main())

# Output:
# hog    a1 a2 b1 b2 c1 c2
# polite a1 b1 c1 a2 b2 c2
