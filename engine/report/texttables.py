"""Tables in a report's plain text (a .txt, or a PDF's lines): rows written with "|", and columns
set apart by tabs or by spaces (read by where each cell stands) — each made rows of cells, so
that a figure keeps its column (engine/report/forms.py reads them by their headers); a whole
form run together on one line split into its words (cellrows.py reads those one cell a line)."""
from __future__ import annotations

import re

from .onespace import names_anew, numbered_rows, one_space_rows
from .rejoined import (PIPE, header_a_cell_a_line, header_continued, pipe_cells_carried_on, rows_broken_over_lines,
                       tab_cells_broken, tab_cells_carried_on, tab_rows_rejoined)
from .plain import (BARE_NUMBER, DASHES, FIGURE_CELL, PAGE_MARK, bracket_joined, display_width, figured, opens_bracket,
                    words_only)
from .vocabulary import cell_words, column_of, form_header, vocabulary
from .wrappedrows import (LONG_WORDS, WRAPPED_CELL, long_words_wrapped, of_long_words, rows_of_their_lines, rows_set_apart,
                          wrapped)

_MARKDOWN_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_INDENTED = re.compile(r"(?:[ \u3000]{2,}|\t)\S")    # a cell under a column, the ones before it empty
_COLUMN_GAP = re.compile(r"(?:[ \u3000]{2,}|\t+|\u3000)")
_PARAGRAPH = re.compile(r"^\s*\S{40,}$")   # an indented line of forty characters or more and no gap: a paragraph
def table_rows(lines: list[str]) -> dict[int, list[str]]:
    """The lines of a text that are a table's rows, each as its cells: rows written with "|"
    (a cell's edges, as Markdown or a copied form has them), and columns set apart by tabs or
    by runs of spaces — these only where two lines in a row have three cells or more, so that
    a sentence with a double space stays a sentence."""
    rows: dict[int, list[str]] = header_a_cell_a_line(lines)
    joined = rows_broken_over_lines(lines)
    joined.update({n: line for n, line in tab_cells_broken(lines).items() if n not in joined})
    for n, line in enumerate(lines):
        if n in rows:
            continue
        if n in joined and not joined[n]:
            rows[n] = []          # the rest of a row broken over lines: given with its row
            continue
        stripped = joined.get(n, line).strip()
        if _MARKDOWN_RULE.fullmatch(stripped):
            rows[n] = []          # |---|---|: a Markdown table's line under its header, no row of its own
            continue
        if stripped.count("|") + stripped.count("｜") >= 2 or (stripped.startswith(("|", "｜")) and len(stripped) > 1):
            cells = PIPE.split(stripped)
            if cells and not cells[0]:
                cells = cells[1:]
            if cells and not cells[-1]:
                cells = cells[:-1]
            if any(c.strip() for c in cells):
                rows[n] = cells
        elif joined.get(n, line).count("\t") >= 2:     # a tab for each cell: an empty cell stays one
            cells = [c.strip() for c in joined.get(n, line).strip(" \u3000\r\n").split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if sum(1 for c in cells if c) >= 2:
                rows[n] = cells
    rows.update(tab_rows_rejoined(lines, rows))
    rows.update(tab_cells_carried_on(lines, rows))
    rows.update(pipe_cells_carried_on(lines, rows))
    rows.update(header_continued(rows, lines))
    spaced = {n: [c for c in _COLUMN_GAP.split(_spaced_out_joined(line).strip()) if c] for n, line in enumerate(lines)
              if n not in rows and line.strip() and (_COLUMN_GAP.search(line.strip()) or _INDENTED.match(line)
                                                     and not _PARAGRAPH.match(line))}
    for n, line in enumerate(lines):     # a short line alone between a table's lines, a cell of its own:
        if n - 1 not in spaced or n in rows or not 0 < len(line.strip()) <= max(WRAPPED_CELL, 20):
            continue
        closes = (n + 1 in spaced or n + 2 in spaced and not lines[n + 1].strip()) \
            and re.search(r"[)）]$", line.strip()) and opens_bracket(lines[n - 1])  # ("（20分" / "）", a blank line after)
        stacked = n not in spaced and form_header(spaced[n - 1]) and not re.search(r"\d", line)    # ("绩效" / "指标")
        # a group's name on a line of its own between rows of figures ("二、防汛抗旱" over its rows and their 小计)
        group = n + 1 in spaced and _GROUP_LINE.fullmatch(line.strip()) is not None \
            and all(len(spaced[k]) >= 3 and (figured(spaced[k]) or k == n - 1 and words_only(spaced[k]))
                    for k in (n - 1, n + 1))   # (rows, not paragraphs; or the first group's, under the header)
        if (closes or stacked) and len(line.strip()) <= WRAPPED_CELL or group:
            spaced[n] = [line.strip()]
    block: list[int] = []
    for n in sorted(spaced) + [-2]:
        if block and n > 0 and all(_RULE_LINE.fullmatch(lines[k]) for k in range(block[-1] + 1, n)) \
                and (all(form_header(spaced[k]) or not figured(spaced[k]) for k in block)
                     and (form_header(spaced[block[0]]) or form_header(spaced[block[-1]]))   # (a title over it)
                     or n - block[-1] <= 2 and rows_set_apart(block, spaced)):
            block.append(n)       # a form's header, blank lines (or a rule: "-----"), then its rows: one block
            continue
        if block and n != block[-1] + 1:
            for part in _by_header(block, spaced, lines):
                if len(part) >= 2 and any(len(spaced[i]) >= 3 for i in part):
                    rows.update(_aligned(part, lines))
            block = []
        if n >= 0:
            block.append(n)
    rows.update(_lone_rows({n: cells for n, cells in spaced.items() if n not in rows}, rows))
    rows.update(one_space_rows(lines, rows))
    rows.update(numbered_rows(lines, rows))     # (what no form's header made rows of)
    return rows


_RULE_LINE = re.compile(r"[\s\-—─━=＝_]*")     # a blank line, or a rule drawn under a header with dashes


_GROUP_LINE = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])[^\d\s,，。；;:：]{2,18}")
_MASTHEAD = re.compile(r"\s*(?:项目名称|主管部门|实施单位|预算单位|部门名称|单位名称|项目单位|项目负责人|主管单位)")


