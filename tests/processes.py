"""Start the project's own commands as separate processes, the way a person or a CI job would."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

from fixtures.processes import stop_group


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(process: subprocess.Popen, port: int, log: Path, seconds: float = 60) -> None:
    """Return once something accepts connections on the port; fail with the log if the process
    dies or the deadline passes. Between attempts it waits on the process itself, which also
    notices an early exit."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            pass
        try:
            code = process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the process exited ({code}) before listening:\n{log.read_text()[-3000:]}")
    raise AssertionError(f"nothing listened on port {port} within {seconds} s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    """The process and everything it started (it was started with ``fixtures.processes.start``)."""
    stop_group(process)


def environ_without_overrides(**extra: str) -> dict[str, str]:
    """This process's environment without any EXCHANGE_E2E_* setting (so a developer's own target
    overrides reach no subprocess a test starts), plus ``extra``."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith("EXCHANGE_E2E_")}
    return {**kept, **extra}


# A pytest plugin a test loads with -p closure_dump: every collected test's fixture closure, as
# pytest computes it, written to $CLOSURE_FILE (the oracle for which tests need what).
CLOSURE_DUMP = '''
import json, os
def pytest_collection_finish(session):
    with open(os.environ["CLOSURE_FILE"], "w") as handle:
        json.dump({item.nodeid: list(item.fixturenames) for item in session.items}, handle)
'''


def closure_dump_environ(folder: Path, **extra: str) -> dict[str, str]:
    """An environment whose pytest can load the closure_dump plugin from ``folder``."""
    (folder / "closure_dump.py").write_text(CLOSURE_DUMP)
    return environ_without_overrides(PYTHONPATH=f"{folder}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
                                     CLOSURE_FILE=str(folder / "closure.json"), **extra)
