"""Engine and session factory: SQLite in WAL mode with a busy timeout, one file per server.

Every transaction starts with BEGIN IMMEDIATE. With SQLite's default deferred BEGIN, a request
that reads first and writes later holds a read snapshot; when another request commits in
between, the upgrade to a write fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT:
the busy timeout cannot help), which parallel sign-ins turned into 500s. Taking the write lock
up front makes writers queue on the busy timeout instead; readers in WAL mode still never wait.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from .models import Base

BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str) -> sessionmaker:
    engine = create_engine(f"sqlite:///{path}",
                           connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
    _tune_sqlite(engine)
    Base.metadata.create_all(engine)
    return sessionmaker(engine, expire_on_commit=False)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None  # sqlite3 emits no BEGIN of its own; _begin does
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # pragma: no cover - trivial
        connection.exec_driver_sql("BEGIN IMMEDIATE")
