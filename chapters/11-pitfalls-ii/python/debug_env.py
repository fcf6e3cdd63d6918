# Debug mode from outside: with PYTHONASYNCIODEBUG=1 in its environment, an
# unchanged program logs each callback or task step that held the loop for
# longer than 0.1 s. This listing runs itself as a child process, once
# without the variable and once with it, and prints what the child logged.
import asyncio
import os
import re
import subprocess
import sys
import time


async def main():
    time.sleep(0.15)  # a blocking call: no await, so the loop is stuck


if sys.argv[1:] == ["child"]:
    asyncio.run(main())  # nothing here turns debug mode on
    sys.exit()

env = {k: v for k, v in os.environ.items() if k != "PYTHONASYNCIODEBUG"}
for extra in ({}, {"PYTHONASYNCIODEBUG": "1"}):
    child = subprocess.run(
        [sys.executable, __file__, "child"], env=env | extra, capture_output=True, text=True
    )
    print("environment:", extra or "nothing added")
    for line in child.stderr.splitlines():
        # Executing <Task finished name='Task-1' coro=<main() ...> ...> took 0.151 seconds
        if m := re.search(r"Executing <Task .*name='([^']+)'.* took (\d+\.\d+) seconds", line):
            took = ">=" if float(m.group(2)) >= 0.1 else "<"
            print(f"  logged: executing task {m.group(1)!r} took {took} 0.1 seconds")
    print("  exit status:", child.returncode)

# Output:
# environment: nothing added
#   exit status: 0
# environment: {'PYTHONASYNCIODEBUG': '1'}
#   logged: executing task 'Task-1' took >= 0.1 seconds
#   exit status: 0
