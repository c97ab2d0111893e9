"""Points said once for a paragraph's indicators: "产出指标8项，每项5分。A、B、…6项均达到目标值，各得5分。
65岁及以上老年人健康管理率61.8%，低于65%的目标值，得4.75分" — each indicator scored in that paragraph
after it has those points; those named together and scored alike are items (joined to their indicators
by name, as a 评分表's rows are)."""
from __future__ import annotations

import re

from .facts import Facts, StatedItem

_EACH = re.compile(r"(?:\d{1,2}|[两二三四五六七八九十])\s*项[^，,；;。]{0,6}?[，,]?\s*每项(?:指标)?(?:分值|权重)?\s*(?:为)?\s*"
                   r"(?P<points>\d+(?:\.\d+)?)\s*分")
_SCORED_ALIKE = re.compile(r"(?:^|(?<=[，,；;。：:]))\s*(?P<names>[^，,；;。：:\d、]{2,24}(?:、[^，,；;。：:\d、]{2,24})+?)\s*"
                           r"(?:\d{1,2}\s*项(?:指标)?)?\s*(?:均|全部|都)?(?:已)?(?:达到|完成|实现)[^，,；;。]{0,10}[，,]\s*"
                           r"各得\s*(?P<score>\d+(?:\.\d+)?)\s*分")


def points_for_each(facts: Facts) -> None:
    """Each paragraph that says its indicators' points once ("…8项，每项5分"): the names scored alike after it
    are items of those points, and each indicator or item scored after it without points of its own has them."""
    text = facts.text
    for each in _EACH.finditer(text):
        points = facts.rule_number_at(each.start("points"))
        end = text.find("\n", each.end())
        end = len(text) if end < 0 else end
        if points is None:
            continue
        for alike in _SCORED_ALIKE.finditer(text, each.end(), end):
            score = facts.number_at(alike.start("score"))
            if score is None or score.value > points.value:
                continue
            facts.items.extend(StatedItem(name.strip(), score, points) for name in alike.group("names").split("、"))
        after = [(scored, score) for scored in [*facts.indicators, *facts.items]
                 if (score := getattr(scored, "self_score", None) or getattr(scored, "score", None)) is not None
                 and each.end() <= score.start < end]
        if any(score.value > points.value for _, score in after):
            continue        # (a score over the points: the paragraph's scores are not of those points)
        for scored, _ in after:
            scored.weight = scored.weight or points
