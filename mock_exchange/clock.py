"""The server's one clock. Every rule that involves time reads it; the test API moves it."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone


class Clock:
    """Wall-clock time plus an offset that only moves forward, and can be paused.

    Moving it forward lets a test cross 30 minutes or 24 hours at once. It never moves back:
    rules such as "a code is used once" assume time is monotonic, as it is in production.
    Paused (test mode), it stands still until moved, so a boundary such as "29:59 after the
    lock" is hit exactly however long the test's steps take; resumed, it runs on from where it
    stood, never back.
    """

    def __init__(self) -> None:
        self._offset = timedelta(0)  # how far it has been moved, in all
        self._shift = timedelta(0)  # running: now = wall clock + shift
        self._frozen: datetime | None = None
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now()

    def _now(self) -> datetime:
        return self._frozen if self._frozen is not None else datetime.now(timezone.utc) + self._shift

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += delta
            if self._frozen is not None:
                self._frozen += delta
            else:
                self._shift += delta
            return self._now()

    def pause(self) -> datetime:
        with self._lock:
            if self._frozen is None:
                self._frozen = self._now()
            return self._frozen

    def resume(self) -> datetime:
        with self._lock:
            if self._frozen is not None:
                self._shift = self._frozen - datetime.now(timezone.utc)
                self._frozen = None
            return self._now()

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._frozen is not None

    @property
    def offset(self) -> timedelta:
        """The sum of every move forward (a pause is not a move)."""
        with self._lock:
            return self._offset


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
