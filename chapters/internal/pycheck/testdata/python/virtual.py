# A fixture for pycheck's own tests: it runs only on the virtual clock (on a
# real one it would take an hour), as __main__, in its own directory.
import asyncio
import os
import sys
import time


async def main():
    print("loop:", type(asyncio.get_running_loop()).__name__)
    start = time.perf_counter()
    await asyncio.sleep(3600)
    print("slept an hour:", time.perf_counter() - start >= 3600)


print("__name__:", __name__)
print("argv:", sys.argv)
print("sys.path[0] is the listing's directory:", sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print("relative paths from its directory:", os.path.exists("virtual.py"))
asyncio.run(main())

# Output:
# __name__: __main__
# argv: ['virtual.py']
# sys.path[0] is the listing's directory: True
# relative paths from its directory: True
# loop: VirtualLoop
# slept an hour: True
