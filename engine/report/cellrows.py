"""Tables written one cell a line (a form copied out of Word or a PDF cell by cell, or a whole
form run together on one line and split into its words): runs of short lines read as rows by the
forms' header words (engine/report/forms.py reads the rows by their headers) — an indicator
block whose merged and empty cells were left out (each row found by its 指标性质 cell, or by the
figures it ends with), a funds block whose 其中 rows leave cells out, and tables of no form in
rows as wide as their header; a page's number and a table's title again between the cells are
passed over."""
from __future__ import annotations

import itertools
import re

from .cellrules import rule_column_rows
from .cellgrids import even_rows, grouped_rows, levelled_rows, pointed_rows, rows_without_last
from .plain import BARE_NUMBER, BONUS_ROW, DASHES, FIGURE_CELL, HEADING, IN_YUAN, PAGE_OF, display_width, normalise
from .vocabulary import column_of, key, vocabulary
from .wrappedrows import REASON_HEADER

_ENDS_CELL = re.compile(r"[|｜]\s*$")
_BARS_AT_END = re.compile(r"(?:\s*[|｜])+\s*$")   # (empty cells merged onto one line: "|||")
_CELL_LINE = 24                   # a cell alone on its line is short …
# … or a sentence between cells: a 偏差原因, a 评分标准 ("≥95%得10分；90%（含）-95%得8分；…")
_SENTENCE_CELL = {"reason": 60, "rule": 80, "explanation": 40}
_REASON_BROKEN = re.compile(REASON_HEADER)   # (the 偏差原因 header broken over lines: "偏差原因分析及改" / "进措施")
_NOT_A_CELL = re.compile(r"[。；;！？!?]|[,，](?!\d{3}).*[,，](?!\d{3})")   # … and is no sentence (3,126,000.00 is a figure)
# a page number ("— 5 —", "第5页") or a table's title again on the next page ("…（续）", "续表")
PAGE_FURNITURE = re.compile(rf"^(?:[-—–]\s*\d{{1,4}}\s*[-—–]|{PAGE_OF}|.{{0,60}}[(（]续[)）]|续表\s*\d*)$")


def cells_per_line(lines: list[str], rows: dict[int, list[str]]) -> set[int]:
    """Tables written one cell a line (a form copied out of Word or a PDF): a run of short
    lines that starts with h header cells (words) and goes on in rows of h cells, each row
    with its figures in the same columns.  Each row found is added to `rows` at its first
    line; the lines it covers are returned.  A run that does not fall into such rows is text."""
    consumed: set[int] = set()
    run: list[int] = []
    reasons = 0                # the run has a 偏差原因 or 评分标准 column's header: how long a sentence cell may be
    furniture: list[int] = []  # page numbers and titles again inside the run: left out with its rows
    for n, line in enumerate(lines + [""]):
        text = _one_cell(line)
        if n < len(lines) and n not in rows and not text and not _ENDS_CELL.search(line):
            continue                                  # blank lines between cells (a "|" alone is an empty cell)
        if run and PAGE_FURNITURE.match(text):
            furniture.append(n)   # a page's foot or a continued table's title between its cells
            continue
        marked = _ENDS_CELL.search(line) is not None      # "… |": a cell, said so (the next may be a sentence too)
        if n < len(lines) and n not in rows and (
                _is_cell(text) or reasons and not HEADING.match(text) and (marked or _cell_follows(lines, n, rows))
                and len(text) <= reasons * (3 if marked else 1)):
            run.append(n)     # a cell; or, in a table with a 偏差原因 or 评分标准 column, a sentence between cells
            reasons = max(reasons, _SENTENCE_CELL.get(column_of(text, "indicators"), 0),
                          _SENTENCE_CELL["reason"] if _REASON_BROKEN.match(text) else 0)
            continue
        if len(run) >= 4:
            found = _rows_of(run, [_one_cell(lines[i]) for i in run], rows,
                             [_ENDS_CELL.search(lines[i]) is not None for i in run])
            consumed |= found | ({i for i in furniture if i < max(found)} if found else set())
        run, reasons, furniture = [], 0, []
    return consumed


