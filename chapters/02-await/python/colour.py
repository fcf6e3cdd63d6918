import asyncio


async def fetch():
    await asyncio.sleep(0.1)
    return "data"


# A plain def cannot await: the compiler refuses it.
try:
    compile("def report():\n    return await fetch()\n", "report.py", "exec")
except SyntaxError as err:
    print("SyntaxError:", err.msg)

# Calling an async def from a plain def gives a coroutine object, not data.
coro = fetch()
print(type(coro).__name__)
coro.close()

# A plain def can start a loop of its own...
print(asyncio.run(fetch()))


# ...but not from inside async code, where a loop is already running.
async def main():
    coro = fetch()
    try:
        asyncio.run(coro)
    except RuntimeError as err:
        print("RuntimeError:", err)
    finally:
        coro.close()


asyncio.run(main())

# Output:
# SyntaxError: 'await' outside async function
# coroutine
# data
# RuntimeError: asyncio.run() cannot be called from a running event loop
