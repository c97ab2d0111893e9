"""What one submitted file gives the bureau — a workbook re-evaluated, data scored, a report
checked — and what a workbook and the report of the same department give together.  Never
raising: a file that cannot be evaluated is a failed result with its reason."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..report.text import REPORT_SUFFIXES

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
DATA_SUFFIXES = (".json",)
EVALUATED, FAILED = "evaluated", "failed"   # FileResult.status
WORKBOOK, DATA, REPORT = "workbook", "data", "report"   # FileResult.kind


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return REPORT if suffix in REPORT_SUFFIXES else DATA if suffix in DATA_SUFFIXES else WORKBOOK


@dataclass
class FileResult:
    file: str
    status: str                      # EVALUATED or FAILED
    reason: str = ""
    evaluation: dict | None = None   # SPEC 7.4, or a report's check (check-report --json, and the
    seconds: float = 0.0             # keys of 7.4 the summary reads: dept_name, total, grade …)
    kind: str = WORKBOOK
    paired_with: str = ""            # the report of a workbook, the workbook of a report

    @property
    def findings(self) -> list[dict]:
        return (self.evaluation or {}).get("findings", [])

    @property
    def errors(self) -> int:
        return sum(f["severity"] == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f["severity"] == "warning" for f in self.findings)

    @property
    def clean(self) -> bool:
        return self.status == EVALUATED and self.errors == 0


def _failed(path: Path, reason: str, start: float, kind: str) -> FileResult:
    return FileResult(str(path), FAILED, reason, seconds=time.perf_counter() - start, kind=kind)


def _crash(exc: Exception) -> str:
    return f"处理出错 / error: {type(exc).__name__}: {str(exc)[:200]}"


def evaluate_file(path: Path) -> FileResult:
    """A workbook, data or a report on its own."""
    kind = kind_of(path)
    if kind == REPORT:
        return check_report_file(path)
    from ..book.recalc import RecalcError, recalc
    start = time.perf_counter()
    try:
        if kind == DATA:
            from ..book.scoredata import evaluate
            from ..files.jsondata import InputFileError, read_json
            try:
                evaluation = evaluate(read_json(path), source=str(path))
            except InputFileError as exc:
                return _failed(path, str(exc), start, kind)
        else:
            evaluation = recalc(path)
    except RecalcError as exc:
        return _failed(path, str(exc), start, kind)
    except Exception as exc:  # a parser bug on a hostile file must not stop the batch
        return _failed(path, _crash(exc), start, kind)
    return _evaluated(path, evaluation, start, kind)


def _evaluated(path: Path, evaluation, start: float, kind: str) -> FileResult:
    status, reason = EVALUATED, ""
    if not evaluation.evaluated:
        status = FAILED
        reason = "；".join(f.message for f in evaluation.findings if f.code == "TEMPLATE_UNKNOWN")
    return FileResult(str(path), status, reason, evaluation.to_dict(), time.perf_counter() - start, kind)


def check_report_file(path: Path, workbook: tuple | None = None, paired_with: str = "") -> FileResult:
    """A report checked on its own, or against (data, evaluation) of its department's workbook."""
    from ..report.checkfile import check_file
    from ..report.text import UnreadableReport
    start = time.perf_counter()
    try:
        result = check_file(path, workbook=workbook)
        facts = result.facts
    except UnreadableReport as exc:
        return _failed(path, str(exc), start, REPORT)
    except Exception as exc:  # a reader's bug on a hostile document must not stop the batch
        return _failed(path, _crash(exc), start, REPORT)
    out = result.to_dict()
    if not result.checkable:
        from ..report.coverage import NOTHING_READ
        return _failed(path, f"{NOTHING_READ}（不是自评报告，或版式未能识别）/ nothing checkable was read", start, REPORT)
    rates = {c["key"].removeprefix("stated_rates."): c["value"] for c in out["claims"]
             if c["key"].startswith("stated_rates.")}
    out.update(dept_name=facts.dept_name, fiscal_year=facts.fiscal_year, total=result.computed_total,
               self_total=result.stated_total, grade=facts.grade[0] if facts.grade else None,
               stated_rates=rates, items=[])
    return FileResult(str(path), EVALUATED, "", out, time.perf_counter() - start, REPORT, paired_with)


def evaluate_pair(workbook: Path, report: Path) -> list[FileResult]:
    """A workbook (or data) and the report of the same department: each on its own, and the
    report's figures against the workbook's (REPORT_WORKBOOK_MISMATCH)."""
    from ..report.source import WorkbookUnreadable, workbook_data
    start = time.perf_counter()
    try:
        data, evaluation = workbook_data(workbook)
    except WorkbookUnreadable:
        book = evaluate_file(workbook)    # its own reason; the report is checked on its own
        book.paired_with = str(report)
        return [book, check_report_file(report, paired_with=str(workbook))]
    except Exception as exc:
        return [_failed(workbook, _crash(exc), start, kind_of(workbook)), check_report_file(report)]
    book = _evaluated(workbook, evaluation, start, kind_of(workbook))
    book.paired_with = str(report)
    if not evaluation.evaluated:
        return [book, check_report_file(report, paired_with=str(workbook))]
    return [book, check_report_file(report, (data, evaluation), paired_with=str(workbook))]


def evaluate_job(paths: list[str], evaluate_one=evaluate_file) -> list[FileResult]:
    """A batch job: one file, or a (workbook, report) pair."""
    if len(paths) == 2:
        return evaluate_pair(Path(paths[0]), Path(paths[1]))
    return [evaluate_one(Path(paths[0]))]
