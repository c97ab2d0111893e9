"""A report's text through check-report, and what tests look at in the result (importable from
every test folder)."""
from __future__ import annotations

from engine.report.check import ReportCheck, check
from engine.report.claims import read_facts
from engine.report.text import read_report


def checked(tmp_path, text: str, name: str = "report.txt") -> ReportCheck:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check(read_facts(read_report(path)))


def indicator_values(result: ReportCheck) -> dict[str, tuple]:
    """Each indicator read: (target, actual, weight, self score), None for what was not read."""
    value = lambda n: n.value if n is not None else None   # noqa: E731
    return {i.name: (value(i.target), value(i.actual), value(i.weight), value(i.self_score))
            for i in result.facts.indicators}


def amounts(result: ReportCheck) -> dict[str, float]:
    return {k: n.value for k, n in result.facts.keyed_amounts().items()}


def execution(result: ReportCheck) -> tuple[float | None, float]:
    """The 预算执行率 item's (分值, 得分)."""
    item = next(i for i in result.facts.items if i.row_id == "budget_execution")
    return (item.weight.value if item.weight else None, item.score.value)


def error_codes(result: ReportCheck) -> list[str]:
    return [f.code for f in result.findings if f.severity == "error"]


def said(result: ReportCheck) -> list[tuple[str, str]]:
    """Each finding's code and severity, sorted."""
    return sorted((f.code, f.severity) for f in result.findings)
