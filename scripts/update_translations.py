#!/usr/bin/env python3
"""Extract SST Desk's UI strings into the Swedish .ts and compile the .qm (``--check`` only verifies).

    .venv/bin/python scripts/update_translations.py           # update .ts (keeps translations), build .qm
    .venv/bin/python scripts/update_translations.py --check   # exit 1 if anything is untranslated or stale

lupdate reads ``self.tr``, ``QCoreApplication.translate`` and ``QT_TRANSLATE_NOOP`` calls with literal
strings. It misses a module's one-argument helper (``def _t(text): return QCoreApplication.translate(CONTEXT,
text)``), a context held in a module constant (``translate(CONTEXT, "...")``) and ``self.tr`` inside an
f-string, so this script also finds calls with ``ast`` and hands them to lupdate as literal ``translate``
calls in a temporary file. It warns about calls that cannot be translated (built text, ``other.tr``).

The words for the workflow's codes (context "Labels", disambiguated by enum class) are not translated here
by hand: their Swedish is written from ``sst_desk/vocabulary.py``, the table printed documents use too, and
``--check`` fails when the .ts says anything else.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sst_desk"
EXCLUDED = (PACKAGE / "workflow",)  # pure domain code: codes and enums, no words for people
TS_FILE = ROOT / "resources" / "translations" / "sst_desk_sv.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%L?\d+")


class ToolMissing(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease is not installed next to this Python (or on PATH)."""


@dataclass(frozen=True)
class Message:
    """One message of a .ts file."""

    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""  # the disambiguation, when one English text needs two Swedish ones

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    def problem(self) -> str | None:
        """Why this message is not ready to ship, or None."""
        if not self.finished or not self.translation.strip():
            return "untranslated"
        if sorted(PLACEHOLDER.findall(self.source)) != sorted(PLACEHOLDER.findall(self.translation)):
            return "placeholders differ"
        return None


def tool(name: str) -> str:
    """The path of a Qt tool from the venv next to ``sys.executable``, else from PATH."""
    suffix = ".exe" if os.name == "nt" else ""
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        candidate = folder / f"{name}{suffix}"
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise ToolMissing(f"{name} not found (install PySide6-Essentials in this Python's environment)")
    return found


def source_files() -> list[Path]:
    """Every .py of the app that may hold UI text."""
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if not any(p.is_relative_to(ex) for ex in EXCLUDED) and "__pycache__" not in p.parts)


def _module_strings(tree: ast.Module) -> dict[str, str]:
    consts: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            consts[node.targets[0].id] = node.value.value
    return consts


def _helper_context(func: ast.FunctionDef, consts: dict[str, str]) -> str | None:
    """The context if ``func`` is ``def f(text): return <...>.translate(CONTEXT, text)``."""
    args = func.args.args
    if len(args) != 1 or len(func.body) < 1 or not isinstance(func.body[-1], ast.Return):
        return None
    call = func.body[-1].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
            and len(call.args) == 2 and isinstance(call.args[1], ast.Name) and call.args[1].id == args[0].arg):
        return None
    ctx = call.args[0]
    if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str):
        return ctx.value
    if isinstance(ctx, ast.Name):
        return consts.get(ctx.id)
    return None


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


Found = tuple[str, str, str | None]  # context, source, disambiguation


