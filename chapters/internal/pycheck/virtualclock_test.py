"""Tests of virtualclock.py: python3 virtualclock_test.py (TestVirtualClockPython runs it).

Each test runs a small asyncio program on the virtual clock. Where a test says
that the loop waited for real, it checks it by its outcome (a timeout that did
not fire, work that was done), not by timing real waits.
"""

import asyncio
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import virtualclock

real_sleep = time.sleep
real_monotonic = time.monotonic
virtualclock.install()  # for the whole run: unittest's own timing reads the virtual clock too


class TestCase(unittest.TestCase):
    def setUp(self):
        # A thread left by an earlier test (a child watcher, say) would hold
        # the clock and hide a failure: wait for them all to end.
        for t in threading.enumerate():
            if t is not threading.main_thread():
                t.join(10)
                self.assertFalse(t.is_alive(), f"thread {t.name} still alive")


class Timers(TestCase):
    def test_an_hour_passes_at_once(self):
        async def main():
            loop = asyncio.get_running_loop()
            start, real_start = loop.time(), real_monotonic()
            await asyncio.sleep(3600)
            return loop.time() - start, real_monotonic() - real_start

        virtual, real = asyncio.run(main())
        self.assertGreaterEqual(virtual, 3600)
        self.assertLess(virtual, 3600.001)
        self.assertLess(real, 60, "an hour's sleep waited for real")

    def test_same_delay_fires_in_the_order_set(self):
        # Twenty equal deadlines would come out of asyncio's heap out of order;
        # on a real clock, and on this one, each later timer has a later deadline.
        woke = []

        async def sleeper(i):
            await asyncio.sleep(0.1)
            woke.append(i)

        async def main():
            await asyncio.gather(*(sleeper(i) for i in range(20)))

        asyncio.run(main())
        self.assertEqual(woke, list(range(20)))

    def test_measurements_read_the_loop_clock(self):
        async def main():
            loop = asyncio.get_running_loop()
            marks = [(loop.time(), time.perf_counter(), time.monotonic(), time.perf_counter_ns())]
            await asyncio.sleep(2)
            marks.append((loop.time(), time.perf_counter(), time.monotonic(), time.perf_counter_ns()))
            return marks

        before, after = asyncio.run(main())
        for name, got in zip(("loop.time", "perf_counter", "monotonic"), (after[i] - before[i] for i in range(3))):
            self.assertAlmostEqual(got, 2, delta=1e-6, msg=name)
        self.assertAlmostEqual(after[3] - before[3], 2 * 10**9, delta=1000)

    def test_ten_sleeps_of_a_tenth_take_at_least_a_second(self):
        # Ten deadlines of now + 0.1 in a row: the clock never fires a timer
        # early, so the float sum does not fall short of 1.0.
        async def main():
            start = time.perf_counter()
            for _ in range(10):
                await asyncio.sleep(0.1)
            return time.perf_counter() - start

        self.assertGreaterEqual(asyncio.run(main()), 1.0)

    def test_timeout_longer_than_a_day(self):
        async def main():
            loop = asyncio.get_running_loop()
            start = loop.time()
            try:
                async with asyncio.timeout(3 * 86400):
                    await asyncio.sleep(10 * 86400)
            except TimeoutError:
                return loop.time() - start

        self.assertAlmostEqual(asyncio.run(main()), 3 * 86400, delta=1e-3)


class BlockingCalls(TestCase):
    def test_time_sleep_in_a_coroutine_stalls_the_loop_by_its_length(self):
        async def main():
            loop = asyncio.get_running_loop()
            start, real_start = loop.time(), real_monotonic()
            time.sleep(5)  # blocks the loop; nothing else is at work
            return loop.time() - start, real_monotonic() - real_start

        virtual, real = asyncio.run(main())
        self.assertAlmostEqual(virtual, 5, delta=1e-6)
        self.assertLess(real, 4, "time.sleep waited for real")

    def test_debug_mode_sees_the_slow_callback(self):
        durations = []

        class Handler(logging.Handler):
            def emit(self, record):  # "Executing %s took %.3f seconds"
                durations.append(record.args[-1])

        async def blocker():
            time.sleep(0.15)

        log = logging.getLogger("asyncio")
        handler = Handler()
        log.addHandler(handler)
        try:
            asyncio.run(blocker(), debug=True)
        finally:
            log.removeHandler(handler)
        self.assertEqual(len(durations), 1)
        self.assertAlmostEqual(durations[0], 0.15, delta=1e-6)

    def test_busy_wait_on_the_clock_raises(self):
        async def main():
            end = time.perf_counter() + 1
            while time.perf_counter() < end:
                pass

        with self.assertRaisesRegex(RuntimeError, "real clock"):
            asyncio.run(main())