def _cell_follows(lines: list[str], n: int, rows: dict[int, list[str]]) -> bool:
    """The next line with text is a cell alone on its line — or, past two more short lines of the same sentence
    ("工，未能参训，已" / "安排补训。" / "开办培训班期数"), the one after them."""
    following = [k for k in range(n + 1, len(lines)) if _one_cell(lines[k])][:3]
    for k in following:
        if k in rows or HEADING.match(_one_cell(lines[k])):
            return False
        if _is_cell(_one_cell(lines[k])):
            return True
        if len(_one_cell(lines[k])) > _CELL_LINE:
            return False
    return False


def _is_cell(text: str) -> bool:
    """A line's text that is a cell alone on its line: short, no sentence, no heading."""
    return len(text) <= _CELL_LINE and not _NOT_A_CELL.search(text) and not HEADING.match(text)


def _one_cell(line: str) -> str:
    """A line's text as one cell: without the "|" a form copied cell by cell ends each line with."""
    return _BARS_AT_END.sub("", normalise(line)).strip()


def _rows_of(run: list[int], cells: list[str], rows: dict[int, list[str]], marked: list[bool]) -> set[int]:
    run, cells, joined = _broken_words(run, cells, marked)
    # a form's header words first; rows of even width for the tables of no form (a 评分表 …)
    found = _indicator_rows(run, cells, rows) | _funds_rows(run, cells, rows) or rule_column_rows(run, cells, rows) \
        or levelled_rows(run, cells, rows) or pointed_rows(run, cells, rows) \
        or even_rows(run, cells, rows) or rows_without_last(run, cells, rows) or grouped_rows(run, cells, rows)
    return found | joined if found else found


_COLUMN_LETTER = re.compile(r"[(（]\s*[A-Za-z](?:\s*[/÷×*+\-]\s*[A-Za-z])*\s*[)）]")
# the last character of an indicator's name left alone on the next line ("林业有害生物巡查次" / "数")
_NAME_ENDINGS = {"率", "数", "额", "比", "量"}


def _broken_words(run: list[int], cells: list[str], marked: list[bool]) -> tuple[list[int], list[str], set[int]]:
    """A header word broken over two lines ("年初" / "预算数") joined again: two cells that are
    a form's header word together, the first not one alone; an indicator's name whose last
    character stands alone on the next line; and, in a table whose cells each end with "|", a cell
    wrapped inside its box, the bar on its last line only ("≤360万元/公" / "里 |", "项目资金" /
    "（万元） |").  The second line is returned as used."""
    def header_word(text: str) -> bool:
        return any(column_of(text, block) for block in vocabulary())
    out_run, out_cells, joined = [], [], set()
    bars = sum(marked) * 2 >= len(marked)     # (the table marks its cells)
    i = 0
    while i < len(cells):
        wrapped = bars and not marked[i] and i + 1 < len(cells) and marked[i + 1] and (i == 0 or marked[i - 1]) \
            and run[i + 1] == run[i] + 1
        broken_name = i + 1 < len(cells) and cells[i + 1] in _NAME_ENDINGS and len(key(cells[i])) >= 4 \
            and not FIGURE_CELL.match(cells[i]) and not header_word(cells[i]) and not cells[i].endswith("指标")
        # (a column's letter on the line under its header word: "全年预算数" / "（A）", "执行率" / "（B/A）")
        lettered = i + 1 < len(cells) and _COLUMN_LETTER.fullmatch(cells[i + 1]) is not None and header_word(cells[i])
        if wrapped or broken_name or lettered or i + 1 < len(cells) and key(cells[i]) and cells[i + 1] \
                and not header_word(cells[i]) and not FIGURE_CELL.match(cells[i]) and header_word(cells[i] + cells[i + 1]):
            out_run.append(run[i])
            out_cells.append(cells[i] + cells[i + 1])
            joined.add(run[i + 1])
            i += 2
            continue
        out_run.append(run[i])
        out_cells.append(cells[i])
        i += 1
    return out_run, out_cells, joined


