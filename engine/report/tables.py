"""Tables of amounts in a report — 项目 | 预算数 | 实际支出 | 执行率 — read row by row: what
each column is comes from its header (numbers.measure_of), what each figure is from its column."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..core.parsing import text_key
from .numbers import Number, measure_of
from .plain import FIGURE_CELL, IN_WAN, IN_YUAN, figured, sub_level, words_only
from .text import CELL
from .vocabulary import built_on_the_forms, column_of, form_header, vocabulary

TOTAL_ROWS = ("合计", "总计", "小计", "总额")
_NUMBERED = re.compile(r"^[(（]?\d+[)）.、]")       # a row numbered 1. 2. …, (1) (2) …
_SUB_ROW = re.compile(r"^(?:其中|" + _NUMBERED.pattern[1:] + r"|[(（][一二三四五六七八九十]+[)）]|\s)")
_TOTAL_ROW = re.compile(r".{0,6}(?:合计|总计)")      # 支出合计, 资金总计
_COLUMNS = {"total_budget": "budget", "budget": "budget", "spend": "spend", "exec_rate": "rate",
            "control_rate": "rate"}


@dataclass
class AmountRow:
    name: str
    cells: dict[str, Number]   # "budget", "spend", "rate" → the figure in that column
    sub_row: bool = False      # "其中：…", "（1）…": a part of a row above
    numbered_under: bool = False   # 1, 2 under 一: a part of the row numbered above it
    named: str = ""            # its words after an empty or numbered 序号 cell ("| | 县（市、区）小计 |")
    arrived: list[Number] = field(default_factory=list)   # its amounts under a 到位 column (实际到位, 到位资金)
    arrival_rate: Number | None = None   # its rate under a 到位率 column


@dataclass
class AmountTable:
    rows: list[AmountRow] = field(default_factory=list)
    totals: list[AmountRow] = field(default_factory=list)
    header: list[str] = field(default_factory=list)


def table_lines(text: str, figures: list[Number]) -> Iterator[tuple[list[str], list[tuple[int, Number]]] | None]:
    """Each line of the text: None for prose; for a table's row (text.CELL between its cells)
    its cells, and the figures on it with the column each stands in.  A header of two rows
    (预算数 over 年初 and 全年) comes as one, on both its lines: 年初预算数, 全年预算数."""
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    on_line: dict[int, list[Number]] = {}
    for n in figures:     # (each figure to its line once, in the order given: not every figure for every line)
        on_line.setdefault(bisect.bisect_right(starts, n.start) - 1, []).append(n)
    merged = _two_row_headers(text)
    for i, line in enumerate(lines):
        if CELL not in line:
            yield None
            continue
        yield (list(merged[i]) if i in merged else [c.strip() for c in line.split(CELL)],
               [(line.count(CELL, 0, n.start - starts[i]), n) for n in on_line.get(i, ())])


@built_on_the_forms(maxsize=8)
def _two_row_headers(text: str) -> dict[int, tuple[str, ...]]:
    """The headers said over two lines, by line (both lines): the text's, not its figures' — read once a
    text, not once for every table reader."""
    lines = text.split("\n")
    merged: dict[int, tuple[str, ...]] = {}
    for i, (upper, lower) in enumerate(zip(lines, lines[1:])):
        if CELL in upper and CELL in lower and i not in merged:
            above, below = [c.strip() for c in upper.split(CELL)], [c.strip() for c in lower.split(CELL)]
            header = _two_row_header(above, below) or _words_split(above, below) or _cells_split(above, below)
            if header:
                merged[i] = merged[i + 1] = tuple(header)   # the lower row says the same header again
    return merged


def _words_split(upper: list[str], lower: list[str]) -> list[str] | None:
    """The cells of a header whose words were broken over two rows ("年度 | 实际" over "指标值 |
    完成值"): each upper word joined to the one below it, when the joined row is a form's header
    naming more columns than either row names by itself; else None."""
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    if figured(upper + lower):
        return None
    joined = [a + b for a, b in zip(upper, lower)]
    return joined if _names_more(joined, upper, lower) else None


def _names_more(joined: list[str], upper: list[str], lower: list[str], at_least: int = 0) -> bool:
    """The joined rows are a form's header naming more columns than either row by itself (a row that
    is a header alone — of a 评分表 — names fewer), `at_least` of them."""
    whole, parts = form_header(joined), [form_header(row) for row in (upper, lower)]
    return whole is not None and len(whole[1]) >= at_least and not any(part and len(part[1]) >= len(whole[1])
                                                                        for part in parts)


def _cells_split(upper: list[str], lower: list[str]) -> list[str] | None:
    """The cells of a header row the text broke in two at a cell's edge ("| 绩效 | 一级指标 | 二级指标 |
    三级指标 |" then "| 年度指标值 | 实际完成值 | 分值 | 得分 |"): the two one after the other, when that
    is a form's header naming more columns than either row names by itself; else None."""
    if figured(upper + lower):
        return None
    named = [{column_of(c, block) for c in row for block in vocabulary()} - {None} for row in (upper, lower)]
    if named[0] & named[1]:
        return None     # a column named in both rows (年度指标值 over 指标值): the lower spells out the upper
    joined = upper + lower
    if not _names_more(joined, upper, lower, at_least=5) or not all(c.strip() for c in (upper[-1], lower[0])):
        return None     # (two rows of a header broken at a cell's edge end and start with a word)
    return joined


