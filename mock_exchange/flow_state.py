"""Where a multi-step flow stands, kept on the server per web session.

A later step reads what the earlier ones recorded (``robot_passed``, ``code_verified``, ...),
so posting straight to a later URL cannot skip a step. A flow idle for 30 minutes is forgotten.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .clock import as_utc
from .models import FlowState
from .sessions import SessionHandle

IDLE_LIMIT = timedelta(minutes=30)


def _row(db: Session, handle: SessionHandle | None, flow: str) -> FlowState | None:
    if handle is None:
        return None
    return db.scalar(select(FlowState).where(FlowState.session_hash == handle.record.id_hash, FlowState.flow == flow))


def load(db: Session, handle: SessionHandle | None, flow: str, now: datetime) -> dict:
    row = _row(db, handle, flow)
    if row is None or now - as_utc(row.updated_at) >= IDLE_LIMIT:
        return {}
    return json.loads(row.data)


def save(db: Session, handle: SessionHandle, flow: str, data: dict, now: datetime) -> None:
    row = _row(db, handle, flow)
    if row is None:
        row = FlowState(session_hash=handle.record.id_hash, flow=flow)
        db.add(row)
    row.data = json.dumps(data)
    row.updated_at = now


def clear(db: Session, handle: SessionHandle | None, flow: str) -> None:
    if handle is not None:
        db.execute(delete(FlowState).where(FlowState.session_hash == handle.record.id_hash, FlowState.flow == flow))