def _funds_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """A funds table one cell a line whose 其中 rows leave their empty cells out: the header by the
    forms' vocabulary (three of its words in a row, the name column's header before them), then
    rows of a name and its figures, read from the left; a name without figures ends it."""
    start = next((i for i in range(len(cells) - 2) if all(column_of(c, "funds") for c in cells[i:i + 3])), None)
    if start is None:
        return set()
    end = start
    while end < len(cells) and column_of(cells[end], "funds"):
        end += 1
    if start and not FIGURE_CELL.match(cells[start - 1]) and not column_of(cells[start - 1], "funds"):
        start -= 1                       # 项目资金（万元）: the header of the rows' names
    header = ([] if start < end and not column_of(cells[start], "funds") else [""]) + cells[start:end]
    if any(IN_YUAN.search(c) for c in cells[max(start - 3, 0):start]) and not IN_YUAN.search(header[0]):
        header[0] += "（元）"           # 预算执行情况（元） just above: the table's amounts are in 元
    found: list[tuple[int, list[str]]] = []
    i = end
    blanks = 0 < sum(b - a > 1 for a, b in zip(run, run[1:])) * 5 <= len(run)   # blank lines few: each an empty cell
    if i < len(cells) and FIGURE_CELL.match(cells[i]) and key(header[0]) in vocabulary()["funds"]["total_rows"]:
        # the total row's name in the header's first cell (年度财政资金总额, a cell merged down): its
        # figures straight after the header
        figures = [c for c in cells[i:i + len(header) - 1] if FIGURE_CELL.match(c)]
        found.append((run[i], [header[0], *figures]))
        header[0] = ""
        i += len(figures)
    while i < len(cells) and not FIGURE_CELL.match(cells[i]) and not DASHES.fullmatch(cells[i]):
        if not cells[i] and i + 1 < len(cells) and cells[i + 1] and not FIGURE_CELL.match(cells[i + 1]):
            i += 1          # an empty cell before the row's name (under a merged 项目资金 cell)
            continue
        figures = []
        k = i + 1
        # a "——" between the figures is the row's empty cell (其中 rows leave 分值 and 得分 so), kept
        # in its place: the figure after it is the next column's, not another row's
        while k < len(cells) and (FIGURE_CELL.match(cells[k]) or DASHES.fullmatch(cells[k])) \
                and len(figures) < len(header) - 1:
            # (… and so is a blank line, where the table has few: "其他资金" / "" / "24.00" — no 年初 figure)
            figures.extend([""] * min(run[k] - run[k - 1] - 1 if blanks else 0, len(header) - 2 - len(figures)))
            figures.append(cells[k] if FIGURE_CELL.match(cells[k]) else "")
            k += 1
        if not any(figures):
            break
        found.append((run[i], [cells[i], *_placed_by_rate(header, figures)]))
        i = k
    if not found:
        return set()
    rows[run[start]] = header
    for first, row in found:
        rows[first] = row
    return set(run[start:i]) - {run[start]} - {first for first, _ in found}


def _placed_by_rate(header: list[str], figures: list[str]) -> list[str]:
    """A 其中 row that left its empty cells out with no mark ("其他资金" / "48.00" / "31.73" / "66.10%" under 年初预算数 |
    全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): two amounts and the rate that is the second over the first are its
    全年预算数 and 全年执行数 and their 执行率, in those columns — else the figures as they stand, from the left."""
    filled = [f for f in figures if f]
    columns = [column_of(h, "funds") for h in header[1:]]
    if len(filled) != 3 or not filled[2].endswith("%") or not all(c in columns for c in ("budget_total", "spend_total", "exec_rate")):
        return figures
    try:
        budget, spent, rate = (float(f.rstrip("%").replace(",", "")) for f in filled)
    except ValueError:
        return figures
    if not budget or abs(spent / budget * 100 - rate) > 0.0051 + 0.5 * 10 ** -len(filled[2].rstrip("%").partition(".")[2]):
        return figures
    placed = [""] * len(columns)
    for column, figure in zip(("budget_total", "spend_total", "exec_rate"), filled):
        placed[columns.index(column)] = figure
    return placed


