import asyncio

MiB = 1 << 20


async def main():
    loop = asyncio.get_running_loop()
    connected = loop.create_future()

    async def handle(reader, writer):
        connected.set_result(writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = await connected  # the server's side of the connection

    for _ in range(32):
        out.write(b"x" * MiB)  # the client reads nothing yet
    # What the kernel's socket buffers did not take waits in the process.
    print("after 32 writes, over 16 MiB wait in memory:", out.transport.get_write_buffer_size() > 16 * MiB)

    drained = asyncio.create_task(out.drain())
    await asyncio.sleep(0)
    print("drain() waits while nobody reads:", not drained.done())

    await reader.readexactly(32 * MiB)  # the client reads it all
    await drained
    print("drain() returned once the client had read")

    for w in (writer, out):
        w.close()
        await w.wait_closed()
    server.close()


asyncio.run(main())

# Output:
# after 32 writes, over 16 MiB wait in memory: True
# drain() waits while nobody reads: True
# drain() returned once the client had read
