# needs: Python 3.14
# Which task waits where, and for whom: the table `python -m asyncio ps PID`
# prints from another terminal, printed here from inside the program with
# asyncio.capture_call_graph. Both are new in Python 3.14.
import asyncio


async def fetch(url):
    await asyncio.sleep(3600)  # stands in for a server that never answers


async def crawl(site, pages):
    async with asyncio.TaskGroup() as tg:
        for page in pages:
            tg.create_task(fetch(f"https://{site}/{page}"), name=f"{site}/{page}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl("a.example", ["index", "about"]), name="a.example")
        tg.create_task(crawl("b.example", ["index"]), name="b.example")
        await asyncio.sleep(0.1)  # every task has started and waits

        others = asyncio.all_tasks() - {asyncio.current_task()}
        for task in sorted(others, key=lambda t: t.get_name()):
            graph = asyncio.capture_call_graph(task)
            stack = " -> ".join(entry.frame.f_code.co_qualname for entry in graph.call_stack)
            awaiters = ", ".join(g.future.get_name() for g in graph.awaited_by)
            print(f"{task.get_name()}: {stack}; awaited by {awaiters}")
        for task in others:
            task.cancel()


asyncio.run(main())

# Output:
# a.example: TaskGroup._aexit -> TaskGroup.__aexit__ -> crawl; awaited by Task-1
# a.example/about: sleep -> fetch; awaited by a.example
# a.example/index: sleep -> fetch; awaited by a.example
# b.example: TaskGroup._aexit -> TaskGroup.__aexit__ -> crawl; awaited by Task-1
# b.example/index: sleep -> fetch; awaited by b.example
