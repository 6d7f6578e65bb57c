"""Nothing left running: stop a whole process group; find what a run left behind.

The case seen: `playwright run-server`'s node driver survived the stop of its Python wrapper and
ran on for hours. Here a shell stands in for the wrapper and a child that ignores SIGTERM for the
driver; a detached grandchild (a session of its own, as Playwright launches browsers) for the
browser.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from fixtures import processes

STUBBORN_CHILD = '(trap "" TERM; sleep 600) & wait'  # the subshell and its sleep ignore SIGTERM
PLAIN_CHILD = "sleep 600 & wait"


def test_stop_group_ends_a_child_that_ignores_sigterm():
    wrapper = processes.start(["sh", "-c", STUBBORN_CHILD])
    assert processes.wait_gone([wrapper.pid], 0.5) == [wrapper.pid]  # it is running
    members_before = processes.group_members(wrapper.pid)
    assert len(members_before) >= 2, members_before  # the shell and what it started

    processes.stop_group(wrapper, grace=1)
    assert processes.group_members(wrapper.pid) == []


def test_a_plain_terminate_leaves_the_child_running():  # the bug the group stop closes
    wrapper = subprocess.Popen(["sh", "-c", PLAIN_CHILD], start_new_session=True)
    processes.wait_gone([wrapper.pid], 0.5)
    wrapper.terminate()  # the wrapper alone, as the old stop() did
    wrapper.wait(timeout=10)
    try:
        assert processes.group_members(wrapper.pid) != [], "the child should outlive its wrapper"
    finally:
        os.killpg(wrapper.pid, 9)


def _wait_until_it_runs(pid: int, program: bytes, seconds: float = 10) -> None:
    """Until /proc shows the process running ``program`` (a busy machine can take a while)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].endswith(program):
                return
        except FileNotFoundError:
            break
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not start {program!r} within {seconds} s")


def test_leftovers_finds_a_detached_grandchild_of_a_marked_run_and_kills_it():
    mark = processes.new_run_mark()
    run = subprocess.run(["sh", "-c", "setsid sleep 600 > /dev/null 2>&1 < /dev/null & echo $!"],
                         env={**os.environ, **mark}, timeout=30, capture_output=True, text=True)
    assert run.returncode == 0
    _wait_until_it_runs(int(run.stdout), b"sleep")  # the shell returns before its child has exec'd
    found = processes.kill_leftovers(mark, grace=0.5)
    assert len(found) == 1 and "sleep 600" in found[0], found
    assert processes.leftovers(mark, grace=2) == []


def test_a_run_that_cleaned_up_has_no_leftovers():
    mark = processes.new_run_mark()
    subprocess.run(["sh", "-c", "sleep 0.1"], env={**os.environ, **mark}, timeout=30, check=True)
    assert processes.leftovers(mark, grace=1) == []