_TOTAL_CELL = re.compile(r"合计|小计|总计|小计数|合计数")


def _two_row_header(upper: list[str], lower: list[str]) -> list[str] | None:
    """The cells of a header whose upper row spans columns the lower row names (merged cells):
    each lower word before the upper word above it, carried right over the span; else None."""
    lower = lower + [""] * (len(upper) - len(lower))   # (a tab-separated row loses its empty last cells)
    if len(upper) != len(lower) or not words_only(upper + lower) or any(len(c) > 12 for c in upper + lower):
        return None   # a header's cells are short words without figures
    if any(sum(1 for c in lower if column_of(c, block)) >= 3 for block in vocabulary()) and not form_header(upper) \
            and sum(1 for c in upper if any(column_of(c, block) for block in vocabulary())) < 2:
        return None   # the lower row is a form's header by itself (the upper a row of 部门名称, not of header words)
    spanned = [i for i, c in enumerate(upper) if not c and lower[i]]
    if not spanned or sum(1 for c in lower if c) < 2:
        return None
    for i in spanned:   # a span starts at an upper cell with a lower word of its own (预算数 over 年初)
        start = next((k for k in range(i - 1, -1, -1) if upper[k]), None)
        if start is None or not lower[start]:
            return None
    out, carried = [], ""
    for top, below in zip(upper, lower):
        carried = top or carried      # (符号 | 数值 | 单位 under 预期指标值: each a column by its own word)
        # (a 合计 under 全年预算数 is that group's whole: 合计全年预算数, not a column of its own)
        named = any(column_of(below, block) for block in vocabulary()) and not _TOTAL_CELL.fullmatch(below)
        out.append((below if named else f"{below}{carried}") if below else top)
    return out


SIDE = re.compile(r"^按.{1,6}(?:性质|来源|用途|类别)分$")     # "按收入性质分", "按支出性质分": a side of a form's funds


def _side_of_the_rate(cells: list[str], header: dict[int, str]) -> tuple[dict[int, str], int | None]:
    """A header of two sides (按收入性质分 … | 按支出性质分 … | 执行率): the columns of the side its 执行率 stands in, and
    the column of that side's names (under its 按…分 cell), so that a row's rate is taken with its own side's amounts
    and name; else the header as it is, no such column."""
    sides = [i for i, c in enumerate(cells) if SIDE.match(text_key(c))]
    rate = [i for i, kind in header.items() if kind == "rate"]
    if len(sides) != 2 or not rate:
        return header, None
    start, end = (sides[1], len(cells)) if rate[0] > sides[1] else (sides[0], sides[1])
    return {i: kind for i, kind in header.items() if start < i < end}, start


_YEAR_LED = re.compile(r"\s*((?:19|20)\d\d)\s*年(?:度)?")


def _of_the_latest_year(cells: list[str]) -> list[str]:
    """A header whose columns open with their years ("2023年决算数 | 2024年年初预算 | 2024年全年预算 | 2024年实际支出"):
    the latest year's columns by their words, an earlier year's none of the table's (last year's 决算 is no spending of
    this year's) — where two cells or more name a year; else the cells as they are."""
    years = [m.group(1) for c in cells if (m := _YEAR_LED.match(c))]
    if len(years) < 2:
        return cells
    latest = max(years)
    return [c if not (m := _YEAR_LED.match(c)) else c[m.end():] if m.group(1) == latest else "" for c in cells]


