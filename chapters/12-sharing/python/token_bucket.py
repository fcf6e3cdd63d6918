import asyncio


class TokenBucket:
    """Holds up to burst tokens and gains rate tokens a second. Each request
    takes one. As in Go's rate.Limiter, the count may go below zero: a
    waiting request reserves its token at once, so requests go out in the
    order they asked, each at a time the bucket computes."""

    def __init__(self, rate, burst):
        self.rate, self.burst = rate, burst
        self.tokens = burst  # it starts full
        self.last = None  # when tokens was last brought up to date

    async def acquire(self):
        """Wait for a token; return the loop time it was granted for."""
        now = asyncio.get_running_loop().time()
        if self.last is not None:  # refill for the time that has passed
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        self.tokens -= 1
        wait = max(0.0, -self.tokens / self.rate)  # until this token exists
        await asyncio.sleep(wait)
        return now + wait


async def request(i, bucket, start):
    at = await bucket.acquire()
    print(f"request {i} goes out at {at - start:.2f}s")


async def main():
    bucket = TokenBucket(rate=4, burst=3)  # 4 a second, bursts of 3
    start = asyncio.get_running_loop().time()
    await asyncio.gather(*(request(i, bucket, start) for i in range(6)))


asyncio.run(main())

# Output:
# request 0 goes out at 0.00s
# request 1 goes out at 0.00s
# request 2 goes out at 0.00s
# request 3 goes out at 0.25s
# request 4 goes out at 0.50s
# request 5 goes out at 0.75s
