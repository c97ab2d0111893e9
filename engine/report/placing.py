"""Where a form's row stands under its header: which cell is under which column.

Text tables lose cells — merged 一级/二级 cells left out at the left, empty cells at the right, a
row broken in two at a cell's edge, a target with its sign in one cell where the header gives the
sign a cell of its own — so a row is placed by what its cells hold (a name, a target, figures
under 分值 and 得分, a 指标性质 cell), never by position alone.
"""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS
from .plain import BARE_NUMBER, INDICATOR_NUMBER, SIGN
from .vocabulary import form_header, key as _key, vocabulary

# what a 指标性质 cell of words says of the direction: 定量 says nothing (the target's sign does)
DIRECTION_CELL = {"定量": "", "定量指标": "", "定性指标": "定性", "正向": "≥", "正向指标": "≥", "反向": "≤",
                  "反向指标": "≤"}
_FIGURE_CELL = re.compile(r"[-+]?[\d.,]+\s*[^\d\s]{0,4}")
_SIGNED_TARGET = re.compile(rf"\s*{SIGN}\s*\d")
_LEVEL1_KEPT = re.compile(r"\s*(?:[^\d|]{0,6}指标)?\s*")   # "", "效益指标": a 一级 cell
_MARK = re.compile(r"\s*[(（]\s*[A-Za-zＡ-Ｚ][A-Za-zＡ-Ｚ/×*÷\s]{0,6}[)）]\s*")


