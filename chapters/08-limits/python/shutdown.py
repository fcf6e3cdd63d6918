# needs: Python 3.13
import asyncio


async def consumer(q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:  # shut down and empty: we are done
            print("consumer: queue shut down")
            return
        print("got", item)


async def main():
    q = asyncio.Queue(maxsize=2)
    task = asyncio.create_task(consumer(q))
    for i in range(3):
        await q.put(i)
    q.shutdown()  # like close(ch): no more puts; gets drain what is left
    await task
    try:
        await q.put(3)
    except asyncio.QueueShutDown:
        print("put after shutdown: QueueShutDown")


asyncio.run(main())

# Output:
# got 0
# got 1
# got 2
# consumer: queue shut down
# put after shutdown: QueueShutDown
