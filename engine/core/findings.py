"""Findings (SPEC 8) and the ordered, de-duplicated list the audit fills."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

SCORE_TOLERANCE = 0.005   # |self − computed| at or above this is a mismatch (SPEC 8)


@dataclass(frozen=True)
class Finding:
    severity: str   # "error" or "warning"
    code: str
    where: str
    message: str

    def to_dict(self) -> dict:
        return {"severity": self.severity, "code": self.code, "where": self.where, "message": self.message}


class FindingList:
    """Findings in order, each once, with `where` turned into the host's address: a data
    path such as ``inputs.budget_total`` stays as it is for JSON data and becomes a cell
    such as ``预算数据!B7`` for a workbook (the `locate` function)."""

    def __init__(self, locate: Callable[[str], str] = lambda path: path):
        self.locate = locate
        self.findings: list[Finding] = []
        self._seen: set = set()

    def add(self, severity: str, code: str, path: str, message: str) -> None:
        finding = Finding(severity, code, self.locate(path) if path else "", message)
        key = (finding.code, finding.where, finding.message)
        if key not in self._seen:
            self._seen.add(key)
            self.findings.append(finding)

    def names(self, path: str) -> bool:
        """Some finding already points at this place."""
        where = self.locate(path)
        return any(f.where == where for f in self.findings)

    def error(self, code: str, path: str, message: str) -> None:
        self.add("error", code, path, message)

    def warning(self, code: str, path: str, message: str) -> None:
        self.add("warning", code, path, message)


# What each code means, in the words of a finance office (the summary's 问题 column and 说明 sheet).
CODE_LABELS = {
    "SCORE_MISMATCH": "自评得分与复核得分不符",
    "TOTAL_MISMATCH": "总分不符",
    "GRADE_MISMATCH": "等级与总分不符",
    "FORMULA_OVERWRITTEN": "公式被改为手填数值",
    "FORMULA_TAMPERED": "公式被改动",
    "MISSING_INPUT": "缺少数据",
    "DUPLICATE_SUBMISSION": "重复提交",
    "BAD_VALUE": "数据填写有误",
    "WEIGHT_SUM": "权重合计不符",
    "TEMPLATE_UNKNOWN": "不是标准模板",
    "DEVIATION_UNEXPLAINED": "偏差未说明原因",
    "STATED_RATE_MISMATCH": "所写比率与金额不符",
    "UNSPENT": "预算结余过多",
    "ZERO_BUDGET": "预算为零",
    "COMPLETION_AHEAD": "指标完成快于资金执行",
    "SUM_MISMATCH": "分项之和与合计不符",
    "COMPLETION_MISMATCH": "完成率与目标、实际值不符",
    "DEVIATION_MISMATCH": "偏差率计算有误",
    "REPORT_WORKBOOK_MISMATCH": "报告与工作簿数字不一致",
}
