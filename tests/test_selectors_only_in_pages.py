"""Selectors live only in pages/: suites and fixtures reach a screen through its page object.

A team whose screens differ changes its page objects and nothing else (DESIGN.md, 'Targets').
This reads every module under suites/ and fixtures/ and names, file:line, each place that knows
a screen's markup:

- a selector call: ``locator``, ``get_by_*``, ``query_selector*``, ``eval_on_selector*``, ...;
- a Playwright page method handed a selector (``page.click("#code")``);
- a machine attribute read off an element (``get_attribute("data-until")``);
- a selector-looking string: CSS attribute selectors, XPath, Playwright selector engines,
  ``data-testid``/``data-page`` handles, DOM queries in page scripts;
- HTML read with a regex or a parser (``name="csrf_token" value=...``, ``html.parser``, bs4);
- the anti-forgery token's field or header name (the posts that carry it are written once, in pages/).

Bare test ids kept as data (the accessibility screen table's ``shows`` column) are not markup
this can tell from other words; the calls that use them are.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("suites", "fixtures")

SELECTOR_CALLS = {
    "locator", "frame_locator", "get_by_role", "get_by_label", "get_by_test_id", "get_by_text",
    "get_by_placeholder", "get_by_alt_text", "get_by_title", "query_selector", "query_selector_all",
    "eval_on_selector", "eval_on_selector_all", "wait_for_selector", "add_locator_handler",
}
# Page methods whose first argument is a selector (Locator's namesakes take none, or a value).
PAGE_SELECTOR_METHODS = {
    "click", "dblclick", "tap", "fill", "type", "press", "check", "uncheck", "set_checked", "hover", "focus",
    "select_option", "set_input_files", "inner_text", "inner_html", "text_content", "input_value",
    "get_attribute", "is_visible", "is_hidden", "is_enabled", "is_disabled", "is_checked", "is_editable",
    "dispatch_event", "drag_and_drop",
}
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
HTML_PARSERS = ("html.parser", "bs4", "selectolax", "lxml", "parsel", "pyquery")
CSRF_NAMES = {"csrf_token", "csrf-token", "x-csrf-token"}

SELECTOR_STRING = re.compile(
    r"data-testid|data-page"                      # the screens' handles
    r"|^\s*(css|xpath|text|id|role|internal:[\w-]+)="  # Playwright selector engines
    r"|^\s*(//|\.\./)[a-z*]"                      # XPath
    r"|[a-z\]]\[[a-z][\w-]*\]|\[[a-z][\w-]*\s*[~|^$*]?=[^\]]*\]"  # CSS attribute selectors: a[href], [role=alert]
    r"|:not\(|^#[a-z][\w-]*$"                     # CSS pseudo-classes, #id
    r"|querySelector|getElementsBy|getElementById|getAttribute\(",  # DOM queries in page scripts
    re.IGNORECASE)
# a regex over a screen's HTML: one of its elements, or an attribute's value
MARKUP = re.compile(r"<(main|meta|input|form|select|textarea|button|a|label|option)\b"
                    r"|\b(name|value|content|id|class|action|type|data-[\w-]+)=\\?[\"'\[]")


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _strings(node: ast.AST):
    """Each string constant under node (an f-string's literal parts included)."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child


def _is_regex_call(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr in REGEX_CALLS and _last_name(func.value) == "re"
            and bool(call.args))


def _call_findings(call: ast.Call) -> list[str]:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return []
    first = call.args[0] if call.args else None
    first_text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    if func.attr in SELECTOR_CALLS:
        return [f"selector call .{func.attr}(...)"]
    if func.attr in PAGE_SELECTOR_METHODS and first_text is not None and _last_name(func.value).endswith("page") \
            and not (func.attr == "get_attribute" and len(call.args) == 1):
        return [f"page.{func.attr}({first_text!r}): a selector handed to the page"]
    if func.attr == "get_attribute" and first_text and first_text.startswith("data-"):
        return [f"get_attribute({first_text!r}): a screen's machine attribute"]
    if _is_regex_call(call):
        patterns = [s.value for s in _strings(first) if MARKUP.search(s.value) or "csrf" in s.value.lower()
                    or SELECTOR_STRING.search(s.value)]
        return [f"re.{func.attr}({pattern!r}): HTML read with a regex" for pattern in patterns]
    return []


def findings_in(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    where = path.relative_to(root)
    found: list[tuple[int, str]] = []
    skipped: set[int] = set()  # docstrings, and the patterns a regex finding already names
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))
        elif isinstance(node, ast.Call):
            for text in _call_findings(node):
                found.append((node.lineno, text))
            if _is_regex_call(node):
                skipped |= {id(s) for s in _strings(node.args[0])}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [(node.lineno, f"imports {module}: an HTML parser") for module in modules
                      if any(module == p or module.startswith(p + ".") for p in HTML_PARSERS)]
    for node in _strings(tree):
        if id(node) in skipped:
            continue
        if SELECTOR_STRING.search(node.value):
            found.append((node.lineno, f"selector-looking string {node.value[:60]!r}"))
        elif node.value.lower() in CSRF_NAMES:
            found.append((node.lineno, f"the anti-forgery token's name {node.value!r}"))
    return [f"{where}:{line}: {text}" for line, text in sorted(set(found))]


