"""Tables of no form written one cell a line (a 评分表 copied out of Word or a PDF): its levels each with
their 分值, rows as wide as their header (小计 and 合计 rows one cell short under a 序号 column), and groups
whose names stand once on their first row; engine/report/cellrows.py finds the runs of cells."""
from __future__ import annotations

import re

from .plain import BARE_NUMBER, BONUS_ROW, FIGURE_CELL, SIGNED_FIGURE
from .vocabulary import column_of, key, vocabulary

_SUM_ROW = re.compile(r"(?:小计|合计|总计)$")   # a row of sums, which has no 序号

_LEVEL = re.compile(r"^[一二三四]级指标$")


def levelled_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A 评分表 of levels one cell a line, each level with its 分值 and the last one scored
    (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分), merged cells left out: a name with
    one figure after it is a group, a name with two is an item (its 分值 and 得分); the 合计 row
    ends it.  Read as rows of the last level: 三级指标 | 分值 | 得分."""
    start = next((i for i in range(len(cells) - 4) if _LEVEL.match(cells[i]) and cells[i + 1] == "分值"), None)
    if start is None:
        return set()
    if column_of(cells[start + 2], "scores") == "score":
        return _scored_levels(run, cells, rows, start)
    end = start
    while end + 1 < len(cells) and _LEVEL.match(cells[end]) and cells[end + 1] == "分值":
        end += 2
    if end - start < 4 or end >= len(cells) or column_of(cells[end], "scores") != "score":
        return set()
    header_at, data, at = run[start], cells[end + 1:], run[end + 1:]
    found: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(data):
        name = data[i]
        if key(name) in vocabulary()["scores"]["total_rows"]:
            figures = [c for c in data[i + 1:i + 3] if BARE_NUMBER.fullmatch(c)]
            found.append((at[i], [name, *figures]))
            i += 1 + len(figures)
            break
        if BARE_NUMBER.fullmatch(name) or i + 1 >= len(data) or not BARE_NUMBER.fullmatch(data[i + 1]):
            break
        if i + 2 < len(data) and BARE_NUMBER.fullmatch(data[i + 2]):
            found.append((at[i], [name, data[i + 1], data[i + 2]]))    # an item: its 分值 and 得分
            i += 3
        else:
            i += 2                                                     # a group and its 分值
    if len(found) < 2:
        return set()
    rows[header_at] = [cells[end - 2], "分值", cells[end]]
    for first, row in found:
        rows[first] = row
    return set(run[start:end + 1 + i]) - {header_at} - {first for first, _ in found}


def _scored_levels(run: list[int], cells: list[str], rows: dict[int, list[str]], start: int) -> set[int]:
    """A 评分表 whose levels each have their 分值 and 得分 (一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分), merged
    cells left out: every name with two figures after it a row of its own (a group's and an item's alike)."""
    end = start
    while end + 2 < len(cells) and _LEVEL.match(cells[end]) and cells[end + 1] == "分值" \
            and column_of(cells[end + 2], "scores") == "score":
        end += 3
    if end - start < 6:
        return set()       # (two levels at least)
    header_at, data, at = run[start], cells[end:], run[end:]
    found: list[tuple[int, list[str]]] = []
    i = 0
    while i + 2 < len(data) and not BARE_NUMBER.fullmatch(data[i]) \
            and BARE_NUMBER.fullmatch(data[i + 1]) and BARE_NUMBER.fullmatch(data[i + 2]):
        found.append((at[i], [data[i], data[i + 1], data[i + 2]]))
        i += 3
        if key(found[-1][1][0]) in vocabulary()["scores"]["total_rows"]:
            break
    if len(found) < 3:
        return set()
    rows[header_at] = [cells[end - 3], "分值", cells[end - 1]]
    for first, row in found:
        rows[first] = row
    return set(run[start:end + i]) - {header_at} - {first for first, _ in found}


NAME_COLUMN = re.compile(r"指标|名称|项目|内容")
_REASON_COLUMN = re.compile(r"(?:主要)?(?:扣分原因|扣分说明|偏差原因|备注)")
_SAID_COLUMN = re.compile(r"评分说明|说明|评分依据|自评依据|依据|扣分原因|评分标准|评价标准|评分细则")


def grouped_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A 评分表 one cell a line whose group names stand once, on their first row (merged cells): a header
    of name columns and then 分值 and 得分 (either order), then rows of one to three names and two
    figures — read as rows of the last name and its two figures; the 合计 row ends it."""
    start = next((j for j in range(1, len(cells) - 1)
                  if {column_of(cells[j], "scores"), column_of(cells[j + 1], "scores")} == {"weight", "score"}
                  and NAME_COLUMN.search(cells[j - 1])), None)
    said = 0       # a column of words between 分值 and 得分 (评分说明: "实有24人，编制26人，控制率92.31%"), passed over
    if start is None:
        start = next((j for j in range(1, len(cells) - 2)
                      if column_of(cells[j], "scores") == "weight" and column_of(cells[j + 2], "scores") == "score"
                      and _SAID_COLUMN.search(cells[j + 1]) and NAME_COLUMN.search(cells[j - 1])), None)
        said = 1
    if start is None:
        return set()
    first = start - 1
    while first > 0 and start - first < 3 and NAME_COLUMN.search(cells[first - 1]) and not FIGURE_CELL.match(cells[first - 1]):
        first -= 1
    # a last column of reasons after 得分 (扣分原因), left empty on most rows: a row's reason, where it has one,
    # comes before the next row's names — only that row's last name is taken, so it is passed over with them
    reasons = int(not said and start + 2 < len(cells) and bool(_REASON_COLUMN.fullmatch(key(cells[start + 2]))))
    data, at = cells[start + 2 + said + reasons:], run[start + 2 + said + reasons:]
    found: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(data):
        names = 0
        while i + names < len(data) and not FIGURE_CELL.match(data[i + names]) and data[i + names]:
            names += 1
        cells_after = data[i + names:i + names + 2 + said]
        explained = said and len(cells_after) == 3 and not BARE_NUMBER.fullmatch(cells_after[1])   # its 评分说明 between
        figures = [cells_after[0], cells_after[2]] if explained else cells_after[:2]
        if not 1 <= names <= 3 + reasons or len(figures) < 2 or not all(BARE_NUMBER.fullmatch(c) for c in figures):
            break
        name = data[i + names - 1]
        found.append((at[i + names - 1], [name, figures[0], cells_after[1], figures[1]] if explained
                      else [name, figures[0], "", figures[1]] if said else [name, *figures]))
        i += names + 2 + explained
        if key(name) in vocabulary()["scores"]["total_rows"]:
            i += _after_the_total(data[i:], at[i:], found)
            break
    if len(found) < 3:
        return set()
    rows[run[first]] = [cells[start - 1], cells[start], cells[start + 1], cells[start + 2]] if said \
        else [cells[start - 1], cells[start], cells[start + 1]]     # (its 评分说明 kept: what was achieved, a rule)
    for line, row in found:
        rows[line] = row
    return set(run[first:start + 2 + said + i]) - {run[first]} - {line for line, _ in found}