def marks_only(cells: list[str]) -> bool:
    """A header's line of marks ("| | | （A） | | （B） |"): no row — (A) is no indicator's name."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_MARK.fullmatch(c) for c in filled)


def _direction_cell(cell: str) -> bool:
    """A 指标性质 / 指标方向 cell: 正向, 定量指标 … or a direction alone (≥, 大于等于)."""
    return cell.strip() in DIRECTION_CELL or cell.strip() in DIRECTIONS


def sign_apart(cells: list[str], placed: list, columns: dict[int, str], width: int) -> tuple[list[str], list]:
    """A row whose target fills the sign's cell and the value's ("≥95%", "健全完善") under a header that
    gives the sign a cell of its own (年度 | 指标值 over "≥ | 95%", 指标性质 | 指标值): the sign's cell
    put back, empty, so that the row stands as its neighbours do (or, the two cells merged, the target
    moved to the value's).  Only a row a cell short (or filled out with an empty last cell) with no
    指标性质 cell of its own, and either a signed target just where the sign's cell is, or — a cell
    short exactly, its first cell kept (empty under a merged 一级, or the 一级 itself) — a row that
    reads whole only so."""
    target = next((i for i, c in columns.items() if c == "target"), None)
    if target is None or target < 1 or columns.get(target - 1, "direction") != "direction" \
            or target >= len(cells) or any(_direction_cell(c) for c in cells):
        return cells, placed
    at = target - 1
    if _SIGNED_TARGET.match(cells[at]) and not cells[target].strip():
        # a Word cell merged over both (≥95% once, then an empty cell): the target's, in its column
        return cells[:at] + ["", cells[at]] + cells[target + 1:], [(target if i == at else i, n) for i, n in placed]
    if len(cells) == width and not cells[-1].strip():
        cells = cells[:-1]      # a row a table filled out to its width with an empty last cell
    if len(cells) >= width:
        return cells, placed
    gapped = cells[:at] + [""] + cells[at:]
    if _SIGNED_TARGET.match(cells[at]) or (
            len(cells) == width - 1 and _LEVEL1_KEPT.fullmatch(cells[0]) and cells[at].strip() and _names_a_row(gapped, columns, 0)
            and not _names_a_row(cells, columns, 0)):
        return gapped, [(i + 1 if i >= at else i, n) for i, n in placed]
    return cells, placed


_FUNDS_FIGURES = ("budget_initial", "budget_total", "spend_total", "weight", "exec_rate", "score")


def row_shift(cells: list[str], columns: dict[int, str], width: int, block: str) -> int:
    """How far right of its header's columns a row's cells stand (cell i + shift under column i)."""
    shift = max(len(cells) - width, 0)   # a row with a cell more (its group's name) is read from the right;
    # one with fewer has lost its empty last cells (a tab-separated row) and is read from the left —
    # but a row that starts with its name under a header that starts with a figure's column (the
    # header left the names' column out) is one cell to the right
    if 0 in columns and columns[0] not in ("name", "level1", "level2") and cells[0].strip() \
            and not re.fullmatch(r"[-+\d.,%\s]+", cells[0]):
        shift = max(shift, 1)
    # … and a row with fewer cells that still ends with a figure under a header ending with 得分
    # lost its first cells (merged 一级/二级指标 left out): read from the right too
    if block == "indicators" and len(cells) < width and columns.get(width - 1) in ("score", "weight") \
            and BARE_NUMBER.fullmatch((cells[-1] or "").strip()):
        shift = len(cells) - width
    # … and a funds row whose name and every figure are there, its merged first cell left out ("| 其中：财政拨款 |
    # 360.00 | 360.00 | 342.35 | — | 95.10% | — |" under "| 项目资金（万元） | | 年初预算数 | … | 得分 |"): from the right
    figures_from = min((i for i, c in columns.items() if c in _FUNDS_FIGURES), default=None)
    if block == "funds" and figures_from is not None and len(cells) < width and len(cells) - 1 == width - figures_from \
            and cells[0].strip() and not re.fullmatch(r"[-+\d.,%\s—]+", cells[0]):
        shift = len(cells) - width
    scored = bool({"weight", "score"} & set(columns.values()))
    anchored = _by_direction(cells, columns) if block == "indicators" else None
    if anchored is not None and anchored != shift and _names_a_row(cells, columns, anchored):
        shift = anchored     # a row placed by its 指标性质 cell (正向 | 大于等于 …) before any other fit
    elif block == "indicators" and not (_names_a_row(cells, columns, shift)
                                        and (scored or _target_fits(cells, columns, shift))
                                        and (not scored or _scored_within(cells, columns, shift)
                                             or not BARE_NUMBER.fullmatch(cells[-1].strip()))):
        # read so, its 三级指标 is no name or its 分值/得分 no figures ("| 指标2:… | ≥180万毫升 | … | 10
        # | 10 | 0 |": a leading cell lost, a 偏差 of 0 after): the one cell either way that fits —
        # or a row that lost its merged 一级/二级 cells at the left: where its name and its target
        # fit (a form without 分值/得分 has only those to go by); else a name only, as it is or a cell either way
        fitting = [s for s in (shift, shift - 1, shift + 1, *range(shift - 2, -width, -1))
                   if _names_a_row(cells, columns, s)]
        # (… a row ending with a figure read so that its 得分 falls past its end — "| 可持续影响 | 平台运行 |
        # 持续运行 | 持续运行 | 100% | 10 | 10 |", its empty 一级指标 cell lost: where its 分值 and 得分 are both in it)
        fitting = [s for s in fitting if _scored_within(cells, columns, s)] or fitting
        fits = [s for s in fitting if _target_fits(cells, columns, s) and (s != shift or not scored)] \
            + [s for s in fitting if abs(s - shift) <= 1]
        # (… or, where none does, the one place its name, 分值 and 得分 all fit — a 定性 row, its target words: "| 指标2：
        # 欠薪问题动态清零 | 动态清零 | 基本清零 | 10 | 8 | … |" under a header with a merged first column more)
        placed_whole = [s for s in fitting if scored and _scored_within(cells, columns, s)]
        shift = fits[0] if fits else placed_whole[0] if len(placed_whole) == 1 else shift
    return shift


def rejoined(lines: list) -> list:
    """Rows the text broke in two at a cell's edge ("| | 产出指标 | 数量指标 | 抽检批次 |" then "| ≥1200批次
    | 1256批次 | 20 | 20 |"), under a header as wide as the two together: one row again.  The first
    has words only, the second starts with a target (a figure or a sign) and holds the figures."""
    out: list = []
    width = 0
    skip = False
    for k, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if line is not None and form_header(line[0]):
            width = len(line[0])
        following = lines[k + 1] if k + 1 < len(lines) else None
        if line is not None and following is not None and width and not line[1] and following[1] \
                and abs(len(line[0]) + len(following[0]) - width) <= 1 and len(line[0]) < width - 1 \
                and re.match(r"\s*(?:[≥≤<>=]|\d)", following[0][0]) and not form_header(following[0]):
            at = len(line[0])
            out.append((line[0] + following[0], [(i + at, n) for i, n in following[1]]))
            skip = True
            continue
        out.append(line)
    return out


def goes_on(cells: list[str], columns: dict[int, str], width: int) -> bool:
    """A row after a line of words that is still the indicator form's: its 总分 row, or a row of
    the header's width (a cell either way) whose name, 分值 and 得分 stand where the header says."""
    if _key(cells[0]) in vocabulary()["indicators"]["total_rows"]:
        return True
    if abs(len(cells) - width) <= 1 and any(_names_a_row(cells, columns, s) for s in (0, -1, 1)):
        return True
    # (… or a row that left its merged group cells out at the left — and any empty cells at its end: "| 岗位补贴标准 |
    # 700元/人·月 | 700元/人·月 | 10 | 10 | |||" under 年度绩效目标 | 一级 | 二级 | 三级 | …): named, its target a target,
    # its 分值 and 得分 figures, read where its last figure stands under 得分
    filled = len(cells) - next((k for k, c in enumerate(reversed(cells)) if c.strip()), len(cells))
    score_at = next((i for i, c in columns.items() if c == "score"), None)
    shift = filled - 1 - score_at if score_at is not None else None
    return shift is not None and shift < 0 and _names_a_row(cells, columns, shift) and _target_fits(cells, columns, shift)


def _by_direction(cells: list[str], columns: dict[int, str]) -> int | None:
    """Where a row stands under a header with a 指标性质 column: its one cell of ≥, ≤, = or 定性
    under that column (a row that lost its merged cells at the left is placed by it)."""
    at = next((i for i, c in columns.items() if c == "direction"), None)
    found = [k for k, c in enumerate(cells) if _direction_cell(c)]
    # one such cell, or two side by side (指标性质 正向 | 指标方向 大于等于): the first is under the column
    return found[0] - at if at is not None and found and found[-1] - found[0] <= 1 and len(found) <= 2 else None


def _target_fits(cells: list[str], columns: dict[int, str], shift: int) -> bool:
    """Read with `shift`, the row's 指标值 cell is a target: a figure or a direction (≥5200平方米)."""
    return bool(re.match(r"[≥≤<>=]|\d", _under(cells, columns, shift).get("target", "")))


def _scored_within(cells: list[str], columns: dict[int, str], shift: int) -> bool:
    """Read with `shift`, the header's 分值 and 得分 columns both stand within the row."""
    return all(0 <= i + shift < len(cells) for i, column in columns.items() if column in ("weight", "score"))


def _under(cells: list[str], columns: dict[int, str], shift: int) -> dict[str, str]:
    """Each column's cell, the row read with `shift`."""
    return {column: cells[i + shift].strip() for i, column in columns.items() if 0 <= i + shift < len(cells)}


def _names_a_row(cells: list[str], columns: dict[int, str], shift: int) -> bool:
    """Read with `shift`, the row's 三级指标 cell is a name (not "≥180万毫升", not a figure) and its
    分值 and 得分 cells are figures."""
    at = _under(cells, columns, shift)
    name = at.get("name", "")
    figures = all(BARE_NUMBER.fullmatch(at.get(c, "")) for c in ("weight", "score") if c in at)
    # (a name may start with a figure — "65岁及以上老年人健康体检人数", "2型糖尿病…" — but is no figure
    # with its unit, "36期", "12.5万人次")
    return len(name) >= 2 and not re.match(r"[≥≤<>=]", name) and not _FIGURE_CELL.fullmatch(name) and figures


def row_name(cells: list[str], columns: dict[int, str], shift: int) -> str:
    """The row's name: its 三级指标 cell, else its first cell that is words, not figures — without the form's numbering
    of it ("指标1:资助参保人数", as 重庆's forms number each group's indicators)."""
    for i, column in columns.items():
        if column == "name" and 0 <= i + shift < len(cells) and cells[i + shift].strip():
            return _NUMBERED_NAME.sub("", cells[i + shift].strip())
    return _NUMBERED_NAME.sub("", next((c.strip() for c in cells if c.strip() and not re.fullmatch(r"[\d.,%\s—-]*", c.strip())), ""))


_NUMBERED_NAME = re.compile("^" + INDICATOR_NUMBER + r"(?=\S)")
