"""Where a report's figures come from: a submitted workbook (re-evaluated) or SPEC 7.3 data."""
from __future__ import annotations

from pathlib import Path

from ..book.scoredata import evaluate
from ..core.evaluation import Evaluation
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
    from ..book.recalc import RecalcError, recalc_submission
    try:
        data, evaluation = recalc_submission(path)   # the data as the evaluation read it: no second read
    except RecalcError as exc:
        raise WorkbookUnreadable(str(exc)) from None
    if data is None:
        raise WorkbookUnreadable(f"{path.name}: 不是 perfscore 工作簿 / not a perfscore workbook")
    return data, evaluation
