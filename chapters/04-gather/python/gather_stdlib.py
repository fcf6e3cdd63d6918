# The same program with the standard library only: a tiny HTTP server on
# 127.0.0.1 (port chosen by the OS) and a client built on open_connection.
import asyncio

DELAYS = {"/slow": 0.3, "/medium": 0.2, "/fast": 0.1}

async def serve(reader, writer):
    request_line = await reader.readline()          # b"GET /slow HTTP/1.1"
    path = request_line.split()[1].decode()
    while await reader.readline() not in (b"\r\n", b""):
        pass                                        # skip the headers
    await asyncio.sleep(DELAYS[path])
    body = f"page {path}".encode()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n%s" % (len(body), body))
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def fetch_url(host, port, path):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    response = await reader.read()                  # until the server closes
    writer.close()
    await writer.wait_closed()
    print("arrived:", path)
    return response.split(b"\r\n\r\n", 1)[1].decode()

async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    async with server:
        paths = ["/slow", "/medium", "/fast"]
        pages = await asyncio.gather(*(fetch_url(host, port, p) for p in paths))
        print(pages)                                # argument order

asyncio.run(main())

# Output:
# arrived: /fast
# arrived: /medium
# arrived: /slow
# ['page /slow', 'page /medium', 'page /fast']
