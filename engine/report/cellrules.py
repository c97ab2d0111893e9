"""A 评分表 one cell a line with a column of rules (一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 |
扣分原因), as a PDF or a web page gives it: the groups' cells standing once with their points ("过 程" /
"（40分）"), an item's name wrapped over lines ("财政供养人员" / "控制率"), an empty 扣分原因 a blank line.
Each row is read by what ends it — its rule, then its 分值 and 得分 — and the reason right after them, where
the table marks empty reasons with blank lines (engine/report/cellrows.py finds the runs of cells)."""
from __future__ import annotations

import re

from .cellgrids import NAME_COLUMN
from .plain import BARE_NUMBER, display_width
from .vocabulary import column_of, content_column, key, vocabulary

# a group's cell: "（40分）", "管理（13分）", "投入（20）"
_GROUP_POINTS = re.compile(r"[(（]\s*(?:\d+(?:\.\d+)?\s*分|\d{1,3}(?:\.\d+)?)\s*[)）]\s*$")
_A_RULE = re.compile(r"[计得扣分%≥≤<>。，,；;]")
_SUM_ROWS = ("小计", "合计", "总计", "总分")
_ROWS_AT_LEAST = 4


def rule_column_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """The rows of such a table, at their first lines in `rows` (name, rule, 分值, 得分, reason; a 小计 or 合计 row
    its name and figures); the lines they cover returned.  Nothing where fewer than four rows are read."""
    rule_at = next((k for k in range(1, len(cells) - 2) if column_of(cells[k], "indicators") == "rule"
                    and column_of(cells[k + 1], "scores") == "weight" and column_of(cells[k + 2], "scores") == "score"
                    and NAME_COLUMN.search(cells[k - 1])), None)
    if rule_at is None:
        return _rule_between_rows(run, cells, rows)
    first = _first_name_column(cells, rule_at - 1)
    content = content_column().match(key(cells[rule_at - 1])) is not None and rule_at >= 2 \
        and NAME_COLUMN.search(cells[rule_at - 2]) is not None
    end = rule_at + 3
    reasons = end < len(cells) and not BARE_NUMBER.fullmatch(cells[end]) and (
        column_of(cells[end], "indicators") == "reason" or re.search(r"原因|说明|备注", cells[end]) is not None)
    end += reasons
    blanks = reasons and any(run[k + 1] > run[k] + 1 for k in range(end, len(run) - 1))   # empty reasons: blank lines
    found: list[tuple[int, list[str]]] = []
    names: list[int] = []
    k = done = end
    while k < len(cells):
        if key(cells[k]) in _SUM_ROWS or key(cells[k]) in vocabulary()["scores"]["total_rows"]:
            # a 合计 row with its empty cells marked ("合计 |", "|", "|", "100 |", "93.3 |"): its two figures after them
            filled = next((j for j in range(k + 1, min(k + 8, len(cells))) if cells[j]), None)
            if filled is not None and filled > k + 1 and filled + 1 < len(cells) \
                    and all(BARE_NUMBER.fullmatch(c) for c in cells[filled:filled + 2]):
                found.append((run[k], [cells[k], *[""] * content, "", cells[filled], cells[filled + 1], ""]))
                k = done = filled + 2
                names = []
                continue
        if k + 2 < len(cells) and all(BARE_NUMBER.fullmatch(c) for c in cells[k + 1:k + 3]) \
                and not BARE_NUMBER.fullmatch(cells[k]):
            own = names[max((j + 1 for j, n in enumerate(names) if _GROUP_POINTS.search(cells[n])), default=0):]
            if key(cells[k]) in _SUM_ROWS or key(cells[k]) in vocabulary()["scores"]["total_rows"]:
                found.append((run[k], [cells[k], *[""] * content, "", cells[k + 1], cells[k + 2], ""]))
                k = done = k + 3
                names = []
                continue
            if _A_RULE.search(cells[k]) and len(cells[k]) >= 4 and own:
                named, rule = own, cells[k]
            elif not _A_RULE.search(cells[k]):
                named, rule = [*own, k], ""
            else:
                break
            # (with a 指标内容 column, the last of the name's cells is what it measures: "≥40人", "…是否健全")
            said_of = [cells[named.pop()]] if content and len(named) >= 2 else [""] * content
            name = "".join(cells[n] for n in named)
            said = blanks and k + 3 < len(cells) and run[k + 3] == run[k + 2] + 1 and not BARE_NUMBER.fullmatch(cells[k + 3])
            found.append((run[own[0]] if own else run[k],
                          [name, *said_of, rule, cells[k + 1], cells[k + 2], cells[k + 3] if said else ""]))
            k = done = k + 3 + said
            names = []
            continue
        if BARE_NUMBER.fullmatch(cells[k]):
            break
        names.append(k)
        k += 1
    if sum(1 for _, row in found if row[1]) < _ROWS_AT_LEAST:
        return set()
    rows[run[first]] = [*([cells[rule_at - 2]] if content else []), cells[rule_at - 1], cells[rule_at],
                        cells[rule_at + 1], cells[rule_at + 2], *([cells[rule_at + 3]] if reasons else [])]
    for line, row in found:
        rows[line] = row if reasons else row[:-1]
    return {run[j] for j in range(first, done)} - {run[first]} - {line for line, _ in found}


