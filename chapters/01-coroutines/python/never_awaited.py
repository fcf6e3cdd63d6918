import gc
import warnings


async def fetch(name):
    print(f"{name}: start")  # never printed


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    coro = fetch("a")
    del coro  # dropped without ever being awaited
    gc.collect()

for w in caught:
    print(f"{w.category.__name__}: {w.message}")

# Output:
# RuntimeWarning: coroutine 'fetch' was never awaited
