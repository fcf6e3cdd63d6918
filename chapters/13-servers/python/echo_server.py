import asyncio


async def echo(reader, writer):
    # One task per connection: start_server runs this coroutine for each client.
    while line := await reader.readline():  # b"" once the client has closed its side
        writer.write(line)  # into the transport's buffer: never blocks
        await writer.drain()  # waits while that buffer is too full
    print("server: the client closed its side")
    writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)  # port 0: the system picks
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["hello", "world"]:
        writer.write(word.encode() + b"\n")
        await writer.drain()
        print("client got:", (await reader.readline()).decode().strip())
    writer.write_eof()  # close the sending side only
    print("client: then the server closed:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()
    server.close()


asyncio.run(main())

# Output:
# client got: hello
# client got: world
# server: the client closed its side
# client: then the server closed: True