class _Finder(ast.NodeVisitor):
    """Collects the (context, source, disambiguation) of one module, with the enclosing class for ``self.tr``."""

    def __init__(self, rel: str, consts: dict[str, str], helpers: dict[str, str]):
        self.rel, self.consts, self.helpers = rel, consts, helpers
        self.classes: list[str] = []
        self.found: list[Found] = []
        self.warnings: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id in self.helpers:
            self._add(self.helpers[func.id], args[:1], node, func.id)
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2:
            context = _literal(args[0])
            if context is None and isinstance(args[0], ast.Name):
                context = self.consts.get(args[0].id)
            if context is not None:
                self._add(context, args[1:3], node, "translate")
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and args:
            if isinstance(func.value, ast.Name) and func.value.id == "self" and self.classes:
                self._add(self.classes[-1], args[:2], node, "tr")
            else:
                self.warnings.append(f"{self.rel}:{node.lineno}: .tr() on something other than self: its context "
                                     "is that object's class at run time; use QCoreApplication.translate")
        self.generic_visit(node)

    def _add(self, context: str, args: list[ast.expr], node: ast.Call, name: str) -> None:
        arg = args[0] if args else None
        text = _literal(arg)
        if text is not None:
            self.found.append((context, text, _literal(args[1]) if len(args) > 1 else None))
        elif isinstance(arg, (ast.JoinedStr, ast.BinOp)):  # a name may be a QT_TRANSLATE_NOOP lookup; these never are
            self.warnings.append(f"{self.rel}:{node.lineno}: {name}() of a built string cannot be translated; "
                                 "use a literal with %1 and .replace()")


def helper_messages(path: Path) -> tuple[list[Found], list[str]]:
    """(context, source, disambiguation) found with ``ast`` in ``path`` (lupdate misses some of them), and warnings.

    Covers ``self.tr("...")`` (context: the enclosing class, also inside f-strings),
    ``translate(CONTEXT, "...")`` with a literal or module-constant context, and calls of one-argument
    translate helpers. Duplicates of what lupdate finds itself merge into the same message.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    consts = _module_strings(tree)
    helpers = {node.name: ctx for node in tree.body if isinstance(node, ast.FunctionDef)
               if (ctx := _helper_context(node, consts)) is not None}
    finder = _Finder(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path), consts, helpers)
    finder.visit(tree)
    return finder.found, finder.warnings


def write_helper_stub(folder: Path, files: list[Path]) -> tuple[Path, list[str]]:
    """A .py of literal ``translate`` calls for lupdate, one per string found with ``ast`` in ``files``."""
    lines = ["# Generated by scripts/update_translations.py for lupdate; not part of the app.",
             "from PySide6.QtCore import QCoreApplication", ""]
    warnings: list[str] = []
    for path in files:
        found, problems = helper_messages(path)
        warnings += problems
        for found_args in found:
            args = ", ".join(json.dumps(a, ensure_ascii=False) for a in found_args if a is not None)
            lines.append(f"QCoreApplication.translate({args})")
    for (context, source, comment) in vocabulary_messages():  # the codes' words: data, not calls
        args = ", ".join(json.dumps(a, ensure_ascii=False) for a in (context, source, comment))
        lines.append(f"QCoreApplication.translate({args})")
    stub = folder / "sst_desk_helper_strings.py"
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return stub, warnings


def vocabulary_messages() -> dict[tuple[str, str, str], str]:
    """The codes' words from ``sst_desk/vocabulary.py``: (context, source, disambiguation) → Swedish.

    The window's labels for codes are Qt messages whose Swedish is not typed into the .ts but written
    from that table (the one printed documents use), so screen and paper say the same.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from sst_desk.vocabulary import qt_messages

    return qt_messages()


def _ts_escape(text: str) -> str:
    """Text as lupdate writes it inside an element."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&apos;").replace('"', "&quot;"))


def write_vocabulary(ts_file: Path) -> int:
    """Set each code's translation in ``ts_file`` to the vocabulary's Swedish; return how many changed."""
    text = ts_file.read_text(encoding="utf-8")
    changed = 0
    for (_context, source, comment), swedish in vocabulary_messages().items():
        pattern = re.compile(r"(<source>" + re.escape(_ts_escape(source)) + r"</source>\s*<comment>"
                             + re.escape(_ts_escape(comment)) + r"</comment>\s*)<translation[^>]*>[^<]*</translation>")
        wanted = f"<translation>{_ts_escape(swedish)}</translation>"
        text, count = pattern.subn(lambda m, w=wanted: m.group(1) + w, text)
        changed += count
    ts_file.write_text(text, encoding="utf-8")
    return changed


def vocabulary_drift(messages: list[Message]) -> list[str]:
    """Codes whose translation in the .ts is not the vocabulary's Swedish (or that are missing)."""
    found = {m.key: m for m in messages}
    drift = []
    for key, swedish in vocabulary_messages().items():
        msg = found.get(key)
        if msg is None or not msg.finished or msg.translation != swedish:
            drift.append(f"[{key[0]}] {key[1]!r} ({key[2]}): the .ts says "
                         f"{msg.translation if msg else None!r}, sst_desk/vocabulary.py says {swedish!r}")
    return drift


