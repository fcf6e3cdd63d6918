import asyncio
import selectors


class JumpingSelector(selectors.DefaultSelector):
    """Never sleeps: when the loop would wait for a timer, it moves the
    loop's fake clock to that timer instead."""

    def __init__(self, loop):
        super().__init__()
        self.loop = loop

    def select(self, timeout=None):
        if timeout is None:  # no timer and nothing ready: it would wait forever
            raise RuntimeError(f"deadlock at t={self.loop.now} ms")
        self.loop.now += timeout
        return super().select(0)


class FakeClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock counts whole milliseconds and moves only
    when busy() says so or when the loop waits for a timer."""

    def __init__(self):
        self.now = 0
        super().__init__(JumpingSelector(self))

    def time(self):  # asyncio.sleep and every timer read this clock
        return self.now

    def busy(self, ms):  # computing for ms: the clock moves, the loop is held
        self.now += ms


PERIOD = 20  # the ticker's period, in this loop's milliseconds


async def ticker(loop, late):
    for _ in range(4):
        due = loop.time() + PERIOD
        await asyncio.sleep(PERIOD)
        late.append(loop.time() - due)


async def worker(loop, work, chunk):
    while work > 0:
        step = min(chunk, work)
        loop.busy(step)
        work -= step
        if work > 0:
            await asyncio.sleep(0)  # give the loop back between chunks


async def scene(chunk):
    loop, late = asyncio.get_running_loop(), []
    await asyncio.gather(ticker(loop, late), worker(loop, 120, chunk))
    return late


for chunk in (30, 20):
    loop = FakeClockLoop()
    late = loop.run_until_complete(scene(chunk))
    loop.close()
    print(f"chunks of {chunk} ms: ticker late by {late} ms, worst {max(late)} ms")

# Output:
# chunks of 30 ms: ticker late by [70, 10, 0, 0] ms, worst 70 ms
# chunks of 20 ms: ticker late by [40, 40, 0, 0] ms, worst 40 ms
