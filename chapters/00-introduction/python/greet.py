import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    return f"hello, {name}"


async def main():
    names = ["Ada", "Grace", "Guido"]
    greetings = await asyncio.gather(*(greet(n, 0.1) for n in names))
    for g in greetings:
        print(g)


asyncio.run(main())

# Output:
# hello, Ada
# hello, Grace
# hello, Guido
