"""check-report of one file: read it, check its arithmetic, compare it with its workbook."""
from __future__ import annotations

from pathlib import Path

from .check import ReportCheck, check
from .claims import read_facts
from .compare import compare
from .text import read_report


def check_file(path: str | Path, rule_set=None, workbook: tuple | None = None) -> ReportCheck:
    """`workbook`: (data, evaluation) of the department's workbook (source.workbook_data), whose
    rule set is the report's unless one is given (a RuleSet, an id or a file).  Raises
    text.UnreadableReport."""
    facts = read_facts(read_report(path))
    result = check(facts, rule_set or (workbook[1].rule_set if workbook else None))
    if workbook:
        result.findings += compare(facts, *workbook)
    return result
