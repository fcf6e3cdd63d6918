# real clock: a fixture for pycheck's own tests, run with plain python3
import asyncio


async def main():
    return type(asyncio.get_running_loop()).__name__


print("virtual loop:", asyncio.run(main()) == "VirtualLoop")

# Output:
# virtual loop: False
