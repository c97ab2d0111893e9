"""Forms whose cells stand one space apart, a row a line — a PDF's text taken without its layout
(each word run a cell, empty cells gone): a line of a form's header words, four or more, one
space between them, and the lines under it that hold figures, each its words as cells.  Which cell
is which column the forms' reader fits by their names and figures (forms.py, placing.py)."""
from __future__ import annotations

import re

from .cellrows import spelled_out
from .plain import INDICATOR_NUMBER, SIGN, SIGNED_FIGURE, UNIT_LINE, bracket_joined, figured
from .vocabulary import column_of, form_header, key, vocabulary

_HEADER_WORDS = 4          # a header: this many of a form's words at least …
_MAX_CELLS = 16            # … on a line of no more cells than a form has
_SENTENCE = re.compile(r"[。；;！？!?]")
_SIGNS = ("≥", "≤", ">", "<", "=", ">=", "<=", "＞", "＜", "≧", "≦")
_SIGNED = re.compile(SIGN)      # a target's sign, with its figure or alone
_TOTAL_ROWS = ("总分", "合计", "总计")
_GAP_LINES = 2             # lines of no row (a name wrapped, a page's foot) a form goes on past
_WORDY_GAP_LINES = 8       # … one with a column of words (its cells wrapped, rules between its rows)


