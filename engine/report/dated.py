"""A 时效 indicator said in a statement of its own ("维修工程完成时限为2023年11月30日前，实际于11月20日全部完工（5分，
得5分）"): its name, its dates (dates.py: said, never computed with), its points and score."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .dates import DATE_TEXT, achieved_on, date_number
from .facts import Facts, Indicator, named_already
from .numbers import sentence_bounds

# "维修工程完成时限为2023年11月30日前，实际于11月20日全部完工（5分，得5分）": a 时效 indicator said in a statement of
# its own — its name, its date, what it achieved on, then its points and score
_DATED = re.compile(rf"(?:^|(?<=[，,；;。:：\n]))\s*(?:\d{{1,2}}[.、．]|[(（]\d{{1,2}}[)）])?\s*(?P<name>[^，,。；;:：\d()（）“”]{{2,20}}?(?:时间|时限|日期))"
                    rf"\s*[,，:：]?\s*(?:年度)?(?:目标值?|指标值|计划|要求)?\s*(?:是|为)?\s*(?:在|于)?\s*(?P<target>{DATE_TEXT})"
                    rf"(?:完成|完工|发放|拨付|兑付|到位)?\s*[,，]\s*实际")
_POINTS = re.compile(r"分值|满分|权重")


def dated_indicators(facts: Facts) -> None:
    """Each 时效 indicator said in a statement of its own that no other reader took: its dates, and its points and
    score where the statement says them — never computed with."""
    text = facts.text
    known = [text_key(n) for i in facts.indicators for n in (i.name, i.scored_as) if n]
    # (its points and score, or those an item read of that very statement took: "维修工程完成时限为（5分，得5分）")
    items = {id(n): text_key(i.name) for i in facts.items for n in (i.weight, i.score) if n is not None}
    for said in _DATED.finditer(text):
        name = said.group("name").strip()
        _, end = sentence_bounds(text, said.end())
        scored = [n for n in facts.numbers if said.end() <= n.start < end and n.unit == "分"
                  and (not n.part or text_key(name) in items.get(id(n), ""))]
        if named_already(name, known) or not scored:
            continue
        achieved = achieved_on(text, said.end() - 2, end, scored[0])
        weight = next((n for n in scored if _POINTS.search(n.label) or text[:n.start].rstrip().endswith(("(", "（"))), None)
        score = next((n for n in scored if n is not weight and re.search(r"得\s*$", n.label)), None)
        if achieved is None or score is None:
            continue
        target = date_number(said.group("target"), said.start("target"), score)
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, said.start("name"), "", "=", target, achieved,
                                          weight=weight, self_score=score, end=end))
        known.append(text_key(name))
