import asyncio
import io
import unittest


async def fetch(delay, value):
    await asyncio.sleep(delay)
    return value


class FetchTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.loop = asyncio.get_running_loop()  # a fresh loop for every test

    async def test_debug_mode_is_on(self):
        self.assertTrue(self.loop.get_debug())

    async def test_gather_keeps_order(self):
        got = await asyncio.gather(fetch(0.2, "slow"), fetch(0.1, "fast"))
        self.assertEqual(got, ["slow", "fast"])


out = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(FetchTest)
result = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
for line in out.getvalue().splitlines():
    if line.endswith(" ... ok") or line.endswith("FAIL") or line.endswith("ERROR"):
        print(line.split(" (")[0], "...", line.rsplit(" ", 1)[1])
print("tests run:", result.testsRun, "failures:", len(result.failures), "errors:", len(result.errors))

# Output:
# test_debug_mode_is_on ... ok
# test_gather_keeps_order ... ok
# tests run: 2 failures: 0 errors: 0
