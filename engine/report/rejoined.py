"""Pipe and tab rows a copy broke apart, joined again: a "|" row broken over lines, a tab row whose cell
went on on the next line, a form's header given a cell a line or broken into rows at its cells' edges
(texttables.table_rows reads the rows)."""
from __future__ import annotations

import re

from .plain import BARE_NUMBER, DASHES, HEADING, SIGNED_FIGURE, words_only
from .vocabulary import column_of, form_header, vocabulary

PIPE = re.compile(r"\s*[|｜]\s*")     # a cell's edge


_ONE_CELL = re.compile(r"\s*[|｜]\s*([^|｜\d]+?)\s*")   # "| 一级指标": a cell alone after its "|"


def tab_rows_rejoined(lines: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Tab-separated rows a cell of which the copy broke over two lines ("…\t调整指标值\t全年" and
    "完成值\t得分系数（%）\t…"; "\t城市管理案件按期" and "结案率\t%\t…"): two lines, neither as
    wide as the table's rows, that together are — one row again, the cell broken joined."""
    def cells_of(n: int) -> list[str]:
        cells = [c.strip() for c in lines[n].strip(" \u3000\r\n").split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return cells
    tabbed = [n for n, line in enumerate(lines) if "\t" in line]
    blocks: list[list[int]] = []
    for n in tabbed:                                    # runs of tab lines, one table each
        if blocks and n == blocks[-1][-1] + 1:
            blocks[-1].append(n)
        else:
            blocks.append([n])
    out: dict[int, list[str]] = {}
    for block in blocks:
        widths = [len(rows[n]) for n in block if n in rows]
        if len(widths) < 3:
            continue
        width = max(set(widths), key=widths.count)      # the width most of its rows have
        for a, b in zip(block, block[1:]):
            if a in out or b in out:
                continue
            upper, lower = cells_of(a), cells_of(b)
            if len(upper) < width and len(lower) < width and len(upper) + len(lower) - 1 == width \
                    and upper[-1] and lower[0] and not re.search(r"\d", upper[-1] + lower[0]) \
                    and not (form_header(lower) and not form_header(upper)):   # (a row of fields over a header)
                out[a], out[b] = upper[:-1] + [upper[-1] + lower[0]] + lower[1:], []
    return out


def tab_cells_carried_on(lines: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Tab lines that carry on the cells of the row above, as a PDF or a Word table copied as text gives a cell that
    wrapped ("…\t学校食堂食品安全量化\t≥90%\t94.1%\t10\t10" then "\t\t等级B级及以上比例"): the first cell empty, no
    figure, each of its words under a cell of that row that has words — joined to it, the line no row of its own."""
    out: dict[int, list[str]] = {}
    base: int | None = None
    for n, line in enumerate(lines):
        if line.count("\t") < 2:
            if line.strip():
                base = None       # (a line of prose, a page mark: the table's rows end)
            continue
        cells = [c.strip() for c in line.rstrip(" \u3000\r\n").split("\t")]
        above = out.get(base, rows.get(base)) if base is not None else None
        # (two cells at most — a name's end and its target's, a reason's words: a 定性 row of words alone, "\t\t政策知晓度\t较高
        # \t较高", is a row)
        carried = above is not None and not cells[0] and len(cells) <= len(above) and 0 < sum(map(bool, cells)) <= 2 \
            and all(not c or not re.search(r"\d", c) and above[k] and not SIGNED_FIGURE.fullmatch(above[k])
                    and not DASHES.fullmatch(above[k]) for k, c in enumerate(cells))   # (a figure's cell is not wrapped into)
        if carried and n + 1 < len(lines) and lines[n + 1].strip() and not lines[n + 1].startswith(("\t", " ", "\u3000")):
            below = lines[n + 1].rstrip(" \u3000\r\n\t").split("\t")
            # (… not where it is the first piece of a cell the next line ends: "\t\t千吨万人工程水质检" over
            # "测频次\t≥4次/年\t…", one row of the table's width broken at its cell's line break — tab_cells_broken)
            carried = len(cells) + len(below) - 1 != len(above)
        if carried:
            out[base] = [a + cells[k] if k < len(cells) and cells[k] else a for k, a in enumerate(above)]
            out[n] = []
        elif n in rows and any(re.search(r"\d", c) for c in rows[n]) and not form_header(rows[n]):
            base = n              # (a row of figures: what the lines after it may carry on)
        else:
            base = None
    return out


_TAB_PIECES = 8      # the lines a row broken at its cells' line breaks may take
_FIGURE_END = re.compile(r"[\d%‰—\-]$")


def tab_cells_broken(lines: list[str]) -> dict[int, str]:
    """Tab rows whose cells held line breaks (a Word table copied as text: "一级" / "指标\t二级" / "指标\t三级指标\t年度"
    / "指标值\t实际" / "完成值\t分值\t得分\t偏差原因分析" / "及改进措施"): the lines that together make a row exactly as
    wide as the rows of figures under it, each seam inside a cell of words — joined at the first line, the others
    empty; and a short line of words right after such a row and before the next, its last cell's end."""
    fields = [line.strip(" \u3000\r\n").split("\t") if line.strip() else [] for line in lines]
    tabbed = [n for n, f in enumerate(fields) if len(f) >= 4]
    out: dict[int, str] = {}
    n = 0
    while n < len(lines):
        # (the widest row below: most rows may be broken, none is wider than the table)
        width = max((len(fields[k]) for k in tabbed if n < k <= n + 2 * _TAB_PIECES), default=0)
        if not fields[n] or width < 4 or len(fields[n]) > width:
            n += 1
            continue
        cells, k = list(fields[n]), n + 1
        while k < min(n + _TAB_PIECES, len(lines)) and fields[k] and len(cells) < width and len(fields[k]) < width \
                and len(cells) + len(fields[k]) - 1 <= width and _seam(cells[-1], fields[k][0]):
            cells = cells[:-1] + [cells[-1] + fields[k][0]] + fields[k][1:]
            k += 1
        if len(cells) != width or k > n + 1 and not _whole_again(
                cells, fields[n:k], [fields[j] for j in tabbed if 0 < abs(j - n) <= 2 * _TAB_PIECES]):
            n += 1
            continue
        if k + 1 < len(lines) and len(fields[k]) == 1 and _last_cell_goes_on(cells[-1], lines[k]) and len(fields[k + 1]) >= 2:
            cells[-1] += fields[k][0]     # (the last cell's end: "偏差原因分析" / "及改进措施")
            k += 1
        if k > n + 1:
            out[n] = "\t".join(cells)
            out.update({i: "" for i in range(n + 1, k)})
            n = k
            continue
        n += 1
    return out


def _whole_again(cells: list[str], pieces: list[list[str]], near: list[list[str]]) -> bool:
    """The pieces joined are a row of the table again: a header naming more of a form's columns than any piece names
    by itself; or a row whose bare figures stand where a whole row's near it stand (分值, 得分)."""
    figures = {i for i, c in enumerate(cells) if BARE_NUMBER.fullmatch(c.strip())}
    if not figures:
        whole = form_header(cells)
        return whole is not None and all(part is None or len(part[1]) < len(whole[1]) for part in map(form_header, pieces))
    return any(len(row) == len(cells) and {i for i, c in enumerate(row) if BARE_NUMBER.fullmatch(c.strip())} == figures
               for row in near)


def _last_cell_goes_on(cell: str, line: str) -> bool:
    """A short line of words alone under a row is its last cell's end ("1家企业研发费用" / "占比不达标"): the cell words
    not ended as a sentence is, the line no heading nor a table's title."""
    return _seam(cell, line) and len(cell.strip()) >= 2 and not re.search(r"[。；;]$", cell.strip()) \
        and len(line.strip()) <= 20 and not HEADING.match(line.strip()) and not re.search(r"表|[:：]", line)


def _seam(upper: str, lower: str) -> bool:
    """Two pieces of one cell of words broken by a line break: both there, neither side a figure."""
    return bool(upper.strip() and lower.strip()) and not _FIGURE_END.search(upper.strip()) \
        and not re.match(r"\s*[\d≥≤<>=]", lower)


def header_continued(rows: dict[int, list[str]], lines: list[str]) -> dict[int, list[str]]:
    """A form's header a copy broke into rows at its cells' edges ("一级指标 | … | 年度 指标值 |",
    "实际 完成值 |", "分值 | 得分 | 偏差原因分析及改进措施 |"): the rows right under a header whose
    every cell is a column word of the header's form (none a header of its own; a lone cell with
    its "|") — one header at its first line, the others empty, so that each column keeps its name."""
    def cells_of(k: int) -> list[str]:
        if k in rows or k >= len(lines) or not re.search(r"[|｜]", lines[k]):
            return rows.get(k, [])
        return [c for c in PIPE.split(lines[k].strip()) if c]
    out: dict[int, list[str]] = {}
    for n in sorted(rows):
        if n in out or not rows[n] or not words_only(rows[n]):
            continue
        header = form_header(rows[n])
        if header is None:
            continue
        block, cells, k = header[0], list(rows[n]), n + 1
        while cells_of(k) and k not in out and form_header(cells_of(k)) is None:
            more = _filled(cells_of(k))
            if not more or not all(column_of(c, block) for c in more) or re.search(r"\d", "".join(more)) \
                    or _spelled_below(cells, cells_of(k)):
                break
            # (the empty cells after the last line's words kept: the rows under it have them too)
            cells, k = _filled(cells) + cells_of(k), k + 1
        if k > n + 1:
            out[n] = cells
            out.update({i: [] for i in range(n + 1, k)})
    return out


def _spelled_below(upper: list[str], lower: list[str]) -> bool:
    """The lower row names what a merged upper cell spans, cell under cell ("绩效指标 |  |  | 年度指标值 | …" over
    "一级指标 | 二级指标 | 三级指标 |  | …"): a header of two rows (tables.table_lines joins them), not one broken at
    a cell's edge, whose lower part is shorter and goes on where the upper ends."""
    return len(lower) >= len(_filled(upper)) and any(not u.strip() and c.strip() for u, c in zip(upper, lower))


def _filled(cells: list[str]) -> list[str]:
    """A row's cells without the empty ones after its last."""
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def header_a_cell_a_line(lines: list[str]) -> dict[int, list[str]]:
    """A form's header the text gave a cell a line, each after its "|" ("| 一级指标", "| 二级指标", …):
    the run of such lines, four header words of a form or more among them, one row at its first
    line (the other lines empty)."""
    rows: dict[int, list[str]] = {}
    run: list[int] = []
    for n, line in enumerate([*lines, ""]):
        cell = _ONE_CELL.fullmatch(line) if n < len(lines) else None
        if cell:
            run.append(n)
            continue
        cells = [_ONE_CELL.fullmatch(lines[k]).group(1) for k in run]
        if len(run) >= 4 and form_header(cells) and sum(1 for c in cells if any(column_of(c, b) for b in vocabulary())) >= 4:
            rows[run[0]] = cells
            rows.update({k: [] for k in run[1:]})
        run = []
    return rows


def rows_broken_over_lines(lines: list[str]) -> dict[int, str]:
    """A "|" row the text broke over lines ("| 一级指标 | … | 年度" and "指标值 | 实际完成值 | … |", or
    "| … | ≥1200批次 |" and " 1256批次 | 20 | 20 |"): a line that opens with "|", and the lines after
    it up to one that closes with "|" without opening with one — joined at its first line (a word
    broken mid-cell joined again), the lines after it empty."""
    out: dict[int, str] = {}
    opening = [line.strip() for line in lines if line.strip().startswith(("|", "｜"))]
    # a text whose rows do not close with "|" (Markdown lets them): a line opening with "|" is a row — rows that close,
    # counted on every line closing one (a row broken over lines closes on a line that does not open with "|")
    closing = sum(line.strip().endswith(("|", "｜")) and _bars(line) >= 2 for line in lines) > len(opening) / 2
    n = 0
    while n < len(lines):
        line = lines[n].strip()
        cell, rest_of_row = (lines[k].strip() if k < len(lines) else "" for k in (n + 1, n + 2))
        if line in ("|", "｜") and _bars(cell) == 1 and cell.endswith(("|", "｜")) \
                and not rest_of_row.startswith(("|", "｜")) and _bars(rest_of_row) >= 2:
            # "|" / "一级 指标 |" / "二级指标 | 三级指标 | … |": a row whose first cell (merged down the
            # rows, its words on a line of their own) the copy set between line breaks
            out[n], out[n + 1], out[n + 2] = line + " " + cell + " " + rest_of_row, "", ""
            n += 3
            continue
        # (… or a first cell alone, left open: "| 项目资金" / "（万元） | 年初" / "预算数 | 全年" / … / "执行数 | 分值 | 得分 ||")
        if line.startswith(("|", "｜")) and (_bars(line) >= 2 or len(line) > 1 and closing):
            rest = []
            # (… but a closed row among rows that do not open with "|" is a row of its own, its first cell empty:
            # "产出指标 | … |" / "| 岗位补贴标准 | … |||" / "效益指标 | … ||")
            above = next((lines[k].strip() for k in range(n - 1, max(n - 4, -1), -1) if _bars(lines[k]) >= 2), "")
            if line.endswith(("|", "｜")) and above and not above.startswith(("|", "｜")):
                n += 1
                continue
            for k in range(n + 1, min(n + 7, len(lines))):
                following = lines[k].strip()
                # a row left open goes on whatever the next line opens with, where rows close with "|";
                # after a closed cell, only a line of cells not opening with "|" goes on with it
                closed, opens = line.endswith(("|", "｜")), following.startswith(("|", "｜"))
                if not following or opens and (closed or not closing) \
                        or closed and "|" not in following and "｜" not in following \
                        or closed and _bars(line) >= 4 and re.search(r"\d", line) and _bars(following) >= _bars(line) - 1:
                    break       # (… nor, after a closed row of figures, a line of as many cells: a row of its own, its
                    # first "|" left out — "| 时效指标 | … | 10 | 10 |" then "效益指标 | 社会效益指标 | … | 10 | 10 |")
                rest.append(k)
                after = lines[k + 1].strip() if k + 1 < len(lines) else ""
                # (a header broken at its cells' line breaks goes on while lines of cells do not open with "|":
                # "| 绩效指标 |" / "一级指标 | … | 年度 指标值 |" / "实际 完成值 |" / "分值 | 得分 | … |")
                if following.endswith(("|", "｜")) and not (
                        closing and after and not after.startswith(("|", "｜")) and after.endswith(("|", "｜"))
                        and not re.search(r"\d", line + "".join(lines[i] for i in rest))):
                    out[n] = line + "".join(lines[i].strip() for i in rest)
                    out.update({i: "" for i in rest})
                    break
            n = max([n + 1, *[r + 1 for r in rest if r in out]])
            continue
        n += 1
    return out


def _bars(line: str) -> int:
    return line.count("|") + line.count("｜")


def pipe_cells_carried_on(lines: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """"|" rows that carry on the last cell of words of the row above, as a web page's table copied as text gives a
    评分标准 or 偏差原因 cell that wrapped ("… | 10 | 8.75 | 完成率100%得满分，每低1个 |" then "|  | … |  | 百分点扣0.5分 |"):
    every cell empty but that one, under a cell of words of a row of figures on the line just above — joined to it,
    the line no row of its own."""
    out: dict[int, list[str]] = {}
    for n in sorted(rows):
        above = out.get(n - 1, rows.get(n - 1))
        cells = rows[n]
        if not above or not cells or "|" not in lines[n] and "｜" not in lines[n] or len(cells) > len(above) \
                or not any(BARE_NUMBER.fullmatch(c.strip()) for c in above):
            continue
        filled = [k for k, c in enumerate(cells) if c.strip()]
        if len(filled) != 1 or filled[0] == 0:
            continue
        k = filled[0]
        end, piece = above[k].strip(), cells[k].strip()
        if end and not any(c.strip() for c in above[k + 1:]) and not re.search(r"[。；;]$", end) \
                and not SIGNED_FIGURE.fullmatch(end) and not DASHES.fullmatch(end) and not SIGNED_FIGURE.fullmatch(piece):
            out[n - 1] = above[:k] + [end + piece] + above[k + 1:]
            out[n] = []
    return out