class Threads(TestCase):
    def test_loop_waits_for_a_thread_at_work(self):
        # Were the clock to jump while the thread sleeps, the ten-second
        # timeout would fire at once.
        async def main():
            return await asyncio.wait_for(asyncio.to_thread(real_sleep_then, 0.05, "done"), timeout=10)

        self.assertEqual(asyncio.run(main()), "done")

    def test_timer_fires_while_a_thread_works(self):
        async def main():
            try:
                await asyncio.wait_for(asyncio.to_thread(real_sleep_then, 0.3, "done"), timeout=0.05)
            except TimeoutError:
                return "timed out"

        self.assertEqual(asyncio.run(main()), "timed out")

    def test_an_abandoned_call_holds_the_clock_until_its_thread_is_done(self):
        finished = threading.Event()

        async def main():
            try:
                await asyncio.wait_for(asyncio.to_thread(real_sleep_then, 0.2, None, finished), timeout=0.01)
            except TimeoutError:
                pass
            await asyncio.sleep(3600)  # may jump only once the thread is done
            return finished.is_set()

        self.assertTrue(asyncio.run(main()))

    def test_a_thread_of_the_listing_holds_the_clock(self):
        async def main():
            loop = asyncio.get_running_loop()
            fut = loop.create_future()

            def later():
                real_sleep(0.05)
                loop.call_soon_threadsafe(fut.set_result, "from the thread")

            t = threading.Thread(target=later)
            t.start()
            try:
                return await asyncio.wait_for(fut, timeout=10)
            finally:
                t.join()

        self.assertEqual(asyncio.run(main()), "from the thread")

    def test_other_threads_keep_the_real_clock(self):
        got = []

        def measure():
            start = time.perf_counter()
            time.sleep(0.05)
            got.append(time.perf_counter() - start)

        t = threading.Thread(target=measure)
        t.start()
        t.join()
        self.assertGreaterEqual(got[0], 0.05)

    def test_a_loop_made_on_another_thread_is_real(self):
        got = []
        def make():
            loop = asyncio.new_event_loop()
            got.append(type(loop).__name__)
            loop.close()

        t = threading.Thread(target=make)
        t.start()
        t.join()
        self.assertNotEqual(got[0], "VirtualLoop")


