"""The whole ``sst-desk print handlingsplan`` beside LibreOffice converting an equivalent .docx, in the same run.

    .venv/bin/python benchmarks/bench_print.py [--rounds 7] [--before CHECKOUT]

Each figure is a fresh process, measured from just before it starts to its end:

- SST Desk: ``python -m sst_desk --db DEMO --user sara print handlingsplan --case N --out FILE --force``
  on an encrypted demo database (process start, imports, unlocking the key and signing in — two Argon2id
  derivations at the shipped cost —, the integrity check, opening, loading the case, checking and logging
  the print, building and writing the PDF);
- LibreOffice: ``soffice --headless --convert-to pdf`` of a .docx with the same sections and tables as the
  typical plan (written here with the standard library: no python-docx needed), after one warm-up run that
  creates its profile. Skipped with a note when LibreOffice is not installed
  (``apt-get install libreoffice-writer-nogui``).

Also printed, to show where the floor is: a bare ``python -c pass``, ``import sqlalchemy.orm`` alone, and
one Argon2id derivation at the shipped parameters (a security setting: measured, never lowered).
Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

from report_cases import make_case  # noqa: E402

PASSWORD = "demo-losenord"  # the demo database's (fictional data only)


def run(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    """Run ``command`` to its end; in ``cwd``, because ``-m``/``-c`` put the working folder first on sys.path."""
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - started


def median_ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:6.0f} ms   min {min(times) * 1000:6.0f} ms"


def demo_database(work: Path, env: dict[str, str]) -> tuple[Path, int]:
    """An encrypted demo database and a case whose plan may be printed (valid samtycke)."""
    database = work / "demo.sqlite3"
    subprocess.run([sys.executable, "-m", "sst_desk", "--db", str(database), "demo"], env=env, check=True,
                   capture_output=True, timeout=600, cwd=ROOT)
    for case_id in range(1, 41):
        done = subprocess.run(print_command(database, case_id, work / "probe.pdf"), env=env, capture_output=True,
                              timeout=600, cwd=ROOT)
        if done.returncode == 0:
            return database, case_id
    raise SystemExit("no printable handlingsplan in the demo database")


def print_command(database: Path, case_id: int, out: Path) -> list[str]:
    return [sys.executable, "-m", "sst_desk", "--db", str(database), "--user", "sara", "print", "handlingsplan",
            "--case", str(case_id), "--out", str(out), "--force"]


def _paragraph(text: str, bold: bool = False) -> str:
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    lines = escape(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:p><w:r>{run_properties}{body}</w:r></w:p>"


def _table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{_paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
                    for row in rows)
    borders = "".join(f'<w:{side} w:val="single" w:sz="4"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>' \
           f"{cells}</w:tbl>"


def write_docx(path: Path) -> None:
    """The typical plan (3 goals, 4 insatser) as a Word document: the same sections, tables and signatures."""
    case = make_case(goals=3, insatser=4)
    plan, student = case.current_plan, case.student
    parts = [_paragraph("Handlingsplan", bold=True), _paragraph(f"Version {plan.version} · upprättad {plan.created_on}"),
             _paragraph("Elev och vårdnadshavare", bold=True),
             _table([["Elev", student.full_name], ["Personnummer", student.personal_id or "saknas"],
                     ["Skola", student.school], ["Årskurs", str(student.grade)],
                     ["Vårdnadshavare", "\n".join(g.name for g in student.guardians)]]),
             _paragraph("Mål", bold=True),
             _table([["Nr", "Beskrivning", "Område", "Hur det mäts", "Utgångsläge", "Mål"]]
                    + [[str(n), g.description, str(g.area.value), g.measure, g.baseline, g.target]
                       for n, g in enumerate(plan.goals, start=1)]),
             _paragraph("Insatser", bold=True),
             _table([["Nr", "Insats", "Ansvarig", "Period"]]
                    + [[str(n), f"{i.name}\n{i.description}", i.responsible_person, f"{i.start_on} –"]
                       for n, i in enumerate(plan.insatser, start=1)]),
             _paragraph("Uppföljning", bold=True), _paragraph(f"Nästa uppföljning: {plan.follow_up_on}"),
             _paragraph("Vårdnadshavarnas syn", bold=True),
             _paragraph(plan.guardians_view or "Vårdnadshavarnas syn har inte dokumenterats."),
             _paragraph("Underskrifter", bold=True)]
    parts += [_paragraph(f"\n\n______________________________   __________\n{name}   Datum")
              for name in [student.full_name, *(g.name for g in student.guardians)]]
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{namespace}">'
                f'<w:body>{"".join(parts)}</w:body></w:document>')
    package = "http://schemas.openxmlformats.org/package/2006"
    types = (f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    relations = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", relations)
        archive.writestr("word/document.xml", document)


def argon2_once() -> float:
    from sst_desk.security.keyfile import DEFAULT_KDF, _derive

    started = time.perf_counter()
    _derive(PASSWORD, b"0123456789abcdef", DEFAULT_KDF)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--before", type=Path, default=None, metavar="CHECKOUT",
                        help="another checkout: its print alternates with this one's, for a before/after in one run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = dict(os.environ, PYTHONPATH=str(ROOT), SST_DESK_PASSWORD=PASSWORD, SST_DESK_DATA_DIR=str(work / "data"),
                   HOME=str(work / "home"), XDG_CACHE_HOME=str(work / "cache"), XDG_CONFIG_HOME=str(work / "config"))
        env.pop("SST_DESK_USER", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: the package byte-compiled (below), .pyc used
        import compileall

        compileall.compile_dir(str(ROOT / "sst_desk"), quiet=1)
        database, case_id = demo_database(work, env)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        docx = work / "plan.docx"
        write_docx(docx)
        convert = [soffice or "soffice", f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)]
        if soffice:
            run(convert, env)  # the first start creates LibreOffice's profile
        ours, theirs, bare, alchemy, before = [], [], [], [], []
        if args.before:
            compileall.compile_dir(str(args.before / "sst_desk"), quiet=1)
        for _ in range(args.rounds):  # interleaved, so both sides see the same load on the machine
            ours.append(run(print_command(database, case_id, work / "plan.pdf"), env))
            if args.before:
                before.append(run(print_command(database, case_id, work / "plan.pdf"),
                                  dict(env, PYTHONPATH=str(args.before)), cwd=args.before))
            if soffice:
                theirs.append(run(convert, env))
            bare.append(run([sys.executable, "-c", "pass"], env))
            alchemy.append(run([sys.executable, "-c", "import sqlalchemy.orm"], env))
        argon = [argon2_once() for _ in range(args.rounds)]
    print(f"sst-desk print handlingsplan, whole process:   {median_ms(ours)}")
    if before:
        print(f"  the same from {args.before}:  {median_ms(before)}")
    if theirs:
        ratio = statistics.median(theirs) / statistics.median(ours)
        print(f"LibreOffice .docx → PDF, whole process:        {median_ms(theirs)}")
        print(f"LibreOffice / SST Desk: {ratio:.2f}×   (budget: SST Desk at least 3× faster)")
    else:
        print("LibreOffice: skipped, not installed (apt-get install libreoffice-writer-nogui)")
    print(f"floor — python -c pass:                        {median_ms(bare)}")
    print(f"floor — python -c 'import sqlalchemy.orm':     {median_ms(alchemy)}")
    print(f"one Argon2id derivation (shipped cost, ×2 a sign-in): {median_ms(argon)}")


if __name__ == "__main__":
    main()