def _by_header(block: list[int], spaced: dict[int, list[str]], lines: list[str]) -> list[list[int]]:
    """A block of lines cut before each form's header below a row of figures (a funds table and
    an indicator table one under the other: each its own columns; a header of two lines stays one)."""
    parts: list[list[int]] = [[]]
    for n in block:
        if form_header(spaced[n]) and words_only(spaced[n]) and (
                any(figured(spaced[i]) or len(spaced[i]) >= 3 and all(DASHES.fullmatch(c) for c in spaced[i][1:])
                    for i in parts[-1])     # (… or a row of cells left empty: "其他资金  —  —  —")
                or any(_MASTHEAD.match(spaced[i][0]) for i in parts[-1])
                and all(_MASTHEAD.match(spaced[i][0]) or len(spaced[i]) == 1
                        or i == n - 1 and _ends_named(_cells_at(lines[i]), _cells_at(lines[n])) for i in parts[-1])):
            # (… or below the form's title and 项目名称 / 主管部门 lines: no header of its rows — the header's upper
            # line of words, 年初 | 全年 | 全年 over 预算数 | 预算数 | 执行数, goes with it)
            upper = [parts[-1].pop()] if parts[-1] and parts[-1][-1] == n - 1 and not _MASTHEAD.match(spaced[n - 1][0]) \
                and not any(DASHES.fullmatch(c) for c in spaced[n - 1]) \
                and _ends_named(_cells_at(lines[n - 1]), _cells_at(lines[n])) else []
            # (not a row of the table above whose cells were left empty: "其他资金  —  —  —" over 一级指标 | …)
            parts.append(upper)
        parts[-1].append(n)
    return parts


