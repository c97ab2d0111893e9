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