def amount_tables(text: str, figures: list[Number]) -> list[AmountTable]:
    """Every table whose header names a budget column and a spending column; its figures
    are marked as parts (a table's, not a sentence's)."""
    tables: list[AmountTable] = []
    columns: dict[int, str] | None = None
    in_yuan: set[int] = set()
    arrived: set[int] = set()
    arrival_rates: set[int] = set()
    numbered = False
    side_names: int | None = None
    after_header = False
    header_width = 0
    resumed: int | None = None      # the header's width, where the table went on past a line right under it
    for line in table_lines(text, figures):
        if line is None:
            if not after_header:        # (a line of words right under the header — the first group's name, "一、…"
                columns = None          # — does not end the table: its rows, each as wide as the header, go on)
            resumed = header_width if after_header else None
            after_header = False
            continue
        cells, placed = line
        after_header = False
        if resumed is not None and len(cells) != resumed:
            columns = resumed = None
        words = _of_the_latest_year(cells)
        header = {i: _COLUMNS[m] for i, c in enumerate(words) if (m := measure_of(text_key(c))) in _COLUMNS}
        if {"budget", "spend"} <= set(header.values()) and words_only(words):   # (…（20分）: words)
            header, side_names = _side_of_the_rate(cells, header)
            columns = {}
            named = {i: measure_of(text_key(cells[i])) for i in header}
            # the first column of each kind (预算数 before 年初预算), 全年预算 before any other 预算
            # (调整预算 beside it is the change, not the budget)
            for i, kind in sorted(header.items(), key=lambda item: (named[item[0]] != "total_budget", item[0])):
                if kind not in columns.values():
                    columns[i] = kind
            in_yuan = {i for i in columns if IN_YUAN.search(cells[i])}   # 执行数（元） beside 预算数（万元）
            arrived = {i for i, c in enumerate(cells) if "到位" in c and "率" not in c}   # 实际到位 (not 到位率)
            arrival_rates = {i for i, c in enumerate(cells) if "到位率" in c}
            numbered = numbered_by(cells)
            tables.append(AmountTable(header=cells))
            after_header, header_width, resumed = True, len(cells), None
            continue
        if columns is not None and words_only(cells) and (other := form_header(cells)) is not None and other[0] != "funds":
            columns = None      # another form's header (一级指标 | … | 分值 | 得分): its rows are no amounts' rows
        if columns is None:
            continue
        first = cells[side_names] if side_names is not None and side_names < len(cells) else cells[0]
        named = first if side_names is not None else row_name(cells, numbered)
        row = AmountRow(first, {}, bool(_SUB_ROW.match(first) or _SUB_ROW.match(named)), named=named)
        for column, n in placed:
            kind = columns.get(column)
            if column in in_yuan and not n.unit:
                n.unit = "元"          # an amount in 元, as its column's header says
            if kind and kind not in row.cells and (n.is_rate if kind == "rate" else n.unit in ("", "万元", "元")):   # (not 3,386人)
                row.cells[kind] = n
            if column in arrived and not n.is_rate:
                row.arrived.append(n)
            if column in arrival_rates and n.is_rate and row.arrival_rate is None:
                row.arrival_rate = n
            n.part = True
        if row.cells:
            # (支出合计; in a table numbered by 序号, "| | 合计 |": its name after the empty 序号 cell)
            total = any(text_key(name) in TOTAL_ROWS or _TOTAL_ROW.fullmatch(text_key(name)) for name in {row.name, row.named})
            (tables[-1].totals if total else tables[-1].rows).append(row)
    for table in tables:
        if len(table.rows) >= 2 and all(row.sub_row and _NUMBERED.match(row.name) for row in table.rows):
            for row in table.rows:      # (1. 2. 3. … under group names of words only, "一、龙场镇": no row of figures
                row.sub_row = False     # above them that they are parts of — the table's own rows)
        for k in sub_level([row.name for row in table.rows]):
            table.rows[k].numbered_under = True     # 1, 2 under 一: a part of the row above
    return tables


@dataclass
class ColumnSum:
    """A column of amounts (its header says 万元 or 元) whose rows a 合计 row at the table's foot adds up."""
    header: str
    parts: list[Number]
    whole: Number
    said_in: str = "合计行"     # (or a 小计 row, for the rows since the 小计 before it)


