"""A report against its workbook (`check-report --workbook`): each figure the report states
that the workbook holds differently is a REPORT_WORKBOOK_MISMATCH — compared at the precision
the report states ("报告写 4637.81 万元，工作簿为 4600.00 万元")."""
from __future__ import annotations

from ..core import parsing
from ..core.errors import CellError
from ..core.evaluation import Evaluation
from ..core.findings import Finding, FindingList
from ..core.rounding import excel_round
from .rate_checks import RATE_LABELS
from .facts import Facts

_EPS = 1e-9


def compare(facts: Facts, data: dict, evaluation: Evaluation) -> list[Finding]:
    report = FindingList()
    inputs = data.get("inputs", {})
    for key, n in facts.every_keyed_amount():
        try:
            held = parsing.parse_money(inputs[key], key, signed=True) if key in inputs else None
        except CellError:
            held = None
        said = facts.amount(n)
        if held is not None and abs(held - said) > (n.half_unit / 10000 if n.unit == "元" else n.half_unit) + _EPS:
            _mismatch(report, facts, n.start, f"报告写 {said:,.2f} 万元，工作簿为 {held:,.2f} 万元（{key}）")
    for key, n in facts.keyed_rates().items():
        held = evaluation.rates.get(key)
        if held is not None and abs(excel_round(held * 100, n.decimals) - n.value) > _EPS:
            _mismatch(report, facts, n.start,
                      f"报告写{RATE_LABELS.get(key, key)} {n.value:g}%，工作簿为 {held * 100:.2f}%")
    if facts.total is not None and evaluation.total is not None and abs(facts.total.value - evaluation.total) >= 0.005:
        _mismatch(report, facts, facts.total.start,
                  f"报告写综合得分 {facts.total.value:g} 分，工作簿计算为 {evaluation.total:.2f} 分")
    if facts.grade and evaluation.grade and facts.grade[0] != evaluation.grade:
        _mismatch(report, facts, facts.grade[1], f"报告写等级“{facts.grade[0]}”，工作簿为“{evaluation.grade}”")
    rows = data.get("indicators", [])
    for ind in facts.indicators:
        if ind.row > len(rows):
            break
        for key in ("target", "actual", "weight", "self_score"):
            n, held = getattr(ind, key), rows[ind.row - 1].get(key)
            if n is None or parsing.is_blank(held):
                continue
            try:
                value = parsing.parse_number(held, key, parsing.COUNT_UNITS + ("分", "万元"))
            except CellError:
                continue
            # "95%" is 0.95 in a cell that says so, 95 in one that does not
            readings = [(n.value / 100, n.half_unit / 100)] if n.unit == "%" else []
            readings.append((n.value, n.half_unit))
            if all(abs(value - said) > tolerance + _EPS for said, tolerance in readings):
                _mismatch(report, facts, n.start, f"指标「{ind.name}」{_LABELS[key]}报告写 {n.value:g}{n.unit}，"
                                                  f"工作簿为 {held}")
    return report.findings


_LABELS = {"target": "目标值", "actual": "实际完成值", "weight": "权重", "self_score": "自评得分"}


def _mismatch(report: FindingList, facts: Facts, offset: int, message: str) -> None:
    report.error("REPORT_WORKBOOK_MISMATCH", facts.where(offset), f"{message}：「{facts.quote(offset)}」")