def one_space_rows(lines: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """The rows of each such form, at their lines (lines the other readers made rows are left)."""
    out: dict[int, list[str]] = {}
    n = 0
    while n < len(lines):
        words = bracket_joined(lines[n].split())
        if n in rows or not _is_header(words) or _SENTENCE.search(lines[n]):
            n += 1
            continue
        k, gap = n + 1, 0
        if k < len(lines) and k not in rows:
            lower = lines[k].split()
            # 年度 / 指标值, 实际 / 完成值; or 符号 数值 单位 spelling out 预期指标值: a header of two lines
            joined = _two_lines(words, lower) or (spelled_out(words + lower) if _is_header(lower) else None)
            if joined and joined != words + lower:
                words, k = joined, k + 1
        found = {n: words, **({n + 1: []} if k == n + 2 else {})}
        block, columns = form_header(words)
        # (a form with a column of words — 未完成原因, 得分计算方法 — has them wrap onto lines of their own, and
        # its rules said between its rows: no end of it, as long as rows follow)
        wordy = bool({"rule", "reason"} & set(columns.values()))
        while k < len(lines) and k not in rows and gap <= (_WORDY_GAP_LINES if wordy else _GAP_LINES):
            cells = lines[k].split()
            if len(found) == 1 and (UNIT_LINE.fullmatch(lines[k]) or not cells and UNIT_LINE.search(words[-1])):
                k += 1      # "（万元）" under the header (or joined to its last cell, its line left blank): its unit
                continue
            if _is_header(cells) and len(cells) > 4:
                break                          # the next form's header
            if _is_header(cells):
                found[k], gap = cells, 0      # a header's second line (符号 数值 单位)
            elif _is_row(cells):
                found[k], gap = (_placed(cells, columns, len(words)) if block == "indicators" else cells), 0
            elif (not cells or _SENTENCE.search(lines[k]) and not figured(cells)) and not wordy:
                break                          # a blank line or a sentence: the form has ended
            else:
                gap += 1
            k += 1
        if any(_is_row(cells) for line, cells in found.items() if line != n):
            out.update(found)             # (a header with no row under it is a line of words)
        n = max(k - gap, n + 1)           # (the lines of no row after the form: read again)
    return out


def _two_lines(upper: list[str], lower: list[str]) -> list[str] | None:
    """A header's lower line of words, each the end of an upper word (年度 over 指标值, 实际 over
    完成值, 偏差原因分析 over 及改进措施): the upper words joined with them, in order — or None."""
    if not lower or figured(lower) or len(lower) > len(upper):
        return None
    out, at, joined = list(upper), 0, 0
    for word in lower:
        match = next((i for i in range(at, len(upper)) if names_anew(upper[i], upper[i] + word)), None)
        if match is None:
            continue
        out[match], at, joined = upper[match] + word, match + 1, joined + 1
    return out if joined >= 2 else None


def names_anew(word: str, joined: str) -> bool:
    """`joined` is a form's column that `word` alone is not (年度 → 年度指标值)."""
    return any(column_of(joined, b) and column_of(word, b) != column_of(joined, b) for b in vocabulary())


def _placed(cells: list[str], columns: dict[int, str], width: int) -> list[str]:
    """An indicator row under its header: its last cells the columns after the name's, in their order
    (a 偏差原因 left empty is no cell: then the row ends with its 得分), the cells before them its
    names, set right (the merged 一级/二级 cells left out are the ones missing)."""
    at = next((i for i, c in columns.items() if c == "name"), None)
    if at is None or key(cells[0]) in _TOTAL_ROWS:
        return cells
    after = list(range(at + 1, width))      # (a column of no known word — 完成情况 — is a cell too)
    if after and columns.get(after[-1]) == "reason" and SIGNED_FIGURE.fullmatch(cells[-1]):
        after = after[:-1]
    if len(cells) <= len(after):
        return cells
    row = [""] * width
    values = cells[len(cells) - len(after):]
    signed = next((k for k, c in enumerate(cells) if k and _SIGNED.match(c)), None)
    target = next((i for i, c in columns.items() if c == "target"), None)
    if signed is not None and target is not None and target > at:
        # a target with its sign: the row's values start at it (≥95% under 指标值, its sign's cell — 年度,
        # 指标性质 — left empty), or at its sign alone in the cell before (≥ | 24个)
        slot = target - 1 if target - 1 > at and columns.get(target - 1, "direction") == "direction" else None
        first = slot if cells[signed] in _SIGNS and slot is not None else target
        before = [i for i in range(at + 1, first) if i != slot]   # columns between the name and it: 分值 …
        start = signed - len(before)
        if start >= 1 and len(cells) - signed <= width - first:
            after, values = before + list(range(first, width)), cells[start:]
    for i, cell in zip(after, values):
        row[i] = cell
    names = cells[:len(cells) - len(values)]
    for i, cell in zip(range(at, -1, -1), reversed(names)):
        row[i] = cell
    return row


def _is_header(words: list[str]) -> bool:
    known = sum(1 for w in words if any(column_of(w, block) for block in vocabulary()))
    return 2 <= len(words) <= _MAX_CELLS and form_header(words) is not None and (
        known >= _HEADER_WORDS or len(words) <= 4 and known == len(words) and known >= 2
        or len(words) <= 5 and known >= 3)      # 一级指标 分值 得分 主要扣分原因: a short 评分表's


def _is_row(cells: list[str]) -> bool:
    """Cells of a form's row: two figures of their own at least, or its 总分 row."""
    figures = sum(1 for c in cells if SIGNED_FIGURE.fullmatch(c))
    return len(cells) >= 3 and figures >= 2 or bool(cells) and key(cells[0]) in _TOTAL_ROWS and figures >= 1


# "指标1:柑橘高接换种面积 ≥3000亩 3120亩 10 10 1处因选址调整": a row of a 转移支付 form's indicators as a
# PDF's text gives it, its cells one space apart and its group cells before it ("产 出 指 标  数量指标")
_NUMBERED = re.compile(r"(?:^|\s)" + INDICATOR_NUMBER + r"(?P<rest>\S.*)$")
_BARE = re.compile(r"\d+(?:\.\d+)?")


def numbered_rows(lines: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Each such line as its row: name, 年度指标值, 全年完成值, 分值, 得分 and what follows (the reason) —
    only where its fourth and fifth words are bare figures and the name is no figure; a line of two
    such rows, or of words spaced otherwise, is left."""
    out: dict[int, list[str]] = {}
    for n, line in enumerate(lines):
        said = _NUMBERED.search(line)
        if n in rows or not said or _NUMBERED.search(said.group("rest")):
            continue
        words = said.group("rest").split()
        if len(words) >= 5 and all(_BARE.fullmatch(w) for w in words[3:5]) and not figured(words[:1]):
            out[n] = [*words[:5], *([" ".join(words[5:])] if words[5:] else [])]
    return out

