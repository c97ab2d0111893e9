"""The line a scoring rule draws for a rate that states no target of its own ("预算调整率（上级追加不计入）
不超过15%的得满分"; "结转结余率不超过5%、在职人员控制率和公用经费控制率不超过100%的得满分"): the
target, and its direction, of the indicator of that name read with what it achieved but no target.
Said apart from the indicator, so its score is checked as a warning only, and only where the line is
met (full marks, as the rule says): a shortfall is scored as the rule goes on to say, not by completion."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS, text_key
from .evidence import RATIO, opening_match
from .facts import Facts, same_name
from .numbers import Number

# the clauses before "…的得满分": each names one rate or several (joined by 、 和 及) and its line
_FULL_MARKS = re.compile(r"的?\s*(?:即)?(?:得|计|为)满分")
_LINE = re.compile(r"(?P<names>[^、，,；;。:：\d%()（）]{2,40}?)\s*(?:[(（][^()（）]{0,30}[)）])?\s*"
                   r"(?P<word>不超过|不高于|不大于|低于|小于|控制在|不低于|不少于|达到|大于|高于|≤|<=|≥|>=)?\s*"
                   r"(?P<figure>\d+(?:\.\d+)?)\s*%\s*(?:[(（]含[)）])?\s*(?P<end>及以上|以上|以内|以下|及以下)?")
_CEILING = {"不超过", "不高于", "不大于", "低于", "小于", "控制在", "≤", "<="}
_FLOOR = {"不低于", "不少于", "达到", "大于", "高于", "≥", ">="}
_NOT_A_NAME = re.compile(r"^(?:其中|且|或|评分说明|评分规则|计分规则|评分办法|评分标准)")


def rule_lines(text: str) -> list[tuple[str, str, int]]:
    """(a rate's name, its direction, where its line's figure stands) of each rule that gives full marks
    at a line."""
    out = []
    for full in _FULL_MARKS.finditer(text):
        start = max(text.rfind(c, 0, full.start()) for c in "；;。:：\n") + 1
        segment = text[start:full.start()]
        lines = list(_LINE.finditer(segment))
        if not lines or segment[lines[-1].end():].strip():
            continue        # (the full marks follow no line: "…按比例计分，完成的得满分")
        for line in lines:
            word, end = line.group("word") or "", line.group("end") or ""
            direction = "<=" if word in _CEILING or end in ("以内", "以下", "及以下") else \
                ">=" if word in _FLOOR or "以上" in end else None
            if direction is None:
                continue
            for name in re.split(r"[、和及]", line.group("names")):
                name = _NOT_A_NAME.sub("", name.strip(" 　、"))
                if len(text_key(name)) >= 3:
                    out.append((name, direction, start + line.start("figure")))
    return out


def rule_targets(facts: Facts) -> None:
    """Each indicator of a rate read with what it achieved and no target: the line a rule draws for it by
    name (one rule naming it, or none is taken); else the line its own row's 评分标准 opens with."""
    wanting = [i for i in facts.indicators if i.target is None and i.actual is not None and i.actual.is_rate
               and i.direction != "定性"]
    _own_rule_targets(facts)
    if not wanting:
        return
    lines = rule_lines(facts.text)
    for indicator in wanting:
        name = text_key(indicator.name)
        named = [(d, at) for rule_name, d, at in lines if name == text_key(rule_name) or same_name(name, text_key(rule_name))]
        if len({at for _, at in named}) != 1 or facts.rule_number_at(named[0][1]) is None:
            continue
        direction, at = named[0]
        indicator.target, indicator.direction = facts.rule_number_at(at), direction
        indicator.scored_apart, indicator.rule_line = indicator.scored_apart or "目标取自评分规则", True


def _own_rule_targets(facts: Facts) -> None:
    """An indicator read from a 评分表 row with what it achieved and no target, whose own 评分标准 opens with
    its line (no other name before it): that line its target — said apart from it, so checked as a
    warning only, and only where the line is met."""
    for indicator in facts.indicators:
        if indicator.target is not None or indicator.actual is None or not indicator.own_rule \
                or indicator.direction == "定性":
            continue
        # (from its row's start: the row is placed at its first figure, which may stand after its rule)
        cell = facts.text.find(indicator.own_rule, facts.text.rfind("\n", 0, indicator.start) + 1)
        line = opening_line(facts, indicator.own_rule, indicator.name, cell)
        if line is None or line[0].is_rate != indicator.actual.is_rate:
            continue
        indicator.target, indicator.direction = line
        indicator.scored_apart, indicator.rule_line = indicator.scored_apart or "目标取自该行评分标准", True


_THE_TARGET = ("目标", "目标值", "指标值", "年度目标", "年度目标值")     # "目标≥120场，按完成比例计分"


def opening_line(facts: Facts, rule: str, name: str, cell: int) -> tuple[Number, str] | None:
    """The line a row's 评分标准 (standing at `cell` of the text) opens with, and its direction, where no other name
    than the row's stands before it ("≤100%得4分，每超1个百分点扣0.5分"; "在职人员控制率≤100%得满分") — or the end of its name
    ("执行率≥95%得10分" in the 预算执行率 row), or what it divides ("在职人员数/编制数≤100%得满分"), or after the rate's
    definition ("预算调整率=(全年预算-年初预算)/年初预算；≤10%得满分")."""
    line = opening_match(rule)
    named = text_key(line.group("name")) if line else ""
    if line is None or cell < 0 or named and not (named == text_key(name) or same_name(named, text_key(name))
                                                  or len(named) >= 3 and text_key(name).endswith(named)
                                                  or RATIO.search(line.group("name")) or named in _THE_TARGET):
        return None
    target = facts.rule_number_at(cell + line.start("figure"))
    return (target, DIRECTIONS.get(line.group("sign"), ">=")) if target is not None else None   # (达到: a floor)


# "项目预算调剂比例23.83%，超过20%控制线…", "支付进度为68.93%，低于75%的序时进度要求": the line a rate is measured
# against, said right after it
_COMPARED = re.compile(r"\s*[,，]?\s*(?:已|均|仍)?\s*(?:超过|超出|低于|高于|未达到|达到|未超过|不足|优于)(?:了)?\s*"
                       r"(?:(?:年度|全年)?(?:目标值?|指标值|控制线|控制目标|标准)\s*)?(?P<line>\d+(?:\.\d+)?)\s*%")


def compared_lines(facts: Facts) -> None:
    """Each indicator of a rate read with what it achieved and no target, the line its own clause measures it against
    right after it its target — no direction said (超过 or 低于 tells how it stands, not which side is met), so
    nothing is computed from it (said apart: a line, not the indicator's stated target)."""
    for indicator in facts.indicators:
        if indicator.target is not None or indicator.actual is None or not indicator.actual.is_rate \
                or indicator.direction == "定性":
            continue
        said = _COMPARED.match(facts.text, indicator.actual.end)
        line = (facts.number_at(said.start("line")) or facts.rule_number_at(said.start("line"))) if said else None
        if line is None or not line.is_rate:
            continue
        indicator.target, indicator.direction, indicator.rule_line = line, None, True
        indicator.scored_apart = indicator.scored_apart or "目标取自其后所写的比较线"
