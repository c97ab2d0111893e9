"""A table set in columns by spaces whose cells wrap over lines (texttables.py): which lines carry on a row — a wrapped
cell's short end, a 评分表's columns of long words (指标解释, 评分标准, 完成情况, 偏差原因) — and rows set apart by blank lines,
each about its one line of points (a PDF centring the short cells in a row's height)."""
from __future__ import annotations

import re

from .plain import DASHES, SIGNED_FIGURE
from .vocabulary import cell_words, form_header

WRAPPED_CELL = 6      # the end of a wrapped cell is short ("里", "成率", "指标15分") …
LONG_WORDS = ("explanation", "rule", "actual", "reason")    # a 评分表's columns of long words, by the vocabulary's names


def wrapped(cells: list[str]) -> bool:
    """A line that carries on the row above: short ends of wrapped cells (a rule's column aside),
    no figure of its own ("5", "96%", "120.00"); a line of words in full ("项目主管单位
    潇川市交通运输局") is a row."""
    # (a "—" is a cell left empty on purpose, as a figure's place: 其他资金 | — | —  is a row)
    return all(len(text) <= WRAPPED_CELL and not SIGNED_FIGURE.fullmatch(text) and not DASHES.fullmatch(text)
               for text in cells)


def of_long_words(cell: str) -> bool:
    """A header's cell over a column of long words that wrap: a rules column (评分标准, 指标解释), or a 完成情况 or 偏差原因
    written in words (not 实际完成值, a figure's column)."""
    return bool(cell_words()[0].search(cell) or _SAID_IN_WORDS.search(cell))


# a 偏差原因 column's header, whole or the first line of it broken ("偏差原因分析及改" / "进措施")
REASON_HEADER = r"偏差原因|原因分析"
_SAID_IN_WORDS = re.compile(r"完成情况|" + REASON_HEADER)


def rows_set_apart(block: list[int], spaced: dict[int, list[str]]) -> bool:
    """The block opens with a 评分表's header (under its title, if the title's line is set out in spaces too) that has a
    column of long words (评分标准, 指标解释, 完成情况) and no 合计 / 总分 row has closed it: its rows may stand apart, a blank line
    between, each row's lines about its name's line."""
    opening = block[:2] if len(spaced[block[0]]) == 1 else block[:1]
    return any(form_header(spaced[k]) and any(of_long_words(c) for c in spaced[k]) for k in opening) \
        and not any(_TOTAL_FIRST.match(spaced[k][0]) for k in block[1:])


_TOTAL_FIRST = re.compile(r"合\s*计|总\s*[分计]")


def rows_of_their_lines(block: list[int], header_at: int, placed: dict[int, list[str]], points: set[int]) \
        -> dict[int, list[str]]:
    """Rows set apart by blank lines, each a run of lines about its one line with a figure under 分值 or 得分 (a PDF
    centres the short cells in the row's height): the run one row, at that line, each column's words in their order (the
    words above the points' line are the row's, not the row's above; a name wrapped over the run joined)."""
    out: dict[int, list[str]] = {}
    runs: list[list[int]] = []
    for n in (n for n in block if n > header_at and n in placed):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    for run in runs:
        keys = [n for n in run if any(placed[n][k] for k in points)]
        if len(run) < 2 or len(keys) != 1:
            continue      # (a run of one line, or of two rows: as read line by line)
        for n in run:
            out[n] = []
        out[keys[0]] = ["".join(placed[n][k] for n in run) for k in range(len(placed[keys[0]]))]
    return out


def long_words_wrapped(row: list[str], long_words: set[int], names: set[int]) -> bool:
    """A line of a 评分表 with words under its columns of long words only (a name's short end aside — an indicator's or a
    group's —, or a group's points under its name, "（15分）"): those cells wrapped, the row above goes on
    ("用以反映部门整体绩效目…" / "执行率96.70%。")."""
    return any(row[k] for k in long_words) and all(
        not text or k in long_words and not SIGNED_FIGURE.fullmatch(text)
        or k in names and (len(text) <= WRAPPED_CELL and not re.search(r"\d", text) or _GROUP_POINTS.fullmatch(text))
        for k, text in enumerate(row))


_GROUP_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]")
