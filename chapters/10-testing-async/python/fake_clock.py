import asyncio
import selectors


class JumpingSelector(selectors.DefaultSelector):
    """Polls for I/O without waiting; when nothing is ready, moves the
    loop's clock to the next timer instead of sleeping until it."""

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None:  # no timer, nothing ready: it would wait forever
            raise RuntimeError(f"deadlock at t={self.loop.now:.0f}s")
        self.loop.now += timeout
        return ready


class FakeTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = JumpingSelector()
        super().__init__(selector)
        selector.loop = self
        self.now = 0.0

    def time(self):  # every timer in asyncio reads this clock
        return self.now


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    print(f"t={asyncio.get_running_loop().time():.0f}s {name} wakes")


async def main():
    await asyncio.gather(sleeper("hour", 3600), sleeper("minute", 60))
    try:
        async with asyncio.timeout(86400):
            await asyncio.sleep(10 * 86400)
    except TimeoutError:
        print(f"t={asyncio.get_running_loop().time():.0f}s timeout after a day")


loop = FakeTimeLoop()
loop.run_until_complete(main())
loop.close()

# Output:
# t=60s minute wakes
# t=3600s hour wakes
# t=90000s timeout after a day
