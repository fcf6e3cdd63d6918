import asyncio
import warnings


async def save(record):
    await asyncio.sleep(0)
    print("saved", record)


async def main():
    # Forgot the await: this makes a coroutine object and drops it unrun.
    save("a")
    await save("b")


warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    asyncio.run(main(), debug=True)

for w in caught:
    first, *traceback = str(w.message).splitlines()
    print(f"{w.category.__name__}: {first}")
    print(" ", traceback[0])  # only in debug mode: where it was created
    print("  ...", traceback[-1].strip())

# Output:
# saved b
# RuntimeWarning: coroutine 'save' was never awaited
#   Coroutine created at (most recent call last)
#   ... save("a")
