import asyncio


async def main():
    started, finish, handled = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def handle(reader, writer):
        job = (await reader.readline()).decode().strip()
        print("server: working on", job)
        started.set()
        await finish.wait()  # the work; no CancelledError arrives here
        print("server: finished", job, "- nobody cancelled the task")
        rest = await reader.read()
        print("server: the next read returns", rest, "- the client is gone")
        writer.close()
        handled.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"report\n")
    await started.wait()
    writer.close()  # the client gives up
    await writer.wait_closed()
    print("client: gave up and closed the connection")

    finish.set()
    await handled.wait()
    server.close()


asyncio.run(main())

# Output:
# server: working on report
# client: gave up and closed the connection
# server: finished report - nobody cancelled the task
# server: the next read returns b'' - the client is gone