def run_lupdate(ts_file: Path) -> list[str]:
    """Merge the sources' strings into ``ts_file`` (translations kept, vanished ones dropped); return warnings."""
    lupdate = tool("pyside6-lupdate")
    files = source_files()
    with tempfile.TemporaryDirectory(prefix="sst-lupdate-") as tmp:
        stub, warnings = write_helper_stub(Path(tmp), files)
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in [*files, stub]) + "\n", encoding="utf-8")
        result = subprocess.run([lupdate, f"@{listing}", "-locations", "none", "-no-obsolete", "-silent",
                                 "-source-language", "en", "-target-language", "sv_SE", "-ts", str(ts_file)],
                                capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"lupdate failed:\n{result.stdout}{result.stderr}")
    return warnings + [line for line in result.stderr.splitlines() if line.strip()]


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    result = subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not qm_file.exists():
        raise RuntimeError(f"lrelease failed:\n{result.stdout}{result.stderr}")


def read_messages(ts_file: Path) -> list[Message]:
    root = ET.parse(ts_file).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            text = "" if tr is None else (tr.text or "") + "".join(f.text or "" for f in tr.iter("numerusform"))
            messages.append(Message(name, msg.findtext("source", ""), text,
                                    finished=kind not in ("unfinished", "vanished", "obsolete"),
                                    comment=msg.findtext("comment", "")))
    return messages


def unready(messages: list[Message]) -> list[tuple[Message, str]]:
    return [(m, why) for m in messages if (why := m.problem()) is not None]


def extract_to_copy(folder: Path) -> Path:
    """A copy of the committed .ts in ``folder``, updated from the current sources."""
    copy = folder / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)
    run_lupdate(copy)
    return copy


def qm_is_current(folder: Path) -> bool:
    """True when the committed .qm is byte-identical to what lrelease makes from the committed .ts now."""
    fresh = folder / "fresh.qm"
    run_lrelease(TS_FILE, fresh)
    return QM_FILE.exists() and QM_FILE.read_bytes() == fresh.read_bytes()


def check() -> int:
    with tempfile.TemporaryDirectory(prefix="sst-tr-check-") as tmp:
        folder = Path(tmp)
        messages = read_messages(extract_to_copy(folder))
        committed = {m.key for m in read_messages(TS_FILE)}
        stale_ts = {m.key for m in messages} != committed
        problems = unready(messages)
        drift = vocabulary_drift(read_messages(TS_FILE))
        qm_ok = qm_is_current(folder)
    for msg, why in problems:
        print(f"{why}: [{msg.context}] {msg.source!r}")
    for line in drift:
        print(f"not the vocabulary's word: {line}")
    if stale_ts:
        print(f"{TS_FILE.relative_to(ROOT)} is not up to date with the sources.")
    if not qm_ok:
        print(f"{QM_FILE.relative_to(ROOT)} is older than or different from {TS_FILE.name}.")
    if problems or stale_ts or drift or not qm_ok:
        print("Run: .venv/bin/python scripts/update_translations.py, translate, and run it again.")
        return 1
    print(f"{len(messages)} messages, all translated; {QM_FILE.name} is current.")
    return 0


def update() -> int:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    for warning in run_lupdate(TS_FILE):
        print(warning, file=sys.stderr)
    write_vocabulary(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    messages = read_messages(TS_FILE)
    problems = unready(messages)
    print(f"{len(messages)} messages in {TS_FILE.relative_to(ROOT)}; {len(problems)} need a translation.")
    for msg, why in problems:
        print(f"  {why}: [{msg.context}] {msg.source!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a translation is "
                                                                "missing or the .ts/.qm is stale")
    args = parser.parse_args(argv)
    try:
        return check() if args.check else update()
    except ToolMissing as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
