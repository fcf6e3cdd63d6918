import asyncio
from concurrent.futures import ProcessPoolExecutor


def crunch(n):
    h = 0
    for i in range(n):
        h = (h * 31 + i) % 1_000_003
    return h


async def main():
    loop = asyncio.get_running_loop()
    # Each worker is a separate Python process with its own GIL: the four
    # calls can run on four cores. Arguments and results are pickled.
    with ProcessPoolExecutor(max_workers=4) as pool:
        calls = [loop.run_in_executor(pool, crunch, n) for n in (100_000, 200_000, 300_000, 400_000)]
        print(await asyncio.gather(*calls))  # in argument order


if __name__ == "__main__":  # the workers import this file; they must not rerun main
    asyncio.run(main())

# Output:
# [933429, 796956, 78778, 256185]
