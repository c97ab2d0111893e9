"""Where a report's figures come from: a submitted workbook (re-evaluated) or SPEC 7.3 data."""
from __future__ import annotations

from pathlib import Path

from ..core.evaluation import Evaluation, evaluate
from ..files.jsondata import InputFileError, read_json


class WorkbookUnreadable(Exception):
    """The workbook a report is compared with cannot be evaluated; the message says why."""


def workbook_data(path: str | Path) -> tuple[dict, Evaluation]:
    """The submission typed into a workbook (or a JSON data file) and its evaluation."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = read_json(path)
        except InputFileError as exc:
            raise WorkbookUnreadable(str(exc)) from None
        return data, evaluate(data, source=str(path))
    from openpyxl import load_workbook

    from ..book.readback import read_submission
    from ..book.recalc import RecalcError, recalc
    from ..core import rulesets
    try:
        evaluation = recalc(path)
    except RecalcError as exc:
        raise WorkbookUnreadable(str(exc)) from None
    if not evaluation.rule_set:
        raise WorkbookUnreadable(f"{path.name}: 不是 perfscore 工作簿 / not a perfscore workbook")
    wb = load_workbook(path, keep_links=False)
    return read_submission(wb, rulesets.load(evaluation.rule_set)), evaluation
