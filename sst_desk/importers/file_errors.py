"""The error for a file that cannot be read as a whole, shared by the readers (tables, sheets, limits).

Its own module so that the size limits and the spreadsheet reader can raise it without importing
``tables``, which uses both.
"""

from __future__ import annotations

from sst_desk.importers.attendance_spec import ProblemCode, RowProblem


class ImportFileError(Exception):
    """The file as a whole cannot be read: ``problem`` says why (line 0, or the line where it broke)."""

    def __init__(self, problem: RowProblem, problems: list[RowProblem] | None = None) -> None:
        super().__init__(problem.describe())
        self.problem = problem
        self.problems = problems or [problem]  # a mapping can have several problems at once


def file_error(code: ProblemCode, value: str = "", line: int = 0) -> ImportFileError:
    return ImportFileError(RowProblem(line, code, "", value[:60]))
