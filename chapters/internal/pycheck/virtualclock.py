"""Run a Python listing on a virtual clock, so that it prints the same on any machine.

    python3 virtualclock.py listing.py [args...]

runs listing.py as "python3 listing.py" would (as a fresh __main__ module with
the same __file__, sys.argv and sys.path[0], and an uncaught exception's
traceback printed from the listing down), except that the asyncio event loops
it makes on the
main thread (asyncio.run, asyncio.Runner, asyncio.new_event_loop, and so
unittest's IsolatedAsyncioTestCase) keep time on a virtual clock, like Go's
testing/synctest:

- When the loop has nothing to do but wait for a timer, and nothing can become
  ready by itself, the clock jumps to the timer: no real waiting. Nothing can
  become ready by itself when no file descriptor is ready, no thread is at
  work (a call in run_in_executor or asyncio.to_thread, a child watcher, a
  thread the listing started), and no other process can write to the loop
  (a pipe, a pidfd, a socket that is not a loopback one): VirtualLoop.busy.
- Otherwise the loop waits for real, and the clock moves on by the time it
  waited, never past the next timer.
- Running code takes no virtual time, so a loaded machine changes nothing.
  Every read of the clock moves it on by one nanosecond, as a real clock moves
  between two reads: timers set one after another with the same delay fire in
  the order they were set, as they do on a real clock.
- time.sleep() on the main thread is a wait during which nothing else can
  happen on the loop: it moves the clock on without waiting (it sleeps for real
  while threads or other processes are at work). So a "blocking call stalls the
  loop" demo stalls it for exactly the time it asks for.
- time.monotonic() and time.perf_counter() (and their _ns forms) read the
  virtual clock on the main thread, so a listing measures elapsed time on the
  clock its timers run on. Other threads, and a loop the listing builds from a
  loop class itself (with its own time() method, say), keep the real clock,
  and so does a forked child process. time.time() is left alone.
- Reading the clock a million times while it stands still raises RuntimeError:
  a loop that waits for the clock to move (a busy-wait) would never end here.

A listing that needs the real clock says so in a "# real clock: <reason>"
header; pycheck then runs it with plain python3.

What this relies on (run on CPython 3.11, 3.12 and 3.13; read in 3.14's source),
on Unix:
- asyncio.run and asyncio.Runner create their loop by calling
  asyncio.events.new_event_loop() when given no loop_factory (runners.py,
  Runner._lazy_init). Replacing that function (and its re-export
  asyncio.new_event_loop) reaches them all without the event loop policies
  that 3.14 deprecates.
- A selector event loop reads the time only through its time() method, and
  before it waits it calls its selector's select(timeout) with the seconds
  until the next timer: None when there is no timer, 0 when work is ready
  (base_events.py, BaseEventLoop._run_once).
- asyncio.events._get_running_loop(), the low-level function asyncio offers
  loop implementations, tells which loop runs on the calling thread.
"""

import asyncio
import builtins
import concurrent.futures
import importlib.machinery
import inspect
import io
import ipaddress
import math
import os
import selectors
import socket
import sys
import threading
import time
import types
import weakref