# (… among the units of other columns: "单位：亩、元")
_UNIT_SAID = re.compile(r"单位\s*[:：]\s*(?P<others>[^\n)）:：\d]{0,10}?[、,，/]\s*)?(?P<unit>万元|元)")
_NUMBERED_BY = re.compile(r"序号|编号|序|[\u4e00-\u9fff]{0,6}(?:编码|代码)")   # a table whose first column numbers its rows
# (or codes them: 科目编码 | 科目名称 | …, its 小计 and 合计 rows with no code)


def numbered_by(header: list[str]) -> bool:
    return bool(header) and _NUMBERED_BY.fullmatch(text_key(header[0])) is not None


def row_name(cells: list[str], numbered: bool) -> str:
    """A row's name: its first cell, or in a table numbered by 序号 the first one after it with words ("| 1 | 岜浪镇…",
    "| | 合计 |")."""
    if cells and not cells[0].strip():    # (a group's cell merged over its rows: "| | 小计 | 621.70 |")
        words = next((c for c in cells[1:] if c.strip() and not FIGURE_CELL.match(c.strip())), "")
        if text_key(words).endswith(("小计", "合计", "总计")):     # (… or a breakdown's: "| | 合计 |", "| | 市直单位小计 |")
            return words
    if not numbered or not cells or not re.fullmatch(r"\s*(?:\d{0,3}|\d{4,12})\s*", cells[0]):
        return cells[0] if cells else ""    # ("| 合计 | | 951.30 |": the 合计 in the 序号 column)
    return next((c for c in cells[1:] if c.strip()), "")


def _unit_said_over(text: str, first: int) -> re.Match | None:
    """The unit a table's lead-in says ("…见下表（单位：万元）："): in the lines over its first row's figure (its
    header's and the one before)."""
    header_line = text.rfind("\n", 0, text.rfind("\n", 0, first))
    return _UNIT_SAID.search(text, max(0, header_line - 120), first)


_TOP_MARK = re.compile(r"^\s*([一二三四五六七八九十])、")


def numbered_in_order(names: list[str]) -> set[str]:
    """The rows numbered 一、二、三… in order from 一 (two at least), where the table's other rows are 其中 rows or
    rows set in under them — none a 小计, none numbered otherwise at the top; else none."""
    numbered = [n for n in names if _TOP_MARK.match(n)]
    if len(numbered) < 2 or not _TOP_MARK.match(names[0]) or len(set(numbered)) != len(numbered) \
            or [_TOP_MARK.match(n).group(1) for n in numbered] != list("一二三四五六七八九十"[:len(numbered)]):
        return set()
    others = [n for n in names if not _TOP_MARK.match(n)]
    if not others or not text_key(others[0]).startswith("其中") or any(_SUB_ROW.match(n) and not text_key(n).startswith("其中")
                                                                       and n.strip()[:1] in "(（0123456789" for n in others):
        return set()        # (rows under the numbered ones, their first a 其中: parts of the row above them)
    return set(numbered)


def subtotalled(body: list[tuple[str, object]]) -> list[tuple[list, object]] | None:
    """Each 小计 row of a table's body (name, row) and the rows it adds up (those since the 小计 before it, two at
    least, or one of its very figures: "行政单位医疗 | 61.42" then "卫生健康支出小计 | 61.42"); None where a 小计 adds up
    fewer (it may stand above its rows)."""
    groups, since = [], []
    for name, cells in body:
        if text_key(name) != "小计":
            since.append(cells)
            continue
        if len(since) < 2 and not (since and _its_own_figures(since[0], cells)):
            return None
        groups.append((since, cells))
        since = []
    return groups


def _its_group(body: list[tuple[str, dict]], rows_of: list[dict], subtotal: dict) -> bool:
    """The rows since the 小计 before it are a named 小计's ("上级资金小计" under 中央 and 省级): they come to it in some
    column, or the first of them is named as it is ("柳河镇 | 加固 …", "| 重建 …", "柳河镇小计") — not a 小计 set above its
    own rows ("上级补助小计" over 中央 / 自治区 / 地区, the rows before it none of its)."""
    name = next(text_key(n) for n, cells in body if cells is subtotal)
    if name == "小计":
        return True
    first = next(text_key(n) for n, cells in body if cells is rows_of[0])
    return first and name[:-2] == first or any(
        all(c in r for r in rows_of) and abs(sum(r[c].value for r in rows_of) - n.value) < 0.5 * 10 ** -n.decimals + 1e-9
        for c, n in subtotal.items())


