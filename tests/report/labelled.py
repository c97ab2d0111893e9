"""The labelled development cases (tests/report/cases/dev, written in our own words after real
reports: tests/report/corpus.md) and what the tests of them share.  The held-out cases are not
used by the tests: they are measured by `make bench-reports`, last."""
from __future__ import annotations

import json
import re
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases" / "dev"
DEV = sorted(CASES.glob("*.txt"))
# the cases whose tables are | rows (not a cell a line ending in "|", nor lines of "|" marks only
# between such cells): Word tables of them
# Left out, with why: 069's cells carry Markdown's <br> and wrap into the next | row, which
# LibreOffice's PDF of its Word table re-wraps differently.
# (Rows the text broke over lines by line breaks inside their cells are one row of the Word table made of the text —
# documents.as_word joins a row left open — as they are in a department's Word table.)
# 1664: its 自评总分 stands in the form's masthead row among merged cells ("| 主管部门 | … | 自评总分（分） | 97.41 |  |  |"):
# the text reads it as a second total (two digits swapped against the prose's), the Word table of the text does not — a
# known gap of the Word reading. 1666: its form's header broken over three | rows ("| 绩 效 指 标 |", "| 一级指标 | … |
# 年度 指标值 |", "| 实际 完成值 |"), which the text joins and the Word table made of it keeps as three rows.
NOT_AS_WORD = ("069", "1664", "1666")
WITH_TABLES = [p for p in DEV if not p.name.startswith(NOT_AS_WORD) and sum(line.lstrip().startswith("|") and line.count("|") >= 3 and bool(re.search(r"[^|\s]", line))
                                     for line in p.read_text(encoding="utf-8").splitlines()) >= 3]


def label(case: Path) -> dict:
    return json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
