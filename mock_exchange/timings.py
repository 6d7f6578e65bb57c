"""Per-request response times, one line per request, for the benchmark (`exchange-e2e bench`).

An ASGI wrapper around the whole app, so the time covers middleware, routing and rendering:
``method <TAB> path <TAB> status <TAB> milliseconds``. Paths are cut to 200 characters and
any tab or line break in them (hostile-input tests send such paths) becomes a space.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

_UNSAFE = re.compile(r"[\t\r\n]")


def _clean(path: str) -> str:
    return _UNSAFE.sub(" ", path[:200])


class RequestTimings:
    def __init__(self, app, path: Path | str) -> None:
        self.app = app
        self.out = open(path, "a", buffering=1, encoding="utf-8", errors="replace")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_and_note_status(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            self.out.write(f"{scope['method']}\t{_clean(scope['path'])}\t{status}\t{elapsed_ms:.2f}\n")


def read_timings(paths) -> list[tuple[str, str, int, float]]:
    rows = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                rows.append((parts[0], parts[1], int(parts[2]), float(parts[3])))
    return rows