class IO(TestCase):
    def test_loopback_sockets_let_the_clock_jump(self):
        async def handle(reader, writer):
            await reader.readline()
            await asyncio.sleep(60)
            writer.write(b"late reply\n")
            await writer.drain()
            writer.close()

        async def main():
            loop = asyncio.get_running_loop()
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            async with server:
                port = server.sockets[0].getsockname()[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                start, real_start = loop.time(), real_monotonic()
                writer.write(b"hello\n")
                reply = await asyncio.wait_for(reader.readline(), timeout=120)
                elapsed, real = loop.time() - start, real_monotonic() - real_start
                writer.close()
                await writer.wait_closed()
            return reply, elapsed, real

        reply, elapsed, real = asyncio.run(main())
        self.assertEqual(reply, b"late reply\n")
        self.assertGreaterEqual(elapsed, 60)
        self.assertLess(real, 30, "the loop waited for real")

    def test_a_child_process_holds_the_clock(self):
        # The child's pipe can become ready by itself: the loop waits for it
        # instead of jumping past the ten-second timeout.
        async def main():
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-c", "import time; time.sleep(0.1); print('from the child')",
                stdout=subprocess.PIPE)
            out, _ = await asyncio.wait_for(proc.communicate(), timeout=10)
            return out.decode().strip()

        self.assertEqual(asyncio.run(main()), "from the child")

    def test_a_pipe_holds_the_clock(self):
        # Another process writes to the pipe; no thread of ours is at work.
        async def main():
            loop = asyncio.get_running_loop()
            r, w = os.pipe()
            writer = subprocess.Popen(
                [sys.executable, "-c", f"import os, time; time.sleep(0.05); os.write({w}, b'written')"],
                pass_fds=(w,))
            os.close(w)
            got = loop.create_future()
            loop.add_reader(r, lambda: got.done() or got.set_result(os.read(r, 100)))
            try:
                return await asyncio.wait_for(got, timeout=10)
            finally:
                loop.remove_reader(r)
                os.close(r)
                writer.wait()

        self.assertEqual(asyncio.run(main()), b"written")

    def test_external_fds(self):
        sel = virtualclock._JumpingSelector()
        a, b = socket.socketpair()
        listener = socket.create_server(("127.0.0.1", 0))
        wildcard = socket.create_server(("0.0.0.0", 0))
        r, w = os.pipe()
        try:
            sel.register(a, virtualclock.selectors.EVENT_READ)
            sel.register(listener, virtualclock.selectors.EVENT_READ)
            self.assertFalse(sel.external_fds(), "AF_UNIX and loopback sockets")
            sel.register(wildcard, virtualclock.selectors.EVENT_READ)
            self.assertTrue(sel.external_fds(), "a socket bound to every address")
            sel.unregister(wildcard)
            sel.register(r, virtualclock.selectors.EVENT_READ)
            self.assertTrue(sel.external_fds(), "a pipe")
            sel.unregister(r)
            self.assertFalse(sel.external_fds())
            a.sendall(b"x")  # external_fds left the descriptors open
            self.assertEqual(b.recv(1), b"x")
        finally:
            sel.close()
            for s in (a, b, listener, wildcard):
                s.close()
            os.close(r)
            os.close(w)


class Loops(TestCase):
    def test_run_runner_and_new_event_loop_are_virtual(self):
        async def kind():
            return type(asyncio.get_running_loop()).__name__

        self.assertEqual(asyncio.run(kind()), "VirtualLoop")
        with asyncio.Runner() as runner:
            self.assertEqual(runner.run(kind()), "VirtualLoop")
        loop = asyncio.new_event_loop()
        try:
            self.assertIsInstance(loop, virtualclock.VirtualLoop)
        finally:
            loop.close()

    def test_a_loop_class_of_the_listing_keeps_the_real_clock(self):
        loop = asyncio.SelectorEventLoop()
        try:
            start = real_monotonic()
            loop.run_until_complete(asyncio.sleep(0.02))  # would never end if time stood still
            self.assertGreaterEqual(real_monotonic() - start, 0.02)
        finally:
            loop.close()

    def test_a_forked_child_keeps_the_real_clock(self):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(r)
            start = real_monotonic()
            time.sleep(0.02)
            real = real_monotonic() - start >= 0.02 and abs(time.monotonic() - real_monotonic()) < 1
            os.write(w, b"real" if real else b"virtual")
            os._exit(0)
        os.close(w)
        try:
            self.assertEqual(os.read(r, 10), b"real")
        finally:
            os.close(r)
            os.waitpid(pid, 0)


class Main(TestCase):
    def test_runs_a_listing_as_python3_would(self):
        listing = (
            "import os, sys\n"
            "print(__name__, __file__, sys.argv, sys.path[0] == os.path.dirname(__file__), os.path.exists('x.py'))\n"
            "def f():\n"
            "    raise ValueError('boom')\n"
            "f()\n")
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "x.py"), "w") as f:
                f.write(listing)
            clock = os.path.abspath(virtualclock.__file__)
            plain = subprocess.run([sys.executable, "x.py", "arg"], cwd=d, capture_output=True, text=True)
            virtual = subprocess.run([sys.executable, clock, "x.py", "arg"], cwd=d, capture_output=True, text=True)
        self.assertIn("__main__", plain.stdout)
        self.assertIn("ValueError: boom", plain.stderr)
        self.assertEqual(virtual.stdout, plain.stdout)
        self.assertEqual(virtual.stderr, plain.stderr)  # the traceback starts at the listing
        self.assertEqual(virtual.returncode, plain.returncode)


def real_sleep_then(seconds, result, done=None):
    real_sleep(seconds)
    if done is not None:
        done.set()
    return result


if __name__ == "__main__":
    unittest.main()
