import asyncio
import logging
import re
import time


class Collect(logging.Handler):
    """Keeps what the "asyncio" logger says, to print it tidily."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


async def blocks_the_loop():
    time.sleep(0.15)  # a blocking call: no await, so the loop is stuck


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug())
    print("slow_callback_duration:", loop.slow_callback_duration)
    await asyncio.create_task(blocks_the_loop(), name="blocker")


log = Collect()
logging.getLogger("asyncio").addHandler(log)
asyncio.run(main(), debug=True)

for m in log.messages:
    # Executing <Task finished name='blocker' coro=<...> ...> took 0.151 seconds
    took = float(re.search(r"took (\d+\.\d+) seconds", m).group(1))
    name = re.search(r"name='(\w+)'", m).group(1)
    print(f"warning: executing task {name!r} took {'>=' if took >= 0.1 else '<'} 0.1 seconds")

# Output:
# debug: True
# slow_callback_duration: 0.1
# warning: executing task 'blocker' took >= 0.1 seconds
