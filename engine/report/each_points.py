"""Points said once for a paragraph's indicators: "产出指标8项，每项5分。A、B、…6项均达到目标值，各得5分。
65岁及以上老年人健康管理率61.8%，低于65%的目标值，得4.75分" — each indicator scored in that paragraph
after it has those points; those named together and scored alike are items (joined to their indicators
by name, as a 评分表's rows are). Also each named with its points, those scored otherwise named again and
"其余6项均得满分" ("…：培育人数8分、覆盖乡镇数6分、…。除考核合格率一项…计得7.99分外，其余6项均得满分")."""
from __future__ import annotations

import re

from .facts import Facts, StatedItem
from .numbers import sentence_bounds
from .plain import COUNT, count_of

_EACH = re.compile(rf"(?P<count>{COUNT})\s*项[^，,；;。]{{0,6}}?[，,]?\s*每项(?:指标)?(?:分值|权重)?\s*(?:为)?\s*"
                   r"(?P<points>\d+(?:\.\d+)?)\s*分")
# or a group's heading that says its points and each of its indicators' ("（三）效益指标（30分，每项10分）")
_EACH_IN_HEADING = re.compile(r"[(（]\s*(?P<total>\d+)\s*分\s*[，,]\s*每项(?:指标)?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]")
# a paragraph that ends with its points, its indicators one a numbered line under it ("…共5项，每项10分。" then
# "1.新建标准化茶园面积：…得10分。", "2.…")
_NUMBERED_UNDER = re.compile(r"\n[ \t\u3000]*\d{1,2}\s*[.、．](?!\d)[^\n]*")
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
    for points_at, count, said_end in _each_said(text):
        points = facts.rule_number_at(points_at)
        end = text.find("\n", said_end)
        end = len(text) if end < 0 else end
        if points is None:
            continue
        if not text[said_end:end].strip(" 。.\t"):
            end = _under_its_paragraph(facts, end, count)
        for alike in _SCORED_ALIKE.finditer(text, said_end, end):
            score = facts.number_at(alike.start("score"))
            if score is None or score.value > points.value:
                continue
            facts.items.extend(StatedItem(name.strip(), score, points) for name in alike.group("names").split("、"))
        together = _ALL_IN_FULL.search(text, said_end, end)     # "以上7项均得满分": the N read just before it
        unscored = [i for i in facts.indicators if said_end <= i.start < (together.start() if together else 0)
                    and i.weight is None and i.self_score is None]
        if together and len(unscored) == count_of(together.group("count")) \
                and not any(said_end <= i.start < together.start() and i.self_score is not None for i in facts.indicators):
            for indicator in unscored:
                indicator.weight = indicator.self_score = points
        after = [(scored, score) for scored in [*facts.indicators, *facts.items]
                 if (score := getattr(scored, "self_score", None) or getattr(scored, "score", None)) is not None
                 and said_end <= score.start < end]
        if any(score.value > points.value for _, score in after):
            continue        # (a score over the points: the paragraph's scores are not of those points)
        for scored, _ in after:
            scored.weight = scored.weight or points


# "…，A得10.13分，B得9.25分，…，以上5项每项分值10分": the points of the items just scored, said after them
_EACH_OF_THE_ABOVE = re.compile(rf"以上\s*(?P<count>{COUNT})\s*项(?:指标)?\s*[，,]?\s*每项(?:指标)?(?:分值|权重)?\s*(?:为|均为)?\s*"
                                r"(?P<points>\d+(?:\.\d+)?)\s*分")
_NAME_SCORED = re.compile(r"(?:^|(?<=[，,；;：:]))\s*(?P<name>[^，,；;。：:\d]{2,24}?)\s*得\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*"
                          r"(?=[，,；;])")


def points_of_the_above(facts: Facts) -> None:
    """Items scored one by one by name, then their points said for them all ("农村公路日常养护里程得10.13分，…，以上5项
    每项分值10分"): each an item of those points (joined to its indicator by name, as a 评分表's row is) — where the
    clauses right before it are as many as it says."""
    text = facts.text
    for each in _EACH_OF_THE_ABOVE.finditer(text):
        points = facts.rule_number_at(each.start("points"))
        start = sentence_bounds(text, each.start())[0]
        scored = list(_NAME_SCORED.finditer(text[start:each.start()]))
        count = count_of(each.group("count"))
        last = [(start + c.start(), start + c.end(), c) for c in scored[-count:]] if count else []
        if points is None or len(last) != count or not _in_a_row(text, [*last, (each.start(), each.start(), None)]):
            continue      # (the clauses right before it, one after another)
        _items_of(facts, [(at + c.start("score") - c.start(), c.group("name")) for at, _, c in last], points)
    for each in _EACH.finditer(text):
        # "效益指标3项每项分值10分，A得10分，B得10分，C得8分，合计得28分": the clauses right after it, as many as it says
        points, count = facts.rule_number_at(each.start("points")), count_of(each.group("count"))
        end = sentence_bounds(text, each.end())[1]
        named = list(_NAME_SCORED.finditer(text[:end], each.end()))
        named = [c for c in named if not _A_SUM.match(c.group("name").strip())]
        first = [(c.start(), c.end(), c) for c in named[:count]] if count else []
        if points is None or len(first) != count or not _in_a_row(text, [(each.end(), each.end(), None), *first]) \
                or any(i.score.start == first[0][2].start("score") for i in facts.items if i.score is not None):
            continue
        _items_of(facts, [(c.start("score"), c.group("name")) for _, _, c in first], points)


_A_SUM = re.compile(r"合计|小计|共计|总计")


def _in_a_row(text: str, spans: list[tuple[int, int, object]]) -> bool:
    """Each span (start, end, …) follows the one before it with nothing but a separator between."""
    return all(not text[a[1]:b[0]].strip(" ，,；;") for a, b in zip(spans, spans[1:]))


def _items_of(facts: Facts, scored: list[tuple[int, str]], points) -> None:
    for at, name in scored:
        score = facts.number_at(at)
        if score is not None:
            facts.items.append(StatedItem(name.strip(), score, points))


def _each_said(text: str):
    """Where each statement of points for each of a group's indicators says them: (the points' offset, how many
    indicators, the statement's end)."""
    for each in _EACH.finditer(text):
        yield each.start("points"), count_of(each.group("count")), each.end()
    for each in _EACH_IN_HEADING.finditer(text):
        count = int(each.group("total")) / float(each.group("points"))
        if count.is_integer():
            yield each.start("points"), int(count), each.end()


def _under_its_paragraph(facts: Facts, end: int, count: int) -> int:
    """Where the numbered lines under a paragraph that ends with its points end — when there are as many of them as
    it counts; else the paragraph's own end."""
    lines, numbered = end, 0
    while (line := _NUMBERED_UNDER.match(facts.text, lines)) is not None:
        lines, numbered = line.end(), numbered + 1
    return lines if numbered == count else end


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
