# The stuck job runner of testdata/demos/stuck, in asyncio: the collector
# takes one result and stops reading, so the workers wait to put theirs (the
# queue holds one). asyncio.all_tasks() lists the tasks of the loop that are
# not done; Task.get_stack() shows where a suspended task waits.
import asyncio


async def worker(i, results):
    await results.put(i * i)  # waits while the queue is full


async def main():
    results = asyncio.Queue(maxsize=1)
    workers = [asyncio.create_task(worker(i, results), name=f"worker {i}") for i in range(4)]
    await asyncio.sleep(0)  # the workers run: one fills the queue, three wait
    await results.get()  # the collector takes one result and stops reading
    await asyncio.sleep(0)  # one more worker puts its result: the queue is full again

    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        if task is asyncio.current_task():
            print(f"{task.get_name()}: running (main, listing the tasks)")
        else:
            frame = task.get_stack()[-1]  # where the suspended task waits
            print(f"{task.get_name()}: waiting in {frame.f_code.co_name}(), line {frame.f_lineno}")

    for w in workers:
        w.cancel()  # asyncio.run would cancel them anyway when main returns


asyncio.run(main())

# Output:
# Task-1: running (main, listing the tasks)
# worker 2: waiting in worker(), line 9
# worker 3: waiting in worker(), line 9
