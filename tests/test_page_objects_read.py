"""Every locator a page object offers is read by a suite, a fixture or another page object.

A property nobody reads is a selector nobody checks: when the screen changes it rots unseen.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READERS = ("pages", "suites", "fixtures", "tests")


def _properties() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(decorator, ast.Name) and decorator.id == "property" for decorator in node.decorator_list
            ):
                found.append((path.name, node.name))
    return found


def test_every_page_object_property_is_read():
    text = "\n".join(path.read_text() for folder in READERS for path in (ROOT / folder).rglob("*.py"))
    properties = _properties()
    assert len(properties) > 100  # the scan sees the page objects
    unread = [f"{module}: {name}" for module, name in properties if not re.search(rf"\.{name}\b", text)]
    assert unread == []
