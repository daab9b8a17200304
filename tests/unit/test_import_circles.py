"""No import circles inside sst_desk: read every module's imports with ``ast`` and look for cycles.

Two graphs. The imports that run when a module is imported (module level, class bodies, ``try``/``if``
blocks) must form no circle at all: such a circle makes the result depend on which module is imported first.
Imports inside functions run later and cannot half-initialise a module, but a circle closed by one still
ties two modules into one: there the only circles allowed are the ones listed in ``KNOWN`` (each with
the reason it is still there); a new one fails. Imports under ``if TYPE_CHECKING:`` never run and are left out
of both. Regression (issue 12): ``demo`` ↔ ``demo_accounts`` and ``ui.skollinje_chart`` ↔
``ui.skollinje_paint`` were such circles, and so was persistence ↔ security (the unit of work's storage
reached the key slots through ``security``; ``Database.open``'s gallring resume and the backups opened
databases): now ``security.keyslots`` does the key-slot work and persistence imports no ``security``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Circles closed only by imports inside functions, left for the work that takes their modules apart.
KNOWN: dict[frozenset[str], str] = {
    frozenset({"sst_desk.ui.accesslog.model", "sst_desk.ui.accesslog.details"}):
        "the access log's words are split between the list model and the detail sentences; they go together "
        "as one module of words inside ui/accesslog/ (issue 12, next)",
}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    lazy: bool  # inside a function: runs when called, not when the module is imported


def modules(package_dir: Path) -> dict[str, tuple[Path, bool]]:
    """Every module under ``package_dir``: dotted name → (file, is a package's ``__init__``)."""
    found = {}
    for file in sorted(package_dir.rglob("*.py")):
        if "__pycache__" in file.parts:
            continue
        parts = list(file.relative_to(package_dir.parent).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_init else parts)] = (file, is_init)
    return found


class _Imports(ast.NodeVisitor):
    def __init__(self, name: str, is_init: bool, known: dict[str, tuple[Path, bool]]):
        self.name, self.is_init, self.known = name, is_init, known
        self.depth = 0
        self.edges: list[Edge] = []

    def _add(self, target: str, line: int) -> None:
        while target and target not in self.known:  # "sst_desk.x.Name" imports the module sst_desk.x
            target = target.rpartition(".")[0]
        if target and target != self.name:
            self.edges.append(Edge(self.name, target, line, self.depth > 0))

    def _function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_If(self, node: ast.If) -> None:
        if ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.name.split(".") if self.is_init else self.name.split(".")[:-1]
            parts = parts[: len(parts) - node.level + 1]
            base = ".".join(parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:  # a name may be a submodule ("from . import paths") or an attribute
            submodule = f"{base}.{alias.name}"
            self._add(submodule if submodule in self.known else base, node.lineno)


def import_edges(package_dir: Path) -> list[Edge]:
    known = modules(package_dir)
    edges: list[Edge] = []
    for name, (file, is_init) in known.items():
        visitor = _Imports(name, is_init, known)
        visitor.visit(ast.parse(file.read_text(encoding="utf-8"), str(file)))
        edges += visitor.edges
    return edges


def circles(edges: list[Edge]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def describe(circle: frozenset[str], edges: list[Edge]) -> str:
    inside = sorted({f"  {e.source} → {e.target} (line {e.line}{', in a function' if e.lazy else ''})"
                     for e in edges if e.source in circle and e.target in circle})
    return "\n".join([", ".join(sorted(circle)) + ":", *inside])


def test_no_module_imports_itself_back_when_imported() -> None:
    edges = [e for e in import_edges(ROOT / "sst_desk") if not e.lazy]
    found = circles(edges)
    assert not found, "import circles at module level:\n" + "\n".join(describe(c, edges) for c in found)


def test_imports_inside_functions_close_no_circle_but_the_known_ones() -> None:
    edges = import_edges(ROOT / "sst_desk")
    new = [c for c in circles(edges) if not any(c <= allowed for allowed in KNOWN)]
    assert not new, "import circles (through imports inside functions):\n" + "\n".join(
        describe(c, edges) for c in new)


def test_persistence_imports_neither_security_nor_services() -> None:
    """The layers: persistence is below security (which opens databases) and the services (which use it)."""
    upward = [e for e in import_edges(ROOT / "sst_desk") if e.source.startswith("sst_desk.persistence")
              and e.target.startswith(("sst_desk.security", "sst_desk.services"))]
    assert not upward, "\n".join(f"{e.source} → {e.target} (line {e.line})" for e in upward)


def test_the_two_circles_of_issue_12_are_gone() -> None:
    edges = import_edges(ROOT / "sst_desk")
    pairs = {(e.source, e.target) for e in edges}
    for one, other in (("sst_desk.demo.generate", "sst_desk.demo.accounts"),
                       ("sst_desk.ui.skollinje.chart", "sst_desk.ui.skollinje.paint")):
        assert not ((one, other) in pairs and (other, one) in pairs), f"{one} and {other} import each other"


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "pkg"


@pytest.mark.parametrize(("files", "expected", "lazy"), [
    ({"pkg/__init__.py": "", "pkg/a.py": "from . import b\n", "pkg/b.py": "from .a import x\n"},
     {"pkg.a", "pkg.b"}, False),
    ({"pkg/__init__.py": "", "pkg/sub/__init__.py": "", "pkg/a.py": "import pkg.sub.c\n",
      "pkg/sub/c.py": "def f():\n    from ..a import g\n"}, {"pkg.a", "pkg.sub.c"}, True),
    ({"pkg/__init__.py": "from .a import x\n", "pkg/a.py": "from pkg import y\n"}, {"pkg", "pkg.a"}, False),
])
def test_the_search_finds_a_circle(tmp_path: Path, files: dict[str, str], expected: set[str],
                                   lazy: bool) -> None:
    """The check itself: a circle at module level, one closed inside a function, one through ``__init__``."""
    edges = import_edges(_write(tmp_path, files))
    assert circles(edges) == [frozenset(expected)]
    assert bool(circles([e for e in edges if not e.lazy])) is not lazy


def test_the_search_leaves_out_type_checking_imports(tmp_path: Path) -> None:
    files = {"pkg/__init__.py": "", "pkg/a.py": "from . import b\n",
             "pkg/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n"}
    assert circles(import_edges(_write(tmp_path, files))) == []
