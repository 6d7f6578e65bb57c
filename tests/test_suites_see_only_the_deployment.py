"""Suites and page objects reach a deployment only through its screens and public interfaces:
no file under suites/ or pages/ imports the mock exchange, so the same suites run against an
exchange that is not the mock (README, 'Testing your own deployment')."""

import ast
from pathlib import Path

from fixtures.catalogue import PROJECT_ROOT

MOCK = "mock_exchange"


def imports_of_the_mock(path: Path, root: Path = PROJECT_ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        found += [f"{path.relative_to(root)}:{node.lineno} imports {name}"
                  for name in names if name == MOCK or name.startswith(MOCK + ".")]
    return found


def test_no_suite_or_page_object_imports_the_mock_exchange():
    files = [path for folder in ("suites", "pages") for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))]
    assert len(files) > 50
    assert [found for path in files for found in imports_of_the_mock(path)] == []


def test_the_check_sees_both_import_forms_anywhere_in_a_file(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import json\nimport mock_exchange.app\n\n\ndef later():\n"
                     "    from mock_exchange.sessions import COOKIE_NAME\n    return COOKIE_NAME\n")
    assert imports_of_the_mock(probe, tmp_path) == ["probe.py:2 imports mock_exchange.app",
                                                    "probe.py:6 imports mock_exchange.sessions"]
