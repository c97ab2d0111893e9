"""The scoring rule a report states for a group of indicators, not for one by name ("3.质量指标每低于指标值1个百分点扣
0.5分，扣完为止", "5.满意度达到90%（含）以上的得满分，80%（含）至90%的得该项分值的80%"): each indicator's group is the
二级指标 it is listed under (the last group name before it, else its own name's: "…满意度"), and its rule the statement
that opens with that group's name and scores."""
from __future__ import annotations

import re

from ..core.findings import SCORE_TOLERANCE, FindingList
from .bands import band_score, share_score
from .deductions import per_point_score
from .facts import Facts, Indicator
from .stated import by_shape, quoted
from .vocabulary import key as _key, words

_GROUP = words()["indicator_group"].pattern + "|产出|效益"
_LISTED_UNDER = re.compile(rf"(?:{_GROUP})指标")       # (产出指标, 效益指标: the 一级 group, where no 二级 one follows)
# a statement that opens (after its number, or the words that introduce a list: "评分规则为：1.") with a group's name
_OPENS_WITH = re.compile(rf"^(?:[^:：。；;\d]{{0,12}}[:：])?\s*(?:\d{{1,2}}\s*[.．、]|[(（]\d{{1,2}}[)）])?\s*(?:定量)?"
                         rf"(?P<group>{_GROUP})(?:类)?(?:指标)?(?![\u4e00-\u9fff]{{0,2}}(?:预算|资金))")
# a rule's words, not a result's ("…实际完成12.6万亩，自评得10分" is none)
_SCORES = re.compile(r"得满分|计满分|记满分|按满分|不得分|不扣分|扣\s*\d|分值的|按[^，,。；;]{0,14}计分|每(?:低|少|超)|"
                     r"\d\s*%[^，,。；;\d]{0,12}得\s*\d+(?:\.\d+)?\s*(?:分|%)")
_PARTS = {"产出": ("数量", "质量", "时效", "成本"), "效益": ("经济效益", "社会效益", "生态效益", "可持续影响")}


def group_of(facts: Facts, ind: Indicator) -> str:
    """The group an indicator is listed under: the last "…指标" group name between the indicator before it and its own
    name, else the group of the one before; a name of 满意度 is its own group."""
    if "满意度" in _key(ind.name or ""):
        return "满意度"
    before = sorted((i for i in facts.indicators if i.start < ind.start), key=lambda i: i.start)
    # (the first: its own line and the one above — a rule listed further up names groups too)
    since = before[-1].start if before else facts.text.rfind("\n", 0, max(facts.text.rfind("\n", 0, ind.start), 0)) + 1
    found = list(_LISTED_UNDER.finditer(facts.text, since, ind.start))
    if found:
        return _plain(found[-1].group(0))
    return group_of(facts, before[-1]) if before else ""


def _plain(name: str) -> str:
    name = name.removesuffix("指标")
    return "满意度" if name.endswith("满意度") else name


def rule_for_group(facts: Facts, ind: Indicator) -> str:
    """The words of the statement that scores the indicator's group, else its 一级 group's (产出 covers 数量, 质量 …; 效益
    经济/社会/生态效益), the longest where it is said twice (a table's 注 repeats it shorter), else ""."""
    group = group_of(facts, ind)
    if not group:
        return ""
    said = []
    for statement in re.finditer(r"[^。；;\n]+", facts.text):
        opens = _OPENS_WITH.match(statement.group().strip())
        if opens is None or not _SCORES.search(statement.group()):
            continue
        named = _plain(opens.group("group"))
        if named == group or group in _PARTS.get(named, ()):
            said.append((named != group, statement.group().strip()))
    # its own group's rule before its 一级 group's; said again shorter in a table's 注: the whole one
    return min(said, key=lambda s: (s[0], -len(s[1])))[1] if said else ""


_ON_COMPLETION = re.compile(r"完成率|完成比例|完成程度|完成值")


def group_score(facts: Facts, ind: Indicator, completion: float) -> tuple[float, float, str] | None:
    """The score the rule stated for the indicator's group gives it, the figure it was given on (its completion where
    the rule bands completions, else its own rate: a 满意度's bands) and the rule; None where no such rule is read
    whole (bands, shares of the points, or points off per point short)."""
    rule = rule_for_group(facts, ind)
    if not rule or ind.weight is None or ind.target is None or ind.actual is None:
        return None
    on_completion = _ON_COMPLETION.search(rule) is not None
    value = completion * 100 if on_completion else ind.actual.value if ind.actual.is_rate else None
    if value is None:
        return None
    short = ind.target.value - ind.actual.value if ind.target.is_rate and ind.actual.is_rate and ind.direction in (">=", ">", "=") \
        else 100 - value if on_completion else -1
    for points in (band_score(rule, value, ind.weight.value), share_score(rule, value, ind.weight.value),
                   per_point_score(rule, short, ind.weight.value)):
        if points is not None:
            return points, value, rule
    return None


def scored_by_group_rule(facts: Facts, ind: Indicator, report: FindingList, name: str, completion: float) -> bool:
    """A score against the rule the report states for the indicator's group ("3.质量指标每低于指标值1个百分点扣0.5分":
    98% aimed at, 96% reached, 9 of 10): full marks where that rule gives fewer are an error, any other difference
    an error by a slip's shape. False where no such rule is read whole (the usual proportion then)."""
    by_group = group_score(facts, ind, completion)
    if by_group is None:
        return False
    points, value, rule = by_group
    if abs(points - ind.self_score.value) < SCORE_TOLERANCE:
        return True
    say, why = (report.error, "") if abs(ind.self_score.value - ind.weight.value) < SCORE_TOLERANCE \
        else by_shape(report, facts, ind.self_score, points)
    say("SCORE_MISMATCH", facts.where(ind.self_score.start),
        f"指标「{name}」{value:.2f}%，按报告所写该类指标评分规则（{rule[:40]}）应得 {points:g} 分，报告自评 "
        f"{ind.self_score.value:g} 分{why}{quoted(facts, ind.self_score)}")
    return True