def _after_the_total(data: list[str], at: list[int], found: list[tuple[int, list[str]]]) -> int:
    """Below the 合计 row, points taken off or added (扣分项 | 被通报1起 | -1) and the total after them (自评总分 |
    89.60): rows of the table too, their figure under 得分.  How many cells they take."""
    if not data or not BONUS_ROW.match(key(data[0])):
        return 0
    figure = next((k for k in (1, 2) if k < len(data) and SIGNED_FIGURE.fullmatch(data[k])), None)
    if figure is None:
        return 0
    found.append((at[0], [data[0], "", data[figure]]))
    after = data[figure + 1:figure + 3]
    if len(after) == 2 and key(after[0]) in vocabulary()["scores"]["total_rows"] and BARE_NUMBER.fullmatch(after[1]):
        found.append((at[figure + 1], [after[0], "", after[1]]))
        return figure + 3
    return figure + 1


def even_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A table of no form (a 评分表 …) one cell a line: a header of words, then rows as wide with
    their figures in the same columns — the header again after a page break is passed over, and
    the rows end at the first cells that do not fall into one (a "自评等级 | 优" below stays text)."""
    for skip in range(0, min(3, len(cells))):         # a table's title may come first
        body = cells[skip:]
        first_figure = next((i for i, c in enumerate(body) if FIGURE_CELL.match(c)), None)
        if first_figure is None:
            return set()
        for width in range(first_figure, 1, -1):
            header, at = body[:width], run[skip:]
            shape = [bool(FIGURE_CELL.match(c)) for c in body[width:2 * width]]
            if len(shape) < width or not any(shape) or any(
                    column_of(h, "scores") in ("weight", "score") and not f for h, f in zip(header, shape)):
                continue     # (a 分值 or 得分 column over words: the rows are not this wide)
            # (a column of what was set or done — 年度指标值, 完成情况 — holds figures and words alike: "≥95%", "规范")
            # (only under a header of the form's own words: one of names may be a row's cell)
            known = all(column_of(h, "indicators") or column_of(h, "scores") for h in header)
            either = [known and column_of(h, "indicators") in ("target", "actual") for h in header]
            starts, k = [], width
            while k + width - 1 <= len(body):
                chunk = body[k:k + width]
                if chunk == header:
                    k += width
                    continue
                if len(chunk) == width and all(e or bool(FIGURE_CELL.match(c)) == f for c, f, e in zip(chunk, shape, either)):
                    starts.append((k, chunk))
                    k += width
                    continue
                if len(chunk) == width and _added_under_the_total(chunk, shape, starts):
                    starts.append((k, chunk))     # "加分 | | | | 0.5", "最终得分 | | | | 89.36": under the 合计
                    k += width
                    continue
                # a 小计 or 合计 row under a 序号 column: no number of its own, one cell fewer
                short = body[k:k + width - 1]
                if not (shape[0] and _SUM_ROW.search(short[0]) and [bool(FIGURE_CELL.match(c)) for c in short] == shape[1:]):
                    break
                starts.append((k, ["", *short]))
                k += width - 1
            if len(starts) >= 2 or starts and k == len(body):     # one row alone: the whole run
                rows[at[0]] = header
                for first, row in starts:
                    rows[at[first]] = row
                return set(at[:k]) - {at[0]} - {at[first] for first, _ in starts}
    return set()


def _added_under_the_total(chunk: list[str], shape: list[bool], starts: list) -> bool:
    """A row of points added or taken off, or the final score, right under the 合计 row (or another such row): its
    name first, its one figure in a column of figures, its other cells empty."""
    totals = set(vocabulary()["scores"]["total_rows"])
    name, above = key(chunk[0]), key(starts[-1][1][0]) if starts else ""
    if not (BONUS_ROW.match(name) or name in totals) or not (BONUS_ROW.match(above) or above in totals):
        return False
    figures = [bool(FIGURE_CELL.match(c)) for c in chunk]
    return sum(figures) == 1 and all(column for column, figure in zip(shape, figures) if figure) \
        and all(not c.strip() for c, figure in zip(chunk[1:], figures[1:]) if not figure)


def rows_without_last(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A header whose last column is of words (评价等级, 备注) that only the total row fills, under a cover's or a
    title's lines: rows one cell short of it, then that row whole ("评价准则 | 指标分值 | 评价得分 | 评价等级",
    "决策 | 15.00 | 13.50", …, "综合绩效 | 100.00 | 95.37 | 优")."""
    for start in range(len(cells) - 6):
        header, width = _words_header(cells, start)
        if width < 3 or column_of(header[-1], "scores") in ("weight", "score"):
            continue
        body, at = cells[start + width:], run[start + width:]
        shape = [bool(FIGURE_CELL.match(c)) for c in body[:width - 1]]
        if len(shape) < width - 1 or shape[0] or not any(shape) or any(
                column_of(h, "scores") in ("weight", "score") and not f for h, f in zip(header, shape)):
            continue
        starts, k = [], 0
        while k + width - 1 <= len(body):
            chunk = body[k:k + width - 1]
            if [bool(FIGURE_CELL.match(c)) for c in chunk] != shape:
                break
            last = body[k + width - 1] if k + width - 1 < len(body) else ""
            if _TOTAL_NAME.search(chunk[0]) and last and not FIGURE_CELL.match(last):
                starts.append((k, [*chunk, last]))     # the total row, its last cell filled
                k += width
                break
            starts.append((k, [*chunk, ""]))
            k += width - 1
        if len(starts) >= 3 and _TOTAL_NAME.search(starts[-1][1][0]):
            rows[run[start]] = header
            for first, row in starts:
                rows[at[first]] = row
            return set(run[start:start + width]) - {run[start]} | set(at[:k]) - {at[first] for first, _ in starts}
    return set()