_DIRECTION_CELL = re.compile(r"^(?:≥|≤|>=|<=|=|>|<|大于等于|小于等于|不低于|不高于|不少于|不超过|定性|正向|反向|"
                             r"正向指标|反向指标|定量|定量指标|定性指标)$")
_PLACEHOLDER = re.compile(r"^[.…·—\-/]*$")
_FIGURE_COLUMNS = ("target", "actual", "weight", "score")   # the national form's order
_AMONG_FIGURES = ("completion", "rule", "unit")   # columns a province's form puts among them (计量单位 too)
_SENTENCE = re.compile(r"[。；;！？!?，]|,(?!\d{3})")   # not the comma of 8,912


def _indicator_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """An indicator table one cell a line whose empty and merged cells were left out (a row under
    the same 一级指标 has fewer cells): its header read by the forms' vocabulary, each row found
    by its 指标性质 cell (≥, =, ≤ …) or else by the figures it ends with (分值 and 得分, and the
    年度指标值 and 实际完成值 before them when they are bare figures too); the cells before
    those are that row's names, right-aligned."""
    start = end = 0
    while True:         # the first run of five header words or more ("实际完成情况" alone is a title)
        start = next((i for i in range(end, len(cells)) if column_of(cells[i], "indicators")), None)
        if start is None:
            return set()
        end = start
        while end < len(cells) and column_of(cells[end], "indicators"):
            end += 1
        if end - start >= 5:
            break
    if column_of(cells[start + 1], "indicators") == "level1" and column_of(cells[start], "indicators") != "level1":
        start += 1     # a merged cell's words to the left of the header ("绩" / "效" / "指标"): none of its columns
    header = spelled_out(cells[start:end])
    columns = [column_of(c, "indicators") for c in header]
    if "target" not in columns:
        return set()
    data, at = cells[end:], run[end:]
    width = len(_FIGURE_COLUMNS)        # the figure cells of a row (a 完成率 or 评分标准 among them: more)
    if "direction" in columns:
        anchor = columns.index("direction")    # the name columns before a row's first figure
        # a last 偏差原因 column is not counted on: left empty it is no line at all, and the next
        # row's name would be taken for it (a reason that is a sentence is the row's all the same, below)
        spans = _rows_by_direction(data, len(columns) - anchor - 1 - (columns[-1] == "reason"))
    else:
        anchor = min(columns.index(c) for c in _FIGURE_COLUMNS if c in columns)
        order = list(itertools.takewhile(lambda c: c in (*_FIGURE_COLUMNS, *_AMONG_FIGURES), columns[anchor:]))
        if sorted(set(order) - set(_AMONG_FIGURES)) != sorted(_FIGURE_COLUMNS):
            return set()
        # (a 完成率 or a 评分标准 column among them: each row is as many cells, found by its 分值 and 得分)
        spans = _rows_by_scores(data, "reason" in columns) if order == list(_FIGURE_COLUMNS) \
            else _rows_in_order(data, order)
        width = len(order)
    found: list[tuple[int, list[str]]] = []
    previous = 0
    full = _name_width(data, spans, "reason" in columns)
    totals = vocabulary()["indicators"]["total_rows"]
    for first, last in spans:
        if first < previous:
            continue
        if any(key(c) in totals for c in data[previous:first]):
            break       # the form's 合计 row (read below): no row's names ("指标得分合计 | | | 100 | | | 97.12", then 加分项 …)
        said = [c for c in data[previous:first] if _SENTENCE.search(c)]
        if said and found and "reason" in columns:      # the row above's 偏差原因, a sentence
            found[-1][1][columns.index("reason")] = " ".join(said)
        names = _names(data[previous:first])
        # (… where the first line may be the row above's 偏差原因 instead, what follows it only a word's end: "度", "查合格率")
        at_reason = "reason" in columns and previous > 0 and len(names) == 2
        if len(names) >= 2 and abs(display_width(names[-2]) - full) <= 1 and not _GROUP_NAME.search(names[-2]) \
                and not _GROUP_NAME.search(names[-1]) and not _DIRECTION_CELL.match(names[-1]) \
                and not any(FIGURE_CELL.match(name) for name in names[-2:]) \
                and not (at_reason and len(names[-1]) > 4):
            names[-2:] = [names[-2] + names[-1]]     # a name wrapped in its cell ("农村饮水安全工程维" / "修养护数量")
        figures = data[first:last + 1]
        if names and _DIRECTION_CELL.match(names[-1]) and "direction" not in columns:
            figures = [names.pop() + figures[0], *figures[1:]]   # "≥ | 24个" under 年度指标值: one target
        names = names[-anchor:] if anchor else []
        row = [""] * (anchor - len(names)) + names + figures
        row += [""] * (len(header) - len(row))
        if len(figures) > width and "reason" in columns and "direction" not in columns:
            row = row[:anchor + width] + [""] * (len(header) - anchor - width)
            row[columns.index("reason")] = " ".join(figures[width:])   # a 0 or a word in 偏差原因
        found.append((at[previous], row))
        previous = last + 1
    if not found:
        return set()
    rest = data[previous:]
    total_at = next((k for k, c in enumerate(rest[:3]) if key(c) in totals), None)
    if total_at is not None:
        figures, after = _total_figures(rest, total_at, len(header))
        row = [rest[total_at]] + [""] * (len(header) - 1)
        # (in the header's order: a form may put its 得分 before its 分值)
        ordered = sorted((c for c in ("weight", "score") if c in columns), key=columns.index)
        for column, value in zip(ordered, figures if "score" in columns else []):
            row[columns.index(column)] = value
        found.append((at[previous + total_at], row))
        previous += after
        previous = _rows_under_the_total(data, at, previous, header, columns, found)
    rows[run[start]] = header
    for first, row in found:
        rows[first] = row
    taken = set(run[start:end + previous])
    return taken - {run[start]} - {first for first, _ in found}