_real = {name: getattr(time, name) for name in ("monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "sleep")}
_real_new_event_loop = asyncio.events.new_event_loop
_MAIN = threading.main_thread()
_SPIN_LIMIT = 1_000_000


class VirtualClock:
    """The one virtual clock of the process, in integer nanoseconds."""

    def __init__(self):
        self.ns = 1_000 * 10**9  # any start will do; a small one keeps 1 ns steps visible in a float
        self.reads = 0  # reads through the time module since the clock last moved on
        self.on = True

    def read(self):
        self.ns += 1
        return self.ns

    def advance(self, ns):
        self.ns += ns
        self.reads = 0


CLOCK = VirtualClock()
_lock = threading.Lock()
_pool_threads = weakref.WeakSet()  # threads that ran calls for run_in_executor


class _Call:
    """A call handed to a thread pool by run_in_executor. It is in flight from
    the moment it is submitted until its result is back on the loop, or, when
    the caller stopped waiting for it, until the thread is done with it."""

    __slots__ = ("state",)

    def __init__(self):
        self.state = "queued"  # then running, done; abandoned or gone after a cancel


class _JumpingSelector(selectors.DefaultSelector):
    """Polls for I/O; when nothing is ready and nothing can become ready by
    itself, moves the clock to the next timer instead of waiting for it."""

    loop = None

    def select(self, timeout=None):
        events = super().select(0)
        if events or timeout == 0:
            return events
        if timeout is not None and not self.loop.busy():
            CLOCK.advance(math.ceil(timeout * 1e9))
            return []
        start = _real["monotonic_ns"]()
        events = super().select(timeout)
        waited = _real["monotonic_ns"]() - start
        if timeout is not None:
            limit = math.ceil(timeout * 1e9)
            waited = min(waited, limit) if events else limit
        CLOCK.advance(waited)
        return events

    def external_fds(self):
        """Reports whether a registered file descriptor can become ready without
        this program acting: anything but a socket (a pipe from a child process, a
        pidfd, a terminal), or a socket that is not AF_UNIX (asyncio's self-pipe)
        or bound to a loopback address. A loopback socket is taken to talk to this
        same program, whose writes are in the kernel once the write call returns."""
        for key in self.get_map().values():
            try:
                sock = socket.socket(fileno=key.fd)
            except OSError:
                return True  # not a socket
            try:
                if sock.family == socket.AF_UNIX:
                    continue
                if sock.family not in (socket.AF_INET, socket.AF_INET6):
                    return True
                if not ipaddress.ip_address(sock.getsockname()[0]).is_loopback:
                    return True
            finally:
                sock.detach()
        return False


class VirtualLoop(asyncio.SelectorEventLoop):
    """A selector event loop on the virtual clock."""

    def __init__(self):
        self._jumping = _JumpingSelector()
        super().__init__(self._jumping)
        self._jumping.loop = self
        self._calls = set()  # the _Calls in flight

    def time(self):
        return CLOCK.read() / 1e9

    def busy(self):
        """Reports whether something may become ready without the loop acting:
        a call in a thread, another live thread, an external file descriptor."""
        return bool(self._calls) or _threads_busy() or self._jumping.external_fds()

    def run_in_executor(self, executor, func, *args):
        if executor is not None and not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            return super().run_in_executor(executor, func, *args)  # a process pool: its manager thread is busy
        if self.get_debug() and (inspect.iscoroutinefunction(func) or asyncio.iscoroutine(func)):
            raise TypeError("coroutines cannot be used with run_in_executor()")
        call = _Call()

        def work():  # runs in the pool's thread
            _pool_threads.add(threading.current_thread())
            with _lock:
                if call.state == "gone":  # the caller gave up, yet the thread started it
                    self._calls.add(call)
                    call.state = "abandoned"
                else:
                    call.state = "running"
            try:
                return func(*args)
            finally:
                with _lock:
                    if call.state == "abandoned":
                        self._calls.discard(call)
                    call.state = "done"

        def delivered(fut):  # runs on the loop
            with _lock:
                if not fut.cancelled() or call.state in ("queued", "done"):
                    self._calls.discard(call)
                    call.state = "gone"
                else:
                    call.state = "abandoned"  # the thread goes on: wait for it

        fut = super().run_in_executor(executor, work)
        self._calls.add(call)
        fut.add_done_callback(delivered)
        return fut


def _threads_busy():
    """Reports whether a thread other than the main thread and idle pool workers
    is alive: a child watcher waiting for a process, a thread the listing started,
    the one asyncio.run starts to shut the default executor down."""
    return any(t is not _MAIN and t not in _pool_threads for t in threading.enumerate())


def _virtual_here():
    """Reports whether the caller lives on the virtual clock: the main thread,
    with no loop running or a virtual loop running."""
    if not CLOCK.on or threading.current_thread() is not _MAIN:
        return False
    loop = asyncio.events._get_running_loop()
    return loop is None or isinstance(loop, VirtualLoop)


def _tick():
    """Reads the virtual clock for the time module."""
    CLOCK.reads += 1
    if CLOCK.reads > _SPIN_LIMIT:
        CLOCK.reads = 0
        raise RuntimeError(
            "virtualclock: the clock was read a million times while it stood still; on the virtual "
            "clock running code takes no time, so waiting for the clock to move never ends. "
            "Count the work instead, or give the listing a '# real clock: <reason>' header")
    return CLOCK.read()


def _reader(name):
    """Returns the virtual form of the time module's function name."""
    real = _real[name]
    if name.endswith("_ns"):
        return lambda: _tick() if _virtual_here() else real()
    return lambda: _tick() / 1e9 if _virtual_here() else real()


def sleep(secs):
    """time.sleep on the virtual clock: moves it on by secs, waiting for real
    only when something else is at work meanwhile."""
    if not _virtual_here() or not secs > 0:
        return _real["sleep"](secs)
    loop = asyncio.events._get_running_loop()
    if loop.busy() if loop is not None else _threads_busy():
        _real["sleep"](secs)
    CLOCK.advance(round(secs * 1e9))


def new_event_loop():
    """asyncio.new_event_loop, with a virtual loop on the main thread."""
    if CLOCK.on and threading.current_thread() is _MAIN:
        return VirtualLoop()
    return _real_new_event_loop()


def install():
    """Puts the virtual clock in place for the rest of the process."""
    for name in ("monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns"):
        setattr(time, name, _reader(name))
    time.sleep = sleep
    asyncio.events.new_event_loop = asyncio.new_event_loop = new_event_loop
    os.register_at_fork(after_in_child=lambda: setattr(CLOCK, "on", False))  # a forked worker keeps real time


def main(argv):
    if len(argv) < 2:
        print("usage: python3 virtualclock.py listing.py [args...]", file=sys.stderr)
        return 2
    install()
    # What python3 listing.py does: __main__.__file__ absolute, sys.argv[0] as
    # given, sys.path[0] the listing's directory, a fresh __main__ module.
    path = os.path.abspath(argv[1])
    sys.argv = argv[1:]
    sys.path[0] = os.path.dirname(path)
    with io.open_code(path) as f:
        code = compile(f.read(), path, "exec")
    module = types.ModuleType("__main__")
    module.__file__, module.__cached__ = path, None
    module.__builtins__ = builtins
    module.__loader__ = importlib.machinery.SourceFileLoader("__main__", path)
    sys.modules["__main__"] = module
    try:
        exec(code, vars(module))
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as err:  # the traceback python3 listing.py prints: from the listing down
        err.with_traceback(err.__traceback__.tb_next)
        sys.excepthook(type(err), err, err.__traceback__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
