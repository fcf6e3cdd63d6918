# not run: shows the "not run" header
import aiohttp  # noqa: F401