def _total_figures(rest: list[str], total_at: int, width: int) -> tuple[list[str], int]:
    """The figures of the 合计 row (its 分值 and 得分, two at most) and where its cells end: the cells after its name,
    past the empty ones of a table that gives each empty cell a line ("总分 |" / "|" / "|" / "100 |" / "98.41 |"),
    within the row's width."""
    figures, k = [], total_at + 1
    while k < min(len(rest), total_at + width) and len(figures) < 2:
        if rest[k] and not FIGURE_CELL.match(rest[k]):
            break
        if rest[k]:
            figures.append(rest[k])
        k += 1
    return (figures, k) if figures else ([], total_at + 1)


def _rows_under_the_total(data: list[str], at: list[int], previous: int, header: list[str], columns: list,
                          found: list) -> int:
    """The rows right under the form's 合计: points added or taken off, then the final score ("加分项" / its reason /
    "2.50", "综合得分" / "99.62"), each its figure under the 得分 column (forms.py reads them as it reads such rows
    written with "|"); where they end."""
    finals = vocabulary()["indicators"]["final_rows"]
    while "score" in columns and previous < len(data) and (BONUS_ROW.match(key(data[previous]))
                                                            or key(data[previous]) in finals):
        figure = next((k for k in range(previous + 1, min(previous + 3, len(data))) if FIGURE_CELL.match(data[k])), None)
        if figure is None:
            break
        row = [data[previous]] + [""] * (len(header) - 1)
        row[columns.index("score")] = data[figure]
        found.append((at[previous], row))
        previous = figure + 1
    return previous


_GROUP_NAME = re.compile(r"指标$|^[一二三四]级|[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$")   # (a group's: "服务对象满意度（40分）")


def _name_width(data: list[str], spans: list[tuple[int, int]], reasons: bool) -> int:
    """The width of the name column's lines (a PDF's name cells wrap at it): the widest of the last two name cells
    before each row's figures, the groups' names left out (none under four characters counted) — and, in a form with a
    偏差原因 column, the cell right after a row's figures, which may be its reason (a line of another column's width)."""
    widths = []
    for previous, (first, _) in zip([0, *(last + 1 for _, last in spans)], spans):
        names = _names(data[previous:first])
        widths += [display_width(c) for k, c in enumerate(names) if k >= len(names) - 2 and not _GROUP_NAME.search(c)
                   and not (reasons and previous and k == 0)]
    return max([8, *widths])


