"""SEC-DATA-01: SQLite in WAL mode with a busy timeout, so a writer waits for a lock instead of failing."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout

import httpx
import pytest

STILL_WAITING_AFTER = 1.0  # seconds: a server without a busy timeout fails at once ("database is locked")


@pytest.mark.behaviour("SEC-DATA-01")
def test_the_database_runs_in_wal_mode_with_a_busy_timeout(dedicated_server):
    """The file is in WAL mode, the server's own connections wait up to a busy timeout, and a
    write request that meets a locked database waits and then succeeds instead of a 5xx."""
    with sqlite3.connect(dedicated_server.database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    settings = httpx.get(f"{dedicated_server.api_url}/__test__/info", timeout=30).json()["database"]
    assert settings["journal_mode"] == "wal"
    assert settings["busy_timeout_ms"] >= 5000, settings

    holder = sqlite3.connect(dedicated_server.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long transaction of another writer would hold it
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(httpx.post, f"{dedicated_server.api_url}/__test__/accounts",
                              json={"email": "locked.db@example.com", "password": "wal-and-busy-timeout"},
                              timeout=60)
        try:
            early = pending.result(timeout=STILL_WAITING_AFTER)
        except FutureTimeout:
            early = None
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        answer = pending.result()
    assert early is None, f"the write did not wait for the lock: {early.status_code} {early.text[:300]}"
    assert answer.status_code == 201, f"{answer.status_code}: {answer.text[:300]}"
