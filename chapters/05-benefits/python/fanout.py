# Ten requests to a local server that takes 0.1 s to answer each one:
# first one after another, then all at once with gather.
import asyncio
import time

DELAY = 0.1


async def handle(reader, writer):
    line = await reader.readline()
    await asyncio.sleep(DELAY)  # the slow backend
    writer.write(b"reply to " + line)
    await writer.drain()
    writer.close()


async def fetch(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{i}\n".encode())
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        start = time.perf_counter()
        sequential = [await fetch(port, i) for i in range(10)]
        seq_time = time.perf_counter() - start

        start = time.perf_counter()
        concurrent = await asyncio.gather(*(fetch(port, i) for i in range(10)))
        conc_time = time.perf_counter() - start

    print(concurrent[0], "...", concurrent[-1])
    print("same replies, same order:", sequential == concurrent)
    # Ten waits of 0.1 s one after another cannot take less than 1 s;
    # overlapped they finish far sooner than the 0.5 s checked here.
    print("sequential took at least 1 s:", seq_time >= 10 * DELAY)
    print("concurrent took under half a second:", conc_time < 0.5)


asyncio.run(main())

# Output:
# reply to 0 ... reply to 9
# same replies, same order: True
# sequential took at least 1 s: True
# concurrent took under half a second: True
