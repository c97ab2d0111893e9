"""A 一级 group's points said in a sentence ("（二）过程指标（20分），得19.68分") against the form's rows of that group
(from the row whose 一级 cell names it to the next 一级 cell) — only where those rows' 分值 add up to the group's, so
that the form itself says they are all of it.  (A 小计 row against the rows above it: score_sums.check_group_rows.)"""
from __future__ import annotations

import re

from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import text_key
from .facts import Facts
from .numbers import Number
from .stated import quoted
from .vocabulary import vocabulary, words

_GROUP = words()["level1_group"]
_SUBTOTAL = re.compile(r"小计$")
_POINTS_ALONE = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*")
Row = tuple[str, str, "Number | None", "Number | None"]


def check_groups_said_apart(facts: Facts, report: FindingList) -> None:
    """Each group item read from a sentence (its name a 一级 group's, its 分值 and 得分) against the form's rows of
    that group: a warning, the group's points said apart from its rows."""
    rows = facts.forms.rows_in_order if facts.forms is not None else []
    # (a group's cell wrapped onto the next row — "过程" / "（20分）" — starts no group of its own)
    starts = [k for k, (level1, *_) in enumerate(rows) if level1 and not _POINTS_ALONE.fullmatch(level1)]
    given = facts.forms.used if facts.forms is not None else set()
    for item in facts.items:
        if item.weight is None or not _GROUP.fullmatch(text_key(item.name)) or id(item.score) in given:
            continue      # (a group's row of the form itself is no sentence)
        mine = [k for k in starts if _group_key(rows[k][0]) == _group_key(item.name)]
        if len(mine) != 1:
            continue
        end = next((k for k in starts if k > mine[0]), len(rows))
        members = [r for r in rows[mine[0]:end] if not _SUBTOTAL.search(text_key(r[1]))
                   and text_key(r[1]) not in vocabulary()["scores"]["total_rows"]]
        added = _added_up(members, item.weight)
        if added is None or abs(added - item.score.value) < SCORE_TOLERANCE or report.names(facts.where(item.score.start)):
            continue
        report.warning("TOTAL_MISMATCH", facts.where(item.score.start),
                       f"「{item.name}」写得 {item.score.value:g} 分，评分表中该组各行（分值合计 {item.weight.value:g} 分）"
                       f"得分合计 {added:.2f} 分{quoted(facts, item.score)}")


def _added_up(rows: list[Row], weight: Number) -> float | None:
    """The rows' scores added up, when each row has its 分值 and 得分 and the 分值 add up to `weight`."""
    if len(rows) < 2 or any(w is None or s is None for _, _, w, s in rows) \
            or abs(sum(w.value for _, _, w, _ in rows) - weight.value) >= SCORE_TOLERANCE:
        return None
    return perf_total([s.value for _, _, _, s in rows])


def _group_key(name: str) -> str:
    """A group's name without its points and its kind's word: "过程（20分）", "过程指标" → 过程."""
    return re.sub(r"(?:指标|情况|方面|类指标|类|部分)$", "", text_key(re.sub(r"[(（].*$", "", name.strip())))
