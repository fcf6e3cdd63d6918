import asyncio


async def brew(drink, seconds):
    print(f"{drink}: started")
    await asyncio.sleep(seconds)  # suspends brew; the loop runs the others
    print(f"{drink}: ready")
    return drink


async def main():
    tea = asyncio.create_task(brew("tea", 0.2))
    coffee = asyncio.create_task(brew("coffee", 0.1))
    print("main: waiting for tea")
    print("main: got", await tea)  # suspends main until tea has a result
    print("main: got", await coffee)  # finished already: no suspension


asyncio.run(main())

# Output:
# main: waiting for tea
# tea: started
# coffee: started
# coffee: ready
# tea: ready
# main: got tea
# main: got coffee