def _lone_rows(lone: dict[int, list[str]], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Lines set apart by spaces that stand alone between blank lines or a form's stacked words
    ("一级 / 指标" a word a line): a form's header row (its words those of a form), and below one a
    row with two figures of its own or more ("数量指标  培训班  ≥40期  36期  12.5  12.5") — its
    cells as they come; which cell is which column the form's reader fits by their names."""
    out: dict[int, list[str]] = {}
    headers = sorted(n for n, cells in rows.items() if form_header(cells))
    for n, cells in sorted(lone.items()):
        if len(cells) < 3:
            continue
        if form_header(cells):
            out[n] = cells
            headers.append(n)
        elif any(h < n for h in headers) and sum(1 for c in cells if BARE_NUMBER.fullmatch(c)) >= 2:
            out[n] = cells
    return out


# a word spaced out letter by letter to fill its cell ("合　　计", "序  号"): two to four characters, each alone
_SPACED_OUT = re.compile(r"(?:(?<=^)|(?<=\s))[\u4e00-\u9fff](?:[ \u3000]{1,4}[\u4e00-\u9fff]){1,3}(?=[ \u3000]{2}|\u3000|\t|\s*$)")


def _spaced_out_joined(line: str) -> str:
    """Such a word as one cell, its spaces after it (where the cells after it start stays where it was)."""
    return _SPACED_OUT.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)) + "".join(re.findall(r"[ \u3000]", m.group(0))),
                           line)


