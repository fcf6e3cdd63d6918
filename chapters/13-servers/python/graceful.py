# needs: Python 3.12
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)  # Unix only
    started, finish = asyncio.Event(), asyncio.Event()

    async def handle(reader, writer):
        job = (await reader.readline()).decode().strip()
        started.set()
        await finish.wait()  # a request in flight
        writer.write(f"{job}: done\n".encode())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"upload\n")
    await started.wait()

    os.kill(os.getpid(), signal.SIGTERM)  # what `kill PID` sends
    await stop.wait()
    print("server: SIGTERM; closing the listener")
    server.close()  # stop accepting; connections stay open
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("new client: connection refused")

    draining = asyncio.create_task(server.wait_closed())
    await asyncio.sleep(0)
    print("wait_closed() waits for the request in flight:", not draining.done())
    finish.set()
    async with asyncio.timeout(10):  # the grace period
        await draining
    print("server: every connection closed")
    print("client got:", (await reader.readline()).decode().strip())
    writer.close()


asyncio.run(main())

# Output:
# server: SIGTERM; closing the listener
# new client: connection refused
# wait_closed() waits for the request in flight: True
# server: every connection closed
# client got: upload: done
