"""Documents: one handlingsplan (median, budget 150 ms), a batch of 200 plans, and LibreOffice side by side.

Run: .venv/bin/python benchmarks/bench_documents.py [--rounds 50] [--batch 200] [--lo-rounds 5]

- one plan: ``build_handlingsplan`` of the typical fictional case, after a warm-up;
- batch: ``build_batch`` over the current plans of demo cases (``sst_desk.demo.generate.build_cases``),
  in memory (no database), i.e. the layout and joining the team lead waits for;
- LibreOffice: the same plan as a .docx (made with python-docx, which is NOT a project dependency:
  ``pip install python-docx`` in your own venv) converted with ``soffice --headless --convert-to pdf``,
  once per process start (what a "convert this document" call costs) and the batch's plans in ONE
  soffice call. Skipped with a note when python-docx or LibreOffice is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

from report_cases import make_case  # noqa: E402

from sst_desk.demo.generate import build_cases  # noqa: E402
from sst_desk.services.printing import PLAN_STAGES, plan_to_print  # noqa: E402
from sst_desk.reports import ReportContext, build_handlingsplan  # noqa: E402
from sst_desk.reports.batch import build_batch  # noqa: E402
from sst_desk.workflow.entities import Case  # noqa: E402

BUDGET_MS = 150
CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström")
rows: list[tuple[str, str, str]] = []


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def one_plan(rounds: int) -> Case:
    case = make_case(goals=3, insatser=4)
    warm, _ = timed(lambda: build_handlingsplan(case, CONTEXT))
    times = [timed(lambda: build_handlingsplan(case, CONTEXT))[0] for _ in range(rounds)]
    median = statistics.median(times) * 1000
    rows.append(("reportlab: first plan (warm-up)", f"{warm * 1000:.0f} ms", ""))
    rows.append((f"reportlab: one plan, median of {rounds}", f"{median:.1f} ms",
                 f"budget {BUDGET_MS} ms: {'OK' if median <= BUDGET_MS else 'OVER'}"))
    return case


def demo_plans(n: int) -> list[Case]:
    found: list[Case] = []
    students = n * 3
    while len(found) < n:
        found = [c for c in build_cases(students=students, seed=7, today=dt.date(2026, 11, 22))
                 if c.stage in PLAN_STAGES and plan_to_print(c) is not None]
        students *= 2
    for number, case in enumerate(found, start=1):  # the batch reads cases from the database: ids are set
        case.id = number
    return found[:n]


def batch(n: int) -> None:
    cases = demo_plans(n)
    seconds, data = timed(lambda: build_batch(cases, CONTEXT))
    from pypdf import PdfReader
    import io

    pages = len(PdfReader(io.BytesIO(data)).pages)
    rows.append((f"reportlab + pypdf: batch of {n} plans", f"{seconds:.2f} s",
                 f"{pages} pages, {len(data) / 1024 / 1024:.1f} MiB, {seconds / n * 1000:.0f} ms a plan"))


def write_docx(case: Case, path: Path) -> None:
    """The plan's content as a Word document: the same sections, tables and signature lines."""
    import docx

    plan = case.current_plan
    document = docx.Document()
    document.add_heading("Handlingsplan", 0)
    document.add_paragraph(f"Version {plan.version} · upprättad {plan.created_on}")
    document.add_heading("Elev och vårdnadshavare", 1)
    student = case.student
    table = document.add_table(rows=0, cols=2)
    for key, value in (("Elev", student.full_name), ("Personnummer", student.personal_id or "saknas"),
                       ("Skola", student.school), ("Årskurs", str(student.grade)),
                       ("Vårdnadshavare", "\n".join(g.name for g in student.guardians))):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
    document.add_heading("Mål", 1)
    goals = document.add_table(rows=1, cols=6)
    for cell, text in zip(goals.rows[0].cells, ["Nr", "Beskrivning", "Område", "Hur det mäts", "Utgångsläge", "Mål"]):
        cell.text = text
    for number, goal in enumerate(plan.goals, start=1):
        for cell, text in zip(goals.add_row().cells, [str(number), goal.description, str(goal.area.value),
                                                      goal.measure, goal.baseline, goal.target]):
            cell.text = text
    document.add_heading("Insatser", 1)
    insatser = document.add_table(rows=1, cols=4)
    for cell, text in zip(insatser.rows[0].cells, ["Nr", "Insats", "Ansvarig", "Period"]):
        cell.text = text
    for number, insats in enumerate(plan.insatser, start=1):
        for cell, text in zip(insatser.add_row().cells, [str(number), f"{insats.name}\n{insats.description}",
                                                         insats.responsible_person, f"{insats.start_on} –"]):
            cell.text = text
    document.add_heading("Uppföljning", 1)
    document.add_paragraph(f"Nästa uppföljning: {plan.follow_up_on}")
    document.add_heading("Vårdnadshavarnas syn", 1)
    document.add_paragraph(plan.guardians_view or "Vårdnadshavarnas syn har inte dokumenterats.")
    document.add_heading("Underskrifter", 1)
    for name in [student.full_name, *(g.name for g in student.guardians)]:
        document.add_paragraph(f"\n\n______________________________   __________\n{name}   Datum")
    document.save(str(path))


def libreoffice(case: Case, rounds: int, n: int) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    try:
        import docx  # noqa: F401
    except ImportError:
        rows.append(("LibreOffice", "skipped", "python-docx is not installed (pip install python-docx)"))
        return
    if soffice is None:
        rows.append(("LibreOffice", "skipped", "not installed (apt-get install libreoffice-writer)"))
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        profile = f"-env:UserInstallation=file://{work / 'profile'}"
        source = work / "plan.docx"
        write_docx(case, source)

        def convert(*files: Path) -> None:
            subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "out"),
                            *map(str, files)], check=True, capture_output=True, timeout=1800)

        convert(source)  # first start creates the profile: a warm-up
        times = [timed(lambda: convert(source))[0] for _ in range(rounds)]
        rows.append((f"LibreOffice: one .docx, median of {rounds}", f"{statistics.median(times) * 1000:.0f} ms",
                     "a new soffice process each time"))
        many = []
        for number, plan_case in enumerate(demo_plans(n)):
            path = work / f"plan{number:03d}.docx"
            write_docx(plan_case, path)
            many.append(path)
        seconds, _ = timed(lambda: convert(*many))
        rows.append((f"LibreOffice: {n} .docx in one call", f"{seconds:.1f} s",
                     f"{seconds / n * 1000:.0f} ms a plan; separate PDFs, not joined"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--lo-rounds", type=int, default=5)
    args = parser.parse_args()
    case = one_plan(args.rounds)
    batch(args.batch)
    libreoffice(case, args.lo_rounds, args.batch)
    width = max(len(r[0]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>10}  {note}")


if __name__ == "__main__":
    main()
