import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def log(message):
    print(f"[{request_id.get()}] {message}")


async def audit():
    log("audit: sees the ID of the task that created it")
    request_id.set("changed-in-child")
    log("audit: set its own copy")


async def handle(rid):
    request_id.set(rid)  # each gather()ed coroutine runs in a task with its own copy
    log("handler: start")
    await asyncio.create_task(audit())  # create_task copies the current context
    log("handler: unchanged after the child's set()")


async def main():
    await asyncio.gather(handle("req-1"), handle("req-2"))
    log("main: sees neither")


asyncio.run(main())

# Output:
# [req-1] handler: start
# [req-2] handler: start
# [req-1] audit: sees the ID of the task that created it
# [changed-in-child] audit: set its own copy
# [req-2] audit: sees the ID of the task that created it
# [changed-in-child] audit: set its own copy
# [req-1] handler: unchanged after the child's set()
# [req-2] handler: unchanged after the child's set()
# [-] main: sees neither