def _cells_at(line: str, quotes_wide: bool = False) -> list[tuple[int, str]]:
    """A line's cells with the display column each starts at (words one space apart are a cell); with `quotes_wide`,
    “ ” ‘ ’ two columns each, as a Chinese font sets them."""
    line = _spaced_out_joined(line)
    width = (lambda text: display_width(text) + sum(text.count(q) for q in _QUOTES)) if quotes_wide else display_width  # noqa: E731
    cells, position = [], 0
    for gap in [*_COLUMN_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        if line[position:end].strip():
            cells.append((width(line[:position]) + width(line[position:end]) - width(line[position:end].lstrip()),
                          line[position:end].strip()))
        position = gap.end() if gap else position
    return cells


_QUOTES = "“”‘’"


def _quotes_as_typed(block: list[int], lines: list[str], header_at: int, starts: list[int],
                     cells_of: dict[int, list[tuple[int, str]]]) -> None:
    """A row whose quotation marks were typed two columns wide ("“三公”经费控制率" aligned in a Chinese font): its cells
    where they then stand, if more of them start under the header's columns so."""
    def under(cells: list[tuple[int, str]]) -> int:
        return sum(any(abs(start - s) <= 1 for s in starts) for start, _ in cells)
    for n in block:
        if n > header_at and any(q in lines[n] for q in _QUOTES):
            wide = _cells_at(lines[n].rstrip(), quotes_wide=True)
            if under(wide) > under(cells_of[n]):
                cells_of[n] = wide


def _split_at_columns(cells: list[tuple[int, str]], starts: list[int]) -> list[tuple[int, str]]:
    """A cell of two words one space apart, the second starting under a column of its own
    ("满意度指标 满意度"): two cells."""
    out = []
    for start, text in cells:
        at = start
        for word in text.split(" "):
            if out and out[-1][0] >= start and not any(abs(at - s) <= 1 for s in starts):
                out[-1] = (out[-1][0], f"{out[-1][1]} {word}")
            else:
                out.append((at, word))
            at += display_width(word) + 1
    return out


def _aligned(block: list[int], lines: list[str]) -> dict[int, list[str]]:
    """A block of lines set in columns by spaces: each cell put in the column of the header it
    stands under, an empty cell kept empty; a line of words only under a row (an indicator's
    name or a reason wrapped) is added to that row."""
    cells_of = {n: _cells_at(lines[n].rstrip()) for n in block}
    header_at, columns, combined, spans = _header_columns(block, cells_of)
    starts = sorted(columns)
    header = [columns[s] for s in starts]
    _quotes_as_typed(block, lines, header_at, starts, cells_of)
    extents = [spans.get(s) or (s, s + display_width(text) if text else (starts[k + 1] if k + 1 < len(starts) else 10 ** 6))
               for k, (s, text) in enumerate(zip(starts, header))]
    placed = [(start, start + display_width(text)) for n in block if n > header_at for start, text in cells_of[n]]
    if words_only(header):   # a header of words: under its words
        aligned = sum(_under_one(cell, extents) for cell in placed)
    else:          # a row of figures taken for one: its cells' starts are all there is
        aligned = sum(any(abs(start - s) <= 1 for s in starts) for start, _ in placed)
    if aligned < 0.8 * len(placed) or _one_gap(block, lines):
        # not set in columns (cells one after another, a run of spaces between): as they come — or, under a
        # header of words, figures set right past its words' ends: each row's last figures under its words
        return _figures_under_words(block, header_at, header, cells_of) or _as_they_come(block, lines)
    out: dict[int, list[str]] = {}
    last: int | None = None
    rules = {k for k, text in enumerate(header) if cell_words()[0].search(text)}   # 评价标准 …
    # (a figure with its unit under 年度指标值, 实际完成值 …: "1426公里" is a row's own, no wrapped end)
    figured_columns = {k for k, text in enumerate(header) if column_of(text, "indicators") in _FIGURE_COLUMNS}
    # (a 评分表's columns of long words — 指标解释, 评分标准, 完成情况, 偏差原因 — wrapped over lines, none of the row's
    # name, points or score on those lines but a name's short end)
    long_words = {k for k, text in enumerate(header) if k in rules or column_of(text, "indicators") in LONG_WORDS} \
        if any(of_long_words(text) for text in header) else set()
    names = {k for k, text in enumerate(header) if column_of(text, "indicators") in ("name", "level1", "level2")}
    points = {k for k, text in enumerate(header) if column_of(text, "indicators") in ("weight", "score")}
    placed_rows: dict[int, list[str]] = {}
    for n in block:
        if PAGE_MARK.fullmatch(lines[n]):
            out[n] = []     # (a page's mark in a table broken over pages: neither a row nor a wrapped cell's end)
            continue
        if combined and n <= header_at:
            out[n] = header if n == header_at else []    # a header's upper lines are in its row
            continue
        cells = _split_at_columns(cells_of[n], starts)
        row = [""] * len(starts)
        doubled = False
        for start, text in cells:
            column = _column_of_cell(start, start + display_width(text), starts, extents)
            if row[column] and column + 1 < len(starts) and not row[column + 1] and start + 2 >= starts[column + 1]:
                column += 1     # ("1.86万亩       15": the column before is taken — the figure is the next one's)
            elif row[column] and column - 1 in points and not row[column - 1] and column not in points \
                    and BARE_NUMBER.fullmatch(row[column]):
                row[column - 1], row[column] = row[column], ""
                # ("6" pushed past 分值 under 完成情况 by a cell before it that ran over its column's edge, the words
                # after it under 完成情况 too: the figure is the points')
            doubled = doubled or bool(row[column])
            row[column] = f"{row[column]} {text}".strip()
        if doubled and n > header_at and len(cells_of[n]) == len(starts):
            # two cells under one header, a cell for each column given: the cells one after another, a gap
            # between (a table typed with spaces, not set in columns) — as they come
            row = [text for _, text in cells_of[n]]
        placed_rows[n] = row
        carries_on = wrapped([text for k, text in enumerate(row) if text and k not in rules]) \
            and not any(k in figured_columns and _A_FIGURE_FIRST.match(text) for k, text in enumerate(row)) \
            or long_words_wrapped(row, long_words, names)
        # (… never onto a 评分表's header: its first row's words may stand above its line of points)
        if n > header_at and last is not None and (last > header_at or not long_words) and carries_on \
                and not _GROUP_LINE.fullmatch(lines[n].strip()) and not _set_out_left(cells_of[n], cells_of[last]):
            # (a group's name over its rows — numbered, or set out left of the rows' names: "基本支出" over
            # "  工资福利支出 …" — is a row)
            out[last] = [a + b for a, b in zip(out[last], row)]   # a wrapped line: the row above goes on
            out[n] = []
            continue
        out[n] = row
        last = n
    if long_words and any(b - a > 1 for a, b in zip(block, block[1:])):
        out.update(rows_of_their_lines(block, header_at, placed_rows, points))
    return out


def _as_they_come(block: list[int], lines: list[str]) -> dict[int, list[str]]:
    """Each line of three cells or more, its cells as they come; a group's name on a line of its own between them
    ("二、防汛抗旱") a row of that name, its other cells empty (the table goes on past it)."""
    out = {n: cells for n in block if len(cells := [c for c in _COLUMN_GAP.split(_spaced_out_joined(lines[n]).strip()) if c]) >= 3}
    width = max((len(cells) for cells in out.values()), default=0)
    out.update({n: [lines[n].strip()] + [""] * (width - 1) for n in block
                if n not in out and width and min(out) < n < max(out) and _GROUP_LINE.fullmatch(lines[n].strip())})
    return out


def _set_out_left(cells: list[tuple[int, str]], above: list[tuple[int, str]]) -> bool:
    """A line of one cell that starts two columns or more left of the first cell of the row above it."""
    return len(cells) == 1 and bool(above) and cells[0][0] + 2 <= above[0][0]


def _figures_under_words(block: list[int], header_at: int, header: list[str], cells_of: dict) -> dict[int, list[str]] | None:
    """A header of amount words alone (年初预算数 | 调整后预算数 | 支出数) over rows that each end with as many
    figures, names before them in one cell or two (财政拨款 / 一般公共预算, 小计): each row's names one cell, its
    figures under the header's words in order — where every row below it is so, else None."""
    words = [w for w in header if w]
    if any(len(cells_of[n]) > 1 for n in block if n < header_at) or len(words) < 2 or header[-len(words):] != words \
            or not words_only(words):      # (the header's words, then the columns of names it leaves empty at the left)
        return None         # (a title over the header, a cell alone, is no row)
    out = {header_at: ["", *words]}
    for n in (n for n in block if n > header_at):
        texts = [text for _, text in cells_of[n]]
        figures = texts[-len(words):]
        if len(texts) <= len(words) or len(texts) > len(words) + 2 or not all(FIGURE_CELL.match(f) for f in figures):
            return None
        out[n] = [" ".join(texts[:-len(words)]), *figures]
    return out


def _one_gap(block: list[int], lines: list[str]) -> bool:
    """Every gap between cells the same run of spaces (four, as a tab turned into spaces): cells typed one
    after another, not set under their headers."""
    gaps = {gap.group() for n in block for gap in _COLUMN_GAP.finditer(lines[n].strip())}
    return len(gaps) == 1 and len(next(iter(gaps))) >= 2 and len(block) >= 2


def _column_of_cell(start: int, end: int, starts: list[int], extents: list[tuple[int, int]]) -> int:
    """The column a cell stands in: the one it starts under (set left), or ends under (set right),
    or is centred under (a centred cell wider than its header word starts left of it) — else the
    one it starts under, a column or two off, but not one it starts just before and ends where
    that one begins (a figure set right in the column before it: "20" ending where 得分 starts is
    分值's)."""
    for k, (s, e) in enumerate(extents):
        if abs(start - s) <= 1 or abs(end - e) <= 1 and s <= end:
            return k
    middle = (start + end) / 2
    centred = [k for k, (s, e) in enumerate(extents) if abs((s + e) / 2 - middle) <= 1.5 and start <= e and s <= end]
    if len(centred) == 1:
        return centred[0]
    k = max((k for k, s in enumerate(starts) if s <= start + 2), default=0)
    if k > 0 and start < starts[k] and end <= starts[k] + 1 and not any(abs(start - s) <= 1 for s in starts):
        return k - 1
    return k


def _under_one(cell: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
    """A cell stands under one header word: it starts where the word does (set left), ends where
    it ends (set right), lies within it or is centred on it (a centred cell wider than its word)."""
    start, end = cell
    return any(abs(start - s) <= 2 or abs(end - e) <= 2 or (s - 2 <= start and end <= e + 2)
               or abs((start + end) - (s + e)) <= 3 for s, e in extents)


def _header_columns(block: list[int], cells_of: dict[int, list[tuple[int, str]]]) \
        -> tuple[int, dict[int, str], bool, dict[int, tuple[int, int]]]:
    """(the header's last line, its words by the display column each starts at, whether it is of
    more than one line, and where a word joined of two lines stands: the wider of the two, as a
    centred header sets them) of a block: a header of lines of words over its rows — 预算数（万元）
    spanning 年初预算 | 调整预算 | 全年预算, 执行率 standing alone — read as one row: each word of
    the lowest line a column, an upper word over lower words joined to each where the form's
    words know them so (年度 + 指标值; 年初 + 预算数 and 全年 + 预算数 under 预算数), over none
    a column of its own.  Its first line is a form's header by its own words (a line of 项目名称 | …
    over it is a row, not a header).  A block without one: its first line of three cells or more.
    Either way a column of names (words "") before them when the rows start left of the header."""
    words = [n for n in block[:3] if len(cells_of[n]) >= 3 and not figured(t for _, t in cells_of[n])]
    words = words if words == block[:len(words)] and words and form_header([t for _, t in cells_of[words[0]]]) else []
    words = words[:next((k + 1 for k, (a, b) in enumerate(zip(words, words[1:])) if b > a + 1), len(words))]
    # (a header's lines are next to each other: the words after a blank line are a row's — a 评分表's rows set apart)
    if len(words) < 2 and len(block) > 2 and _ends_named(cells_of[block[0]], cells_of[block[1]]):
        words = block[:2]         # 年初 | 全年 | 全年 over 预算数 | 预算数 | 执行数: each upper word a lower's start
    if len(words) < 2:
        header_at = next(n for n in block if len(cells_of[n]) >= 3)
        return header_at, _with_names(dict(cells_of[header_at]), block, header_at, cells_of), False, {}
    columns = dict(cells_of[words[-1]])
    spans: dict[int, tuple[int, int]] = {}
    for n in reversed(words[:-1]):
        upper = cells_of[n]
        for k, (start, text) in enumerate(upper):
            # a merged cell set left reaches to the next word of its line (预算数 over 年初 | 全年)
            reach = max(start + display_width(text) + 2, upper[k + 1][0] - 2 if k + 1 < len(upper) else 0)
            under = [s for s in columns if start - 2 <= s < reach]
            if not under:
                columns[start] = text
            for at in under:          # 年度 over 指标值; 预算数 over 年初 | 全年, 执行数 over 全年
                lower = columns[at]
                # (年初 over 预算数: 年初预算数 names another column than 预算数 alone)
                joined = next((j for j in (text + lower, lower + text) if names_anew(lower, j)), None)
                if joined:
                    if len(under) == 1:
                        spans[at] = (min(at, start), max(at + display_width(lower), start + display_width(text)))
                    columns[at] = joined
    return words[-1], _with_names(columns, block, words[-1], cells_of), True, spans


def _ends_named(upper: list[tuple[int, str]], lower: list[tuple[int, str]]) -> bool:
    """Every word of a line of words over a form's header makes a header word with the lower word
    under it (年初 over 预算数: 年初预算数) — the header's upper line, though no header by itself."""
    texts = [t for _, t in lower]
    if len(upper) < 2 or figured(t for _, t in upper) or form_header(texts) is None:
        return False
    for start, text in upper:
        under = [t for s, t in lower if abs(s - start) <= 2 or s <= start < s + display_width(t)]
        if len(under) != 1 or not any(column_of(text + under[0], b) for b in vocabulary()):
            return False
    return True


def _with_names(columns: dict[int, str], block: list[int], header_at: int, cells_of: dict) -> dict[int, str]:
    """The header's columns, and those of names at the left where its rows start left of them
    (年度资金总额 and 其中 rows under one start, a merged 项目资金（元） left of them under another)."""
    first = min(columns)
    lefts = sorted({start for n in block if n > header_at for start, _ in cells_of[n] if start < first - 2})
    names: list[int] = []
    for start in lefts:
        if not names or start - names[-1] > 2:
            names.append(start)
    return {**{start: "" for start in names}, **columns}


_FIGURE_COLUMNS = ("target", "adjusted_target", "actual", "weight", "score", "completion")
_A_FIGURE_FIRST = re.compile(r"\s*[≥≤<>=]?\s*\d")


_FLATTENED = 120      # a line this long holding a form's header words as words of their own …


def flattened(line: str) -> list[str]:
    """A whole form run together on one line (a document's text layer copied out, cells one
    space apart): its words, each as a line of its own, for the one-cell-a-line readers; any
    other line as it is."""
    if len(line) < _FLATTENED or len(re.findall(r"\S(?:[ \u3000]{3,}|\t)\S", line)) >= 3:
        return [line]       # (a long line in columns set apart by runs of spaces is a row, not a form run together)
    words = bracket_joined(line.split())
    headers = sum(1 for w in words if column_of(w, "funds") or column_of(w, "indicators"))
    return words if headers >= 4 else [line]
