"""Where things are in a template: shared by the builder, the readers and the fast path.
No openpyxl here, so that reading a submission does not pay for it."""
from __future__ import annotations

import functools
import re

from ..core.indicators import INDICATOR_COLUMNS

# 1.1.0: 一级指标, 定性 and choices compared by parsing.text_key; 1.2.0: no comparison takes a
# UDF's error (text, to Excel) or a blank rate ("") for a number (FormulaWriter.compare, guard)
TEMPLATE_VERSION = "1.3.0"
SHEETS = ("填报说明", "基本信息", "预算数据", "绩效指标", "评分表", "评分规则", "汇总")
META = "_meta"
# each sheet's code name (VBA's name for it, which a renamed tab keeps): ASCII, as VBA identifiers
# must be; xlwings.conf keeps the code name xlwings' own workbook gives it
CODE_NAMES = {"填报说明": "Guide", "基本信息": "BasicInfo", "预算数据": "Budget", "绩效指标": "IndicatorSheet",
              "评分表": "Scoring", "评分规则": "Rules", "汇总": "Summary", META: "Meta"}
INDICATOR_HEADER_ROW = 4
INDICATOR_ROWS = 50
FIRST_INDICATOR_ROW = INDICATOR_HEADER_ROW + 1
LAST_INDICATOR_ROW = INDICATOR_HEADER_ROW + INDICATOR_ROWS


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_CELL = re.compile(r"^\$?([A-Z]+)\$?([0-9]+)$")


@functools.lru_cache(maxsize=4096)
def cell_position(ref: str) -> tuple[int, int] | None:
    """"B7" (or "$B$7") → (7, 2): row and column, 1-based; None for anything else."""
    match = _CELL.match(ref.upper())
    if not match:
        return None
    column = 0
    for ch in match[1]:
        column = column * 26 + ord(ch) - 64
    return int(match[2]), column


COL = {c: column_letter(i) for i, c in enumerate(INDICATOR_COLUMNS, 1)}
COMPLETION_COL = column_letter(len(INDICATOR_COLUMNS) + 1)   # just right of the table

# 评分规则: one row per rule parameter below the header; a table (tiers, options, grade
# bands) takes one row per line, its condition in the value column, its points beside it
RULES_SHEET = "评分规则"
RULES_HEADER_ROW = 3
RULES_COLUMNS = ("owner", "label", "value", "points", "name")
RULES_COL = {c: column_letter(i) for i, c in enumerate(RULES_COLUMNS, 1)}
RULES_PARAM_COLUMNS = (RULES_COLUMNS.index("value") + 1, RULES_COLUMNS.index("points") + 1)  # 1-based
