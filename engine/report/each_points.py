"""Points said once for a paragraph's indicators: "产出指标8项，每项5分。A、B、…6项均达到目标值，各得5分。
65岁及以上老年人健康管理率61.8%，低于65%的目标值，得4.75分" — each indicator scored in that paragraph
after it has those points; those named together and scored alike are items (joined to their indicators
by name, as a 评分表's rows are). Also each named with its points, those scored otherwise named again and
"其余6项均得满分" ("…：培育人数8分、覆盖乡镇数6分、…。除考核合格率一项…计得7.99分外，其余6项均得满分")."""
from __future__ import annotations

import re

from .facts import Facts, StatedItem
from .plain import COUNT, count_of

_EACH = re.compile(rf"(?:{COUNT})\s*项[^，,；;。]{{0,6}}?[，,]?\s*每项(?:指标)?(?:分值|权重)?\s*(?:为)?\s*"
                   r"(?P<points>\d+(?:\.\d+)?)\s*分")
# "培育人数8分、覆盖乡镇数6分、实训基地数6分": three or more, each named with its points
_LISTED = re.compile(r"(?:^|(?<=[，,；;。：:]))\s*(?P<list>[^，,；;。：:\d、()（）]{2,16}?\s*\d+(?:\.\d+)?\s*分"
                     r"(?:、[^，,；;。：:\d、()（）]{2,16}?\s*\d+(?:\.\d+)?\s*分){2,})(?=[，,；;。]|$)")
_ONE_LISTED = re.compile(r"(?P<name>[^、\d]{2,16}?)\s*(?P<points>\d+(?:\.\d+)?)\s*分")
_REST_IN_FULL = re.compile(rf"其余\s*(?P<count>{COUNT})\s*项(?:指标)?\s*(?:均|全部|都)?\s*(?:得|为|获得?)满分")
_ALL_IN_FULL = re.compile(rf"以上\s*(?P<count>{COUNT})\s*项(?:指标)?\s*(?:均|全部|都)\s*(?:得|为|获得?)满分")
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
        together = _ALL_IN_FULL.search(text, each.end(), end)     # "以上7项均得满分": the N read just before it
        unscored = [i for i in facts.indicators if each.end() <= i.start < (together.start() if together else 0)
                    and i.weight is None and i.self_score is None]
        if together and len(unscored) == count_of(together.group("count")) \
                and not any(each.end() <= i.start < together.start() and i.self_score is not None for i in facts.indicators):
            for indicator in unscored:
                indicator.weight = indicator.self_score = points
        after = [(scored, score) for scored in [*facts.indicators, *facts.items]
                 if (score := getattr(scored, "self_score", None) or getattr(scored, "score", None)) is not None
                 and each.end() <= score.start < end]
        if any(score.value > points.value for _, score in after):
            continue        # (a score over the points: the paragraph's scores are not of those points)
        for scored, _ in after:
            scored.weight = scored.weight or points


def rest_in_full(facts: Facts) -> None:
    """"…：A 8分、B 6分、C 6分…。除C一项按…计得5.5分外，其余N项均得满分": each named an item of its points,
    scored as said again by name or, where as many are left as the report says, in full. Nothing is read
    where the count is not the report's own (a name not found again, or one scored twice)."""
    text = facts.text
    for listed in _LISTED.finditer(text):
        end = text.find("\n", listed.end())
        end = len(text) if end < 0 else end
        rest = _REST_IN_FULL.search(text, listed.end(), end)
        if rest is None:
            continue
        count = count_of(rest.group("count"))
        named = [(m.group("name").strip(), facts.rule_number_at(listed.start("list") + m.start("points")))
                 for m in _ONE_LISTED.finditer(listed.group("list"))]
        scored = {}
        for name, points in named:
            said = [m for m in re.finditer(re.escape(name) + r"[^，,；;。]{0,30}?得\s*(\d+(?:\.\d+)?)\s*分",
                                           text[listed.end():end])]
            if said:
                scored[name] = facts.number_at(listed.end() + said[0].start(1)) if len(said) == 1 else None
        if any(points is None for _, points in named) or None in scored.values() \
                or len(named) - len(scored) != count:
            continue
        for name, points in named:
            score = scored.get(name, points)
            if score.value <= points.value:
                facts.items.append(StatedItem(name, score, points))
