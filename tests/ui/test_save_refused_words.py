"""A save the process's rules refuse (``services.cases.save_case`` raising ``ProcessError``) is said in words.

What broke: the window showed "Something unexpected went wrong" for a refusal it could have explained, and
the findings' codes never reached the worker.
"""

from __future__ import annotations

from sst_desk.ui.common.errors import database_error_text
from sst_desk.workflow.problems import Finding, ProcessError, Problem


def test_a_refused_save_names_every_reason_once_and_says_nothing_was_changed(qapp):
    refusal = ProcessError([Finding(Problem.GOAL_RATED, "Närvaro över 80 %"),
                            Finding(Problem.HISTORY_CHANGED, "inskrivning", "transitions"),
                            Finding(Problem.GOAL_RATED, "Närvaro över 80 %")])
    text = database_error_text(refusal)
    assert text.startswith("The case was not saved, because the process's rules do not allow it:")
    assert text.count("This goal has been rated at a follow-up and stays on record.") == 1
    assert "The case's history stays as it was recorded" in text
    assert text.endswith("Nothing was changed; your changes are still in the window.")
    assert "goal_rated" not in text and "Something unexpected" not in text
