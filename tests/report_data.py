"""What a built single-file Allure 3 report holds: its inlined data files, decoded."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

_INLINED = re.compile(r'd\("([^"]+)","([^"]*)"\)')  # the awesome plugin's d(name, base64) calls


def report_data(index_html: Path) -> dict[str, object]:
    """Every data file the report inlines, by its path (data/test-results/<id>.json, widgets/tree.json):
    JSON decoded, attachments (data/attachments/...) as bytes."""
    found = {name: json.loads(base64.b64decode(value)) if name.endswith(".json") else base64.b64decode(value)
             for name, value in _INLINED.findall(index_html.read_text(encoding="utf-8"))}
    assert found, f"{index_html} holds no inlined report data"
    return found


def results_in(data: dict[str, object]) -> list[dict]:
    return [value for name, value in data.items() if name.startswith("data/test-results/")]
