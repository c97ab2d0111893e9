"""Tables copied from a web page a cell a line, each cell ending with "|", each row ended by a line of "|" marks only
(its empty and merged cells): each row's cells at its first line (engine/report/texttables.py reads the other tables
of a report's plain text)."""
from __future__ import annotations

import re

from .vocabulary import column_of, form_header


RULED = re.compile(r"\s*[|｜](?:\s*[|｜])*\s*")   # a line of "|" marks only
_BROKEN_CELL = 12    # a cell's words broken over lines: each piece this short at most
_RULED_ROWS = 3     # lines of "|" marks only, this many at least (one alone may be an empty cell)


def ruled_rows(lines: list[str], closing: set[int] = frozenset()) -> tuple[dict[int, list[str]], set[int], set[int]]:
    """A table copied from a web page a cell a line, each cell ending with "|", each row ended by
    a line of "|" marks only ("||||", its empty and merged cells): each row's cells (a cell's words
    broken over lines joined: "一级 / 指标", "产 / 出 / 指 / 标") at its first line, and the other
    lines it covers.  Only in a text with such lines (`_RULED_ROWS` of two marks or more).
    Where the rows between two such lines end at their last cells instead (`closing`: "5 | |", the row's end
    after its last cell), their "|" lines are empty cells: those lines are left to the one-cell-a-line readers
    (engine/report/cellrows.py) and returned third."""
    rows: dict[int, list[str]] = {}
    covered: set[int] = set()
    left: set[int] = set()
    ends = [n for n, line in enumerate(lines) if RULED.fullmatch(line)]
    multi = [n for n in ends if lines[n].count("|") + lines[n].count("｜") >= 2]
    if len(multi) < _RULED_ROWS:
        return rows, covered, left
    for a, b in zip(multi, multi[1:]):
        if sum(1 for n in closing if a < n < b - 1) >= 2:
            left.update(range(a + 1, b))
    for a, b in zip(ends, ends[1:]):
        group = _row_lines([n for n in range(a + 1, b) if lines[n].strip()], lines)
        if len(group) < 2 or not re.search(r"[|｜]\s*$", lines[group[-1]]) or a + 1 in left:
            continue
        cells = [c.strip() for c in re.split(r"[|｜]", "".join(lines[n].strip() for n in group))]
        while cells and not cells[-1]:
            cells.pop()
        if sum(1 for c in cells if c) >= 2 and not (b == ends[-1] and _cells_follow(lines, b, len(cells))):
            for first, part in _at_a_header(group, cells):
                rows[first] = part
            covered.update(group[1:])
    return rows, covered, left


def _at_a_header(group: list[int], cells: list[str]) -> list[tuple[int, list[str]]]:
    """A ruled row that holds a form's header with no ruling line before or after it ("年度总体目标 | … | 绩效指标 |
    一级指标 | 二级指标 | … | 偏差原因分析及改进措施 | 产出指标 | 数量指标 | 送戏下乡演出场次 | ≥180场 | …"), each cell on
    a line of its own: three rows — the cells before the header, the header, the row after it."""
    if len(group) != len(cells):
        return [(group[0], cells)]
    for start in range(len(cells) - 4):
        width = 0
        while start + width < len(cells) and (column_of(cells[start + width], "indicators")
                                              or column_of(cells[start + width], "scores")):
            width += 1
        if width >= 4 and form_header(cells[start:start + width]) and start + width < len(cells):
            parts = [(start, start + width), (start + width, len(cells))]
            if start:
                parts.insert(0, (0, start))
            return [(group[a], cells[a:b]) for a, b in parts]
    return [(group[0], cells)]


def _cells_follow(lines: list[str], end: int, width: int) -> bool:
    """After the last ruling line, a table's rows go on a cell a line unruled ("项目决策（15分） |" /
    "项目立项 |" / …, the merged cells left out): the header before it is theirs, read with them by the
    one-cell-a-line readers, not a row alone."""
    after = [line for line in lines[end + 1:end + 1 + 3 * width] if line.strip()]
    return len(after) >= 2 * width and all(re.search(r"[|｜]\s*$", line) for line in after[:2 * width])


def _row_lines(group: list[int], lines: list[str]) -> list[int]:
    """The lines of a ruled row: those at the end of the group that are its cells ("… |") or a cell's
    words broken over lines — not a paragraph of text before them (a report's prose between two tables
    whose rows are ruled: "三、项目绩效情况" / "（一）资金情况。…" / … / "一级指标 |" / "二级指标 |")."""
    start = len(group)
    while start > 0 and (re.search(r"[|｜]\s*$", lines[group[start - 1]])
                         or len(lines[group[start - 1]].strip()) <= _BROKEN_CELL
                         and not re.search(r"[。；;]", lines[group[start - 1]])):
        start -= 1
    return group[start:]