def _checked_files() -> list[Path]:
    return [path for folder in CHECKED for path in sorted((ROOT / folder).rglob("*.py"))]


def test_suites_and_fixtures_hold_no_selector():
    files = _checked_files()
    assert len(files) > 100  # the scan sees the suites and the fixtures
    found = [finding for path in files for finding in findings_in(path)]
    assert found == [], "selectors outside pages/ (move each into its screen's page object):\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    'page.locator("#code").fill("1")',
    'page.get_by_test_id("logout").click()',
    'page.get_by_role("link", name="Back")',
    'links = page.query_selector_all("a")',
    'page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")',
    'd.page.click("text=Continue")',
    'page.fill("#identity", email)',
    'until = banner.get_attribute("data-until")',
    'TOKEN = re.compile(r\'name="csrf_token" value="([^"]+)"\')',
    'META = re.compile(r\'<meta name="csrf-token" content="([^"]+)"\')',
    'SCREEN = "main[data-page=\\"account\\"]"',
    'ERROR = "[role=alert]:not([hidden]), .field-error"',
    'FIELDS = "input:not([type=hidden]), select"',
    'ROW = f\'[data-testid="row"][data-id="{n}"]\'',
    'PARENT = "xpath=.."',
    'JS = "() => [...document.querySelectorAll(\'[name]\')].length"',
    'hit = pattern.match("[data-testid=x]")',
    'from html.parser import HTMLParser',
    'import bs4',
    'page.request.post(path, form={"csrf_token": token})',
    'headers = {"X-CSRF-Token": token}',
])
def test_the_check_sees_each_kind_of_selector(tmp_path, source):
    probe = tmp_path / "probe.py"
    probe.write_text(f"{source}\n")
    assert findings_in(probe, tmp_path) != [], source


@pytest.mark.parametrize("source", [
    'reset.choose("Facial Recognition")',
    'expect(login.error).to_have_attribute("role", "alert")',
    'href = reset.handoff_link.get_attribute("href")',
    'unbind.next()',
    'page.goto("/login?with=phone")',
    'message = f"Live chat #{number} [{brand}]"',
    'COOKIE = re.compile(r"exchange_session=([^;]+)")',
    'ids = re.findall(r"PX-[A-Z]+-\\d+", text)',
    'page.evaluate("document.cookie")',
    'URL = "http://localhost:8000//login"',
])
def test_the_check_leaves_other_code_alone(tmp_path, source):
    probe = tmp_path / "probe.py"
    probe.write_text(f"{source}\n")
    assert findings_in(probe, tmp_path) == [], source
