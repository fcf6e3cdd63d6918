import asyncio
import sys

# A child that says it is ready, then waits for a line that never comes.
CHILD = "import sys; print('child: ready', flush=True); sys.stdin.readline()"


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    print((await proc.stdout.readline()).decode().strip())

    waiting = asyncio.create_task(proc.wait())
    await asyncio.sleep(0)
    waiting.cancel()  # a timeout would do the same
    try:
        await waiting
    except asyncio.CancelledError:
        print("the task waiting for the child was cancelled")
    print("the child is still running:", proc.returncode is None)

    proc.kill()  # nobody else will
    print("after kill(), exit status", await proc.wait())


asyncio.run(main())

# Output:
# child: ready
# the task waiting for the child was cancelled
# the child is still running: True
# after kill(), exit status -9
