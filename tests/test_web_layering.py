"""The mock exchange's structure: no import cycle, no arrow up into the web layer, handlers of one shape.

The shape (mock_exchange/web/dependencies.py): every route's handler is a plain ``def`` that FastAPI
runs in its thread pool, given the visit, the signed-in account and the checked form by
dependencies; only the visit middleware hands work to a thread itself.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from fixtures import brands
from mock_exchange.app import create_app

PACKAGE = Path(__file__).resolve().parent.parent / "mock_exchange"
COMPOSITION_ROOT = "mock_exchange.app"  # builds the app from the web routers: the one module above them


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                target = f"{module}.{alias.name}"
                found.add(target if target in MODULES else module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {target for target in found if target in MODULES and target != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    order, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for target in GRAPH[module]:
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            component = []
            while not component or component[-1] != module:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))

    for module in GRAPH:
        if module not in order:
            visit(module)
    return found


def test_the_import_graph_has_no_cycle():
    assert _cycles() == []


def test_only_the_composition_root_imports_the_web_layer():
    upward = sorted(
        (module, target)
        for module, targets in GRAPH.items()
        for target in targets
        if ".web" not in module and module != COMPOSITION_ROOT and target.startswith("mock_exchange.web")
    )
    assert upward == []


def test_the_graph_is_read_from_real_imports():
    # Guards the two tests above against a parser that sees nothing.
    assert "mock_exchange.web.dependencies" in GRAPH["mock_exchange.web.unbind_pages"]
    assert "mock_exchange.models" in GRAPH["mock_exchange.web.visit"]


def _api_routes(routes) -> list[APIRoute]:
    """The app's API routes, also inside the routers FastAPI includes lazily (``original_router``)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif (router := getattr(route, "original_router", None)) is not None:
            found.extend(_api_routes(router.routes))
    return found


@pytest.mark.parametrize("brand", brands.NAMES)
def test_every_handler_is_a_plain_function(brand, tmp_path):
    app = create_app(brand, database_path=tmp_path / "shape.db", test_mode=True)
    routes = _api_routes(app.routes)
    assert len(routes) > 100
    not_plain = sorted(route.path for route in routes if inspect.iscoroutinefunction(route.endpoint))
    assert not_plain == []


def test_only_the_visit_middleware_hands_work_to_a_thread():
    handing = sorted(
        path.name for path in (PACKAGE / "web").glob("*.py") if "run_in_threadpool" in path.read_text()
    )
    assert handing == ["visit.py"]


def test_the_login_redirect_is_written_once():
    writing = sorted(
        path.name for path in (PACKAGE / "web").glob("*.py") if 'RedirectResponse("/login"' in path.read_text()
    )
    assert writing == []