_TOTAL_NAME = re.compile(r"合计|总分|总计|综合得分|综合绩效|综合评价")


def _words_header(cells: list[str], start: int) -> tuple[list[str], int]:
    """The header of words from `start` to the first cell before a figure (the first row's name): its cells, how many."""
    first_figure = next((i for i in range(start, len(cells)) if FIGURE_CELL.match(cells[i])), None)
    if first_figure is None or first_figure - start < 4:
        return [], 0
    header = cells[start:first_figure - 1]
    return (header, len(header)) if any(column_of(h, "scores") in ("weight", "score") for h in header) else ([], 0)


# "绩效指标明确性（6分）": a name and its points, the form's only 分值
_POINTED = re.compile(r"^(?P<name>[^\d()（）]{2,30}?)\s*[(（]\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]$")


def pointed_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A 评分表 one cell a line whose names carry their points and which has no 分值 column (一级指标 | 二级指标 |
    三级指标 | 得分 | 扣分说明; "投入（20分）" / "目标设定（10分）" / "绩效目标合理性（4分）" / "4.00"), merged cells left out
    and the 扣分说明 cell there only where something was taken: a named cell of points followed by a figure is an
    item (its points, its score), one followed by another such cell a group; a cell of words after an item's score
    is its note; the 合计 row ends it.  Read as rows of items: 指标 | 分值 | 得分."""
    start = next((i for i in range(len(cells) - 2) if _LEVEL.match(cells[i])), None)
    if start is None:
        return set()
    end = start
    while end < len(cells) and (_LEVEL.match(cells[end]) or column_of(cells[end], "scores") in ("name", "said")):
        end += 1
    if end >= len(cells) or column_of(cells[end], "scores") != "score" or any(
            column_of(c, "scores") == "weight" for c in cells[start:end + 3]):
        return set()
    head = end + 1
    while head < len(cells) and not _POINTED.match(cells[head]) and column_of(cells[head], "scores") in ("said", None) \
            and not BARE_NUMBER.fullmatch(cells[head]) and len(cells[head]) <= 6:
        head += 1                   # (the 扣分说明 column's header after 得分)
    header_at, data, at = run[start], cells[head:], run[head:]
    found: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(data):
        if key(data[i]) in vocabulary()["scores"]["total_rows"]:
            figures = [c for c in data[i + 1:i + 3] if BARE_NUMBER.fullmatch(c)]
            if figures:
                found.append((at[i], [data[i], "", figures[-1]]))
                i += 1 + len(figures)
            break
        pointed = _POINTED.match(data[i])
        if pointed is None or i + 1 >= len(data):
            break
        if BARE_NUMBER.fullmatch(data[i + 1]):
            if float(data[i + 1]) > float(pointed.group("points")):
                return set()        # (a score above its points: no item of this form)
            found.append((at[i], [pointed.group("name"), pointed.group("points"), data[i + 1]]))
            i += 2
            if i < len(data) and not _POINTED.match(data[i]) and not BARE_NUMBER.fullmatch(data[i]) \
                    and key(data[i]) not in vocabulary()["scores"]["total_rows"]:
                i += 1              # (its note: "较明确，按75%计")
        elif _POINTED.match(data[i + 1]):
            i += 1                  # a group's name and points
        else:
            break
    if len(found) < 3:
        return set()
    rows[header_at] = ["指标", "分值", "得分"]
    for first, row in found:
        rows[first] = row
    return set(run[start:head + i]) - {header_at} - {first for first, _ in found}