def _its_own_figures(row, subtotal) -> bool:
    return isinstance(row, dict) and bool(subtotal) and all(c in row and row[c].value == n.value for c, n in subtotal.items())


def column_sums(text: str, figures: list[Number], read: list[AmountTable]) -> list[ColumnSum]:
    """Every table (none of the budget-and-spending ones read already) with one 合计 / 总计 row at its foot and
    rows that are none of them parts of another: each column of amounts, its rows against that row."""
    done = {id(n) for t in read for row in t.rows + t.totals for n in row.cells.values()}
    out: list[ColumnSum] = []
    header: list[str] | None = None
    upper: list[str] = []      # the header's upper row, where it has two
    numbered = False
    rows: list[tuple[str, dict[int, Number]]] = []

    def close() -> None:
        if header is None or len(rows) < 3 or not _TOTAL_ROW.fullmatch(text_key(rows[-1][0])):
            return
        body, (_, total) = rows[:-1], rows[-1]
        first = min((n.start for _, cells in body for n in cells.values()), default=None)
        unit_said = _unit_said_over(text, first) if first is not None else None
        # (a 小计 named for its group — "柳河镇小计" under 柳河镇's rows — is one as much as a bare one)
        groups = subtotalled([("小计" if text_key(name).endswith("小计") else name, cells) for name, cells in body])
        if groups and not all(_its_group(body, rows_of, subtotal) for rows_of, subtotal in groups):
            return
        names = [name for name, _ in body if not text_key(name).endswith("小计")]
        top = numbered_in_order(names)
        if top:      # 一、… 二、… 三、… with 其中 rows between: the 合计 adds up the numbered rows, each 其中 a part of one
            groups, details = [], [cells for name, cells in body if name in top]
        elif groups is None or any(_SUB_ROW.match(n) or _TOTAL_ROW.fullmatch(text_key(n)) or "小计" in n
                                   or not n.strip() and not groups for n in names) or sub_level(names):
            return      # (其中…, （1）…, a 小计 before its rows, a row without its name: which rows are parts is not said —
            # but under a group's merged cell, its 小计 after them, they are that group's)
        else:
            details = [cells for name, cells in body if not text_key(name).endswith("小计")]
        for column, whole in total.items():
            title = header[column] if column < len(header) else ""
            # (a header of two rows: the unit the upper row's cell over this column says — "预算申请（万元）" over
            # "总额 | 财政拨款 | 其他资金", merged across them)
            over = next((upper[k] for k in range(min(column, len(upper) - 1), -1, -1) if upper[k].strip()), "")
            title_unit = title if IN_YUAN.search(title) or IN_WAN.search(title) else over
            money = "元" if IN_YUAN.search(title_unit) else "万元" if IN_WAN.search(title_unit) else \
                unit_said.group("unit") if unit_said and not re.search(r"率|%|比|数量|人|个|户", title) \
                and not (unit_said.group("others") and re.search(r"面积|亩|公里|吨", title)) else None
            # the 合计 against every row not a 小计; each 小计 against the rows since the one before
            sums = [(details, whole)] + [(rows_of, subtotal.get(column)) for rows_of, subtotal in groups]
            figures = [n for cells, of in sums for n in [of, *(c.get(column) for c in cells)]]
            if money is None or None in figures or any(id(n) in done for n in figures) \
                    or any(n.unit not in ("", money) for n in figures):
                continue
            for n in figures:
                n.unit = money
            out.extend(ColumnSum(title, [c[column] for c in cells], of, "合计行" if of is whole else "小计行")
                       for cells, of in sums)

    for line in table_lines(text, figures):
        if line is None:
            close()
            header, rows, upper = None, [], []
            continue
        cells, placed = line
        if re.fullmatch(r"[-:—\s]*", "".join(cells)):
            continue       # (a Markdown rule under the header)
        if words_only(cells) and not placed:
            close()
            upper = header if header is not None and not rows else []
            header, rows = cells, []
            numbered = numbered_by(header)
        elif header is not None:
            name = row_name(cells, numbered)
            serial = bool(cells) and name != cells[0]      # (its first cell a 序号: no figure of the row's)
            rows.append((name, {column: n for column, n in placed if not (serial and column == 0)}))
    close()
    return out


