"""A deduction said with the shortfall it is for, under the report's own rule ("每低1个百分点扣0.5分" and
"…较目标低3.6个百分点，按评分规则扣1.6分"): the points taken against shortfall × the rule's points — figures
the report states in one sentence and its rule, so an error where they disagree as a hand slips."""
from __future__ import annotations

import re

from ..core.rounding import excel_round
from ..core.findings import FindingList
from .facts import Facts
from .stated import EPS, by_shape, quoted

# the rule: points taken for each percentage point short ("每低1个百分点扣0.5分", "每降低1个百分点扣1分")
_PER_POINT = re.compile(r"每(?:低|降低|下降|低于目标|少)\s*1\s*个?百分点\s*(?:的)?\s*扣\s*(?P<points>\d+(?:\.\d+)?)\s*分")
_ROUNDED_UP = re.compile(r"不足\s*1\s*个?百分点")      # "不足1个百分点的按1个百分点计": the shortfall counted up
# what a sentence says: the shortfall, the points by which it was counted (if said), the points taken
_TAKEN = re.compile(r"低\s*(?P<gap>\d+(?:\.\d+)?)\s*个百分点[^。；;\d]{0,12}?(?:按\s*(?P<counted>\d+(?:\.\d+)?)\s*个?百分点)?"
                    r"[^。；;\d]{0,12}?扣\s*(?P<taken>\d+(?:\.\d+)?)\s*分")


def check_said_deductions(facts: Facts, report: FindingList) -> None:
    """Each deduction said for a shortfall against the one per-point rule the report states (none checked
    where it states two, or counts part of a point as one and the sentence does not say by how many)."""
    rules = {float(m.group("points")) for m in _PER_POINT.finditer(facts.text)}
    if len(rules) != 1:
        return
    per_point = rules.pop()
    rounded_up = _ROUNDED_UP.search(facts.text) is not None
    for said in _TAKEN.finditer(facts.text):
        taken = facts.number_at(said.start("taken"))
        if taken is None or rounded_up and not said.group("counted"):
            continue
        points = float(said.group("counted") or said.group("gap"))
        expected = excel_round(points * per_point, max(taken.decimals, 2))
        if abs(expected - taken.value) < EPS:
            continue
        say, why = by_shape(report, facts, taken, expected)
        say("SCORE_MISMATCH", facts.where(taken.start),
            f"按报告所写“每低1个百分点扣{per_point:g}分”，低 {points:g} 个百分点应扣 {expected:g} 分，"
            f"报告写扣 {taken.value:g} 分{why}{quoted(facts, taken)}")