def _scored(weight: str, score: str) -> bool:
    """A row's 分值 and 得分, both bare figures, the score no more than the points."""
    return bool(BARE_NUMBER.fullmatch(weight) and BARE_NUMBER.fullmatch(score)) and float(score) <= float(weight)


def _rule_between_rows(run: list[int], cells: list[str], rows: dict[int, list[str]]) -> set[int]:
    """The same table with its rule between the 分值 and the 得分 (一级指标 | 二级指标 | 三级指标 | 分值 | 评分说明 |
    得分), the cells of merged levels left out: each row a name or two, its 分值, its rule, its 得分 ("在职人员控制率" /
    "3" / "51÷54＝94.44%，不超过100%得满分" / "3"); a row of an empty rule its 分值 and 得分 only ("合计" / "100" /
    "96.59")."""
    weight_at = next((k for k in range(1, len(cells) - 2) if column_of(cells[k], "scores") == "weight"
                      and column_of(cells[k + 1], "indicators") == "rule" and NAME_COLUMN.search(cells[k - 1])
                      and (column_of(cells[k + 2], "scores") == "score" or k + 3 < len(cells)
                           and column_of(cells[k + 2], "indicators") == "actual" and column_of(cells[k + 3], "scores") == "score")),
                     None)
    if weight_at is None:
        return set()
    # (… and a 实际完成 column between the rule and the 得分: "应急演练场次" / "7" / "≥40场次，…按比例计分" / "46场次" / "7")
    achieved = column_of(cells[weight_at + 2], "scores") != "score"
    first = _first_name_column(cells, weight_at - 1)
    found: list[tuple[int, list[str]]] = []
    names: list[int] = []
    k = done = weight_at + 3 + achieved
    while k + 1 < len(cells):
        if not BARE_NUMBER.fullmatch(cells[k]):
            names.append(k)
            k += 1
            continue
        own = names[max((j + 1 for j, n in enumerate(names) if _GROUP_POINTS.search(cells[n])), default=0):]
        if not own:
            break
        # (its name the last name cell — a 二级 cell before it is its group's —, joined to the one before where the
        # name was wrapped: "财政供养人员" / "控制率")
        name = "".join(cells[n] for n in own[-2:]) if len(own) >= 2 and len(cells[own[-1]]) <= 3 else cells[own[-1]]
        if achieved and k + 3 < len(cells) and _scored(cells[k], cells[k + 3]) and not BARE_NUMBER.fullmatch(cells[k + 1]):
            row, k = [name, cells[k], cells[k + 1], cells[k + 2], cells[k + 3]], k + 4
        elif BARE_NUMBER.fullmatch(cells[k + 1]):
            row, k = [name, cells[k], "", cells[k + 1]] + [""] * achieved, k + 2   # (an empty rule: its blank line left out)
        elif k + 2 < len(cells) and BARE_NUMBER.fullmatch(cells[k + 2]):
            row, k = [name, cells[k], cells[k + 1], cells[k + 2]], k + 3
            if achieved:        # (one of the rule and what was achieved left empty: which, its words say)
                row = [name, cells[k - 3], "", row[2], row[3]] if not _A_RULE.search(row[2]) else row[:3] + ["", row[3]]
        elif achieved and (wrapped := _wrapped_rule_and_achieved(cells, k)) is not None:
            row, k = [name, cells[k], *wrapped[:3]], wrapped[3]
        elif not achieved and (wrapped := _wrapped_rule(cells, k)) is not None:
            row, k = [name, cells[k], *wrapped[:2]], wrapped[2]
        else:
            break
        found.append((run[own[0]], row))
        done, names = k, []
    if sum(1 for _, row in found if key(row[0]) not in _SUM_ROWS) < _ROWS_AT_LEAST:
        return set()
    rows[run[first]] = [cells[weight_at - 1 + j] for j in range(4 + achieved)]
    for line, row in found:
        rows[line] = row
    return {run[j] for j in range(first, done)} - {run[first]} - {line for line, _ in found}


