"""A total on a scale other than 100 and the score it converts to (折合百分制): "本项目自评表满分80分，自评得分73.15分，
折合百分制91.44分", a form's row "| 折合百分制得分 | … | 100 | 91.44 |". The report grades the converted score; the
conversion is checked where its full mark is known — the form's points adding up to it, or the formula said
("合计得分÷80×100") — as the total ÷ the full mark × 100, at the places said."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number
from .stated import EPS, by_shape, quoted

_CONVERTED = re.compile(r"(?:折合|折算|换算)(?:为|成)?\s*百分制(?:后)?(?:得分|分数|总分)?")
_SAID_AS = re.compile(r"\s*(?:为|是|[:：])?\s*$")
_FORMULA = re.compile(r"[÷/]\s*(?P<base>\d+(?:\.\d+)?)\s*[×*xX]\s*100")


def converted_total(facts: Facts) -> Number | None:
    """The score a total converts to on 100 points, as the report states it (not a rule's words)."""
    for match in _CONVERTED.finditer(facts.text):
        if facts.document.is_rule(match.start()):
            continue      # (评分说明: "自评得分按…折合为百分制")
        line_end = facts.text.find("\n", match.end())
        line_end = len(facts.text) if line_end < 0 else line_end
        after = [n for n in facts.numbers if match.end() <= n.start < line_end and n.unit in ("分", "")]
        if "|" in facts.text[match.end():line_end]:     # a form's row: its score the last figure of the row
            figure = after[-1] if after else None
        else:
            figure = after[0] if after and _SAID_AS.match(facts.text[match.end():after[0].start]) else None
        if figure is not None and 0 < figure.value <= 100:
            return figure
    return None


def _full_mark(facts: Facts) -> float | None:
    """The scale the total is on: the formula said, or the items' points where they add up to other than 100."""
    formulas = {float(m.group("base")) for m in _FORMULA.finditer(facts.text)}
    if len(formulas) == 1:
        return formulas.pop()
    weights = [i.weight.value for i in facts.items if i.weight is not None]
    points = excel_round(sum(weights), 2)
    return points if weights and 0 < points < 100 - EPS else None


def check_converted_total(facts: Facts, report: FindingList) -> Number | None:
    """The converted score against the total ÷ its full mark × 100; the converted score returned (None: none said),
    the one the report's grade is weighed against."""
    converted, total = converted_total(facts), facts.total
    base = _full_mark(facts)
    if converted is None or total is None or base is None or converted is total or total.value > base + EPS:
        return converted
    expected = excel_round(total.value / base * 100, converted.decimals)
    if abs(expected - converted.value) < converted.half_unit + EPS:
        return converted
    say, why = by_shape(report, facts, converted, expected)
    say("TOTAL_MISMATCH", facts.where(converted.start),
        f"自评得分 {total.value:g} 分（满分 {base:g} 分）折合百分制应为 {total.value:g}÷{base:g}×100 = {expected:g} 分，"
        f"报告写 {converted.value:g} 分{why}{quoted(facts, converted)}")
    return converted
