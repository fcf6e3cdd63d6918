# return_exceptions=True: every slot holds a result or the exception
# raised there, in argument order; a failure cancels nothing.
import asyncio

async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error:
        raise error
    return f"body of {name}"

async def main():
    results = await asyncio.gather(
        fetch("a", 0.2),
        fetch("b", 0.1, LookupError("404 Not Found")),
        fetch("c", 0.3),
        return_exceptions=True,
    )
    for r in results:
        print(repr(r))

asyncio.run(main())

# Output:
# 'body of a'
# LookupError('404 Not Found')
# 'body of c'