def spelled_out(header: list[str]) -> list[str]:
    """A header of two lines one cell a line, its lower line spelling out a merged upper cell (一级 |
    … | 预期指标值 | 实际完成值 | … | 得分, then 符号 | 数值 | 单位): the lower words in the place of the
    upper one they spell out (the rows give their cells in that order)."""
    columns = [column_of(c, "indicators") for c in header]
    lower = next((k for k in range(1, len(header)) if columns[k] == "direction" and "target" in columns[:k]
                  and "score" in columns[:k]), None)
    if lower is None or not {"target", "unit"} & set(columns[lower + 1:]):
        return header
    spanned = columns.index("target")
    return header[:spanned] + header[lower:] + header[spanned + 1:lower]


def _rows_by_direction(data: list[str], after: int) -> list[tuple[int, int]]:
    """Each row's cells from its 指标性质 cell to its last column (`after` more)."""
    # (指标性质 and 指标方向 side by side — 正向 | 大于等于 — are one row's: it starts at the first)
    return [(i, i + after) for i, cell in enumerate(data) if _DIRECTION_CELL.match(cell) and i + after < len(data)
            and not (i and _DIRECTION_CELL.match(data[i - 1]))]


def _rows_in_order(data: list[str], order: list[str]) -> list[tuple[int, int]]:
    """Each row's figure cells in a form's own order (分值 | 年度指标值 | 全年实际值 | 得分, or with a 完成率):
    its 分值 and 得分 bare figures (the 得分 no more than the 分值), the others no sentence."""
    weight, score, width = order.index("weight"), order.index("score"), len(order)
    spans, i = [], 0
    while i + width <= len(data):
        cells = data[i:i + width]
        if BARE_NUMBER.fullmatch(cells[weight]) and BARE_NUMBER.fullmatch(cells[score]) \
                and float(cells[score]) <= float(cells[weight]) \
                and not any(re.search(r"\d", c) for c, column in zip(cells, order) if column == "unit") \
                and not any(_SENTENCE.search(c) for c, column in zip(cells, order) if column != "rule"):
            spans.append((i, i + width - 1))
            i += width
        else:
            i += 1
    return spans


_SUMS = re.compile(r"(?:小计|合计|总计|总分)$")


def _rows_by_scores(data: list[str], reasons: bool) -> list[tuple[int, int]]:
    """Each row's figures by the run of bare figures it ends with: 分值 and 得分 (two), 实际完成值 too
    (three: the target is the words before, "≥6公里"), 年度指标值 too (four), and a fifth, a
    偏差原因 of "0"; with two, the target and the actual are the two cells before (words)."""
    spans = []
    i = 0
    while i < len(data):
        if not BARE_NUMBER.fullmatch(data[i]):
            i += 1
            continue
        k = i
        while k < len(data) and BARE_NUMBER.fullmatch(data[k]):
            k += 1
        length = k - i
        if length == 3 and reasons and data[k - 1] == "0" and i and not re.search(r"\d", data[i - 1]):
            length, k = 2, k - 1     # 消除 | 消除 | 20 | 20 | 0: the 0 is the 偏差原因, not the 得分
        if 2 <= length <= 5:
            first = i - {2: 2, 3: 1}.get(length, 0)
            # (the two before a 分值 and 得分 are the row's target and actual, words: not the figures of the row
            # above nor a 小计 or 总分 row's name — "…| 5 | 管理效率小计 | 50 | 47 | 总分 | 100 | 95.45")
            if first >= 0 and all(not _SENTENCE.search(c) and not BARE_NUMBER.fullmatch(c) and not _SUMS.search(c)
                                  for c in data[first:i]):
                spans.append((first, k - 1))
        i = k
    return spans


def _names(cells: list[str]) -> list[str]:
    """The name cells before a row's figures: a 偏差原因 sentence of the row above and "……" left
    out, and a word broken off its name ("社会效益" / "指标") joined again."""
    names: list[str] = []
    for cell in cells:
        if _PLACEHOLDER.match(cell) or _SENTENCE.search(cell):
            continue
        if cell == "指标" and names:
            names[-1] += cell
        else:
            names.append(cell)
    return names
