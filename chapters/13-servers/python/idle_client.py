import asyncio

IDLE = 0.1  # seconds of silence the server accepts


async def echo(reader, writer):
    try:
        while True:
            async with asyncio.timeout(IDLE):  # a deadline for each line
                line = await reader.readline()
            if not line:
                break
            writer.write(line)
            await writer.drain()
    except TimeoutError:
        print(f"server: silent for {IDLE}s, hanging up")
    writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    # The client says nothing, and waits for what the server does.
    print("client: the server hung up:", await reader.read() == b"")
    writer.close()
    server.close()


asyncio.run(main())

# Output:
# server: silent for 0.1s, hanging up
# client: the server hung up: True
