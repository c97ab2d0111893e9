"""A 评分表's row naming its indicator with the target in brackets after the name — "入库物资抽检合格率（100%）",
"项目支出控制（≤405万元）", "助餐服务人次（≥18万人次）", as the forms of 三级指标（指标值） set them —: an indicator of
that name (the brackets left out) and that target, scored with the row's points and score, where no indicator read
so far is it. What it achieved is found afterwards among the results, said apart (goals.goal_results), as for a
goals table's row."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS, text_key
from .facts import GROUP_WORD, Facts, Indicator, StatedItem
from .joined import one_thing

_NAMED = re.compile(rf"^(?P<name>[^()（）\d]{{2,30}}?)\s*[(（]\s*(?P<sign>{DIRECTION_PATTERN})?\s*(?P<figure>\d[\d,]*(?:\.\d+)?)"
                    r"\s*(?P<unit>[^\d\s()（），,；;]{0,8})\s*[)）]$")
_NOT_A_TARGET = re.compile(r"^(?:[年月日时]|个?月|项|分|周岁)")  # ("（5月31日前）" a date; "效益指标（3项）" a count of rows)
_NOT_AN_INDICATOR = re.compile(r"(?:指标|小计|合计|总分|得分|分值|加分|扣分|执行率|执行|调整率|结余率)$")


def targets_in_row_names(facts: Facts) -> None:
    known = [text_key(n) for i in facts.indicators for n in (i.name, i.scored_as) if n]
    names = {text_key(i.name) for i in facts.items if len(text_key(i.name)) >= 2}
    for item in facts.items:
        named = _NAMED.match(item.name.strip())
        if item.weight is None or item.row_id or named is None or _NOT_A_TARGET.match(named.group("unit")):
            continue
        name = named.group("name").strip()
        key = text_key(name)
        if len(key) < 3 or _NOT_AN_INDICATOR.search(key) or GROUP_WORD.fullmatch(key) \
                or any(one_thing(key, other) or one_thing(text_key(item.name), other) for other in known):
            continue
        target = _bracketed_figure(facts, item, named.group("figure"))
        if target is None or target.unit == "分":
            continue
        sign = named.group("sign")
        actual = _achieved_in_row(facts, item, target, names)
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, target.start, "",
                                          DIRECTIONS[sign] if sign else None, target, actual, weight=item.weight,
                                          self_score=item.score, end=target.end, scored_as=item.name))
        for n in (target, actual):
            if n is not None:
                n.part = True
        known.append(key)


def _bracketed_figure(facts: Facts, item: StatedItem, figure: str):
    """The figure in the row's brackets: the last such bracket before the row's points."""
    before = min(n.start for n in (item.weight, item.score))
    bracket = None
    for bracket in re.compile(r"[(（]\s*(?:" + DIRECTION_PATTERN + r")?\s*(?=" + re.escape(figure) + r")").finditer(
            facts.text, max(0, before - 160), before):
        pass
    return None if bracket is None else facts.number_at(bracket.end()) or facts.rule_number_at(bracket.end())


_ACHIEVED_WORDS = re.compile(r"^[^\d，,；;。:：()（）]{0,8}$")
_NOT_ACHIEVED = re.compile(r"目标|计划|指标值|预期|上年|去年|同期|标准|要求|扣|[≥≤<>＞＜]|不低于|不少于|不超过|以上|以内")


def _achieved_in_row(facts: Facts, item: StatedItem, target, names: set[str]):
    """What the row says was achieved, in its note after the score ("| 8 | 5.25 | 完成7个 |", "相符率98.6%" the
    line after the score where each cell is a line of its own): the one figure there in the target's unit, said
    with a few words of its own (no goal, rule or deduction's), not the next row's name."""
    text = facts.text
    end = text.find("\n", item.score.end)
    end = len(text) if end < 0 else end
    start = item.score.end
    if not text[start:end].strip(" \t|\u3000"):        # (a cell a line: the note is the next line, if any)
        start, end = end + 1, text.find("\n", end + 1)
        end = len(text) if end < 0 else end
        line = text_key(text[start:end])
        if not line or any(line.startswith(n) for n in names) or GROUP_WORD.fullmatch(line):
            return None
    figures = [n for n in facts.numbers if start <= n.start < end]
    same = [n for n in figures if n.unit == target.unit]
    if len(same) != 1 or len(figures) > 2 or any(same[0] in (i.target, i.actual) for i in facts.indicators):
        return None
    actual = same[0]
    words = text[max(start, text.rfind("|", start, actual.start) + 1):actual.start].strip()
    if not _ACHIEVED_WORDS.match(words) or _NOT_ACHIEVED.search(words) or re.match(r"\s*分", text[actual.end:]):
        return None
    return actual