# a rule's last words: "…扣1分", "扣完为止", "超出不得分", "…×分值"
_RULE_ENDS = re.compile(r"(?:分|分值|为止|计分)[。；;]?$")
_WRAPPED_LINES = 8


def _lines_to_the_score(cells: list[str], at: int) -> tuple[list[str], int, float] | None:
    """The lines between a row's 分值 at `at` and its 得分 (the next bare figure, no more than the points, a few lines on);
    where the 得分 stands; and how wide a wrapped line is (it fills its cell: the widest lines of the table, nearly)."""
    end = next((j for j in range(at + 3, min(at + 2 + _WRAPPED_LINES, len(cells)))
                if BARE_NUMBER.fullmatch(cells[j])), None)
    if end is None or not _scored(cells[at], cells[end]):
        return None
    return cells[at + 1:end], end, max(map(display_width, cells[at:])) * 0.8


def _wrapped_rule(cells: list[str], at: int) -> tuple[str, str, int] | None:
    """A row whose rule wrapped over lines in a PDF's narrow cell ("4" / "与部门职能和年度工作任务相符得4" / "分，每有1项
    不符扣1分" / "4"): the lines between the 分值 at `at` and the 得分, every one but the last filling the cell's width;
    the rule, the score and where the next row starts.  None where the lines are no rule wrapped so."""
    found = _lines_to_the_score(cells, at)
    if found is None:
        return None
    lines, end, full = found
    if not _A_RULE.search("".join(lines)) or any(display_width(line) < full for line in lines[:-1]):
        return None
    return "".join(lines), cells[end], end + 1


def _wrapped_rule_and_achieved(cells: list[str], at: int) -> tuple[str, str, str, int] | None:
    """A row whose rule and what was achieved each wrapped over lines in a PDF's narrow cells ("5" / "目标与部门职责、
    年度工作计划相符得5" / "分，每有1项不相符扣1分" / "年度绩效目标8项，均与职责相符" / "5"): the lines between the 分值
    at `at` and the 得分, split where the rule ends — a line ending as rules end, or a line short of the cells' full
    width (the cell's last line); the rule, what was achieved, the score and where the next row starts.
    None where the lines do not split so."""
    found = _lines_to_the_score(cells, at)
    if found is None:
        return None
    lines, end, full = found
    # (a line ending with a comma goes on: "实有人数÷编制人数×100%，" / "≤100%得满分")
    split = next((s for s in range(1, len(lines)) if _RULE_ENDS.search(lines[s - 1])
                  or display_width(lines[s - 1]) < full and not re.search(r"[，,、；;：:]$", lines[s - 1])), None)
    if split is None:
        return None
    return "".join(lines[:split]), "".join(lines[split:]), cells[end], end + 1


def _first_name_column(cells: list[str], last: int) -> int:
    """The header's first name column (一级指标), going left from its last one (三级指标)."""
    first = last
    while first > 0 and NAME_COLUMN.search(cells[first - 1]) and not BARE_NUMBER.fullmatch(cells[first - 1]):
        first -= 1
    return first
