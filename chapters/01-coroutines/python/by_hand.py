import types


@types.coroutine
def suspend():
    yield  # hands control back to whoever called send(); asyncio.sleep(0) does this


async def countdown(name, n):
    print(f"{name}: start")
    for i in range(n, 0, -1):
        print(f"{name}: yield {i}")
        await suspend()
    print(f"{name}: end")


ready = [countdown("a", 2), countdown("b", 3)]  # nothing runs yet
while ready:
    coro = ready.pop(0)
    try:
        coro.send(None)  # resume: run to the next suspension point
        ready.append(coro)  # it suspended: it goes to the back
    except StopIteration:
        pass  # it returned

# Output:
# a: start
# a: yield 2
# b: start
# b: yield 3
# a: yield 1
# b: yield 2
# a: end
# b: yield 1
# b: end
