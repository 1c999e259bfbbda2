"""The architecture, read from the import statements of the source tree (every import counts,
also those inside functions and under TYPE_CHECKING): data flows fetch -> extract -> item ->
pipeline -> archive, and the replica stands apart."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGES = ("crawler", "archive", "replica")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> Iterator[str]:
    """The modules `path` imports, relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            # `from crawler import sites` imports the module crawler.sites.
            for alias in node.names:
                if _is_module(f"{base}.{alias.name}"):
                    yield f"{base}.{alias.name}"


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _exports(path: Path) -> list[str]:
    """A module's `__all__`."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    return []


def _graph() -> dict[str, set[str]]:
    graph = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = _module_name(path)
            graph[module] = set(_imports(path, module))
    return graph


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return _graph()


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def offenders(graph: dict[str, set[str]], where: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        if _within(module, where)
        for target in targets
        if any(_within(target, bad) for bad in forbidden)
    )


@pytest.mark.parametrize(
    ("where", "forbidden"),
    [
        # Pure functions: (html, url) -> fields; the caller passes the site's profile.
        ("crawler.extract", ("scrapy", "twisted", "crawler.sites", "archive")),
        # Storage knows nothing of the crawler, nor of Scrapy.
        ("archive", ("crawler", "scrapy", "twisted")),
        # The test bed imitates portals; it never reads the crawler's profiles or the archive.
        ("replica", ("crawler", "archive")),
    ],
)
def test_layers_import_only_what_they_may(
    graph: dict[str, set[str]], where: str, forbidden: tuple[str, ...]
) -> None:
    assert offenders(graph, where, forbidden) == []


def test_the_crawler_uses_the_archive_s_public_api(graph: dict[str, set[str]]) -> None:
    # `archive` exports what the crawler may use; `archive.web` starts Datasette.
    exported = _exports(ROOT / "archive" / "__init__.py")
    allowed = {"archive", "archive.web", *(f"archive.{name}" for name in exported)}
    wrong = [
        f"{module} imports {target}"
        for module, targets in graph.items()
        if _within(module, "crawler")
        for target in targets
        if _within(target, "archive") and target not in allowed
    ]
    assert wrong == []


def _unit(module: str) -> str:
    """What a cycle is counted between: a crawler subpackage, or a top-level module."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_no_import_cycle_between_crawler_packages(graph: dict[str, set[str]]) -> None:
    units: dict[str, set[str]] = {}
    modules = {m for m in graph if _within(m, "crawler")}
    for module in modules:
        for target in graph[module]:
            if target in modules and _unit(target) != _unit(module):
                units.setdefault(_unit(module), set()).add(_unit(target))
    cycles = []
    for start in units:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in units.get(node, ()):
                if nxt == start:
                    cycles.append(" -> ".join([*path, start]))
                elif nxt not in path and nxt > start:  # each cycle once, from its least unit
                    stack.append((nxt, [*path, nxt]))
    assert cycles == []
