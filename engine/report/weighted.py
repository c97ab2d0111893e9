"""Indicators a 评价报告 states one statement each under its 二级指标: with their points in brackets
and their score at the end — "工程形象进度（10分）：阶段性目标70%，截至年底累计完成68.5%，得9.79分；"
(the name, its 分值, what was aimed at, what was achieved — 实际… or the statement's last figure —
and the 得分) — or as what was achieved alone after the group's name ("质量指标：资助对象认定准确率
100%。")."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTION_PATTERN, DIRECTIONS, text_key
from .facts import Facts, Indicator, StatedItem, named_already
from .numbers import measure_of
from .plain import A_SCORE
from .text import CELL
from .vocabulary import words

_WEIGHTED = re.compile(r"(?P<name>[^,，;；。:：\n()（）\d|]{2,30}?)\s*[(（]\s*(?:分值|权重|满分)?\s*(?P<weight>\d+(?:\.\d+)?)\s*分\s*[)）](?:\s*[:：。]|(?=[ \t\u3000]*\d)(?![ \t\u3000]*\d{1,2}\s*[.、．](?!\d)))"
                       r"(?P<body>[^;；。\n]*?)[,，]?\s*(?:该项|该指标)?得\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*(?=[;；。,，\n]|$)")
_TARGET = re.compile(rf"目标(?:值)?(?:为)?\s*(?P<dir>{DIRECTION_PATTERN})?\s*(?=\d)")
_ACTUAL = re.compile(r"实际(?:完成|达到|为)?\s*(?=\d)")
_POINTS = re.compile(r"[(（]\s*(?:分值|权重|满分)?\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_PART_TOTAL = re.compile(r"(?:本部分|本项|该部分|该项|小计)(?:合计)?(?:共)?得分?\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
_DEDUCTED = re.compile(r"每(?:少|低|降低|减少|超过?|多|下降)[^，,；;。]{0,12}?扣\s*\d+(?:\.\d+)?\s*分")
_EXECUTION = re.compile(r"^(?:预算|资金)?执行(?:率|情况)?(?:指标)?$")
_REACHED = re.compile(r"\s*的\s*(?:年度)?(?:目标|指标)")
# a bound kept: a ceiling ("，未超过10%") or a line reached ("，达到95%的指标值") — not 低于 / 高于 / 超过, which say
# nothing of which side the target keeps
_BOUND_BEFORE = re.compile(r"[,，]\s*(未超过|不超过|没有超过|控制在|达到)\s*$")
_GROUP = re.compile(r"指标$")          # 过程指标（30分）: a group's points, not an indicator's
# (nor is "投入管理（20分）：得20分" — nothing said between its points and its score: an item's)


def _weighted_statements(text: str):
    """Each such statement; after a heading's points ("预算配置（10分）。在职人员控制率（3分）93.75%，得3分") the
    statements inside it too, read from where the next points' name starts."""
    at = 0
    while (match := _WEIGHTED.search(text, at)) is not None:
        yield match
        inner = _POINTS.search(match.group("body"))
        at = match.end() if inner is None else match.start("body") + _name_start(match.group("body"), inner.start())


def _name_start(body: str, points_at: int) -> int:
    """Where the name before a bracket of points starts in a statement's words (after its last mark)."""
    marks = [m.end() for m in re.finditer(r"[,，;；。:：、]", body[:points_at])]
    return marks[-1] if marks else 0


def _after_points(match: re.Match) -> int:
    """Where a statement's words start when no mark follows its points (the figure right after the bracket)."""
    return match.end("weight") + len(re.match(r"\s*分\s*[)）]\s*", match.string[match.end("weight"):]).group(0))


def weighted_indicators(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators]
    for match in _weighted_statements(facts.text):
        name = match.group("name").strip().lstrip(".、．)） ")
        weight, score = facts.number_at(match.start("weight")), facts.number_at(match.start("score"))
        if len(name) < 2 or _GROUP.search(name) or CELL in match.group(0) or weight is None or score is None \
                or not re.sub(r"[\s,，]", "", match.group("body")) \
                or named_already(name, known) or _POINTS.search(match.group("body")):
            continue      # (… nor "预算配置（10分）。在职人员控制率（3分）93.75%，得3分": a heading, its items after it)
        sentence_end = facts.text.find("。", match.end())
        again = A_SCORE.search(facts.text, match.end(), sentence_end if sentence_end >= 0 else len(facts.text))
        # (… but "在职人员控制率（3分）93.75%，得3分；…": what it came to right after its points, a statement of its own)
        own_figure = re.match(r"\d", match.group("body").lstrip()) is not None and match.start("body") == _after_points(match)
        if again and not own_figure and not _POINTS.search(facts.text, match.end(), again.start()):
            # "满意度（10分）。教师满意度…，得5分；学生家长满意度…，得5分": a group of scored parts (another
            # indicator's "（5分）" before that score: the next indicator, not a part) — its own score the
            # sum its paragraph says ("本部分合计得28.63分"), an item
            line_end = facts.text.find("\n", match.end())
            summed = _PART_TOTAL.search(facts.text, match.end(), line_end if line_end >= 0 else len(facts.text))
            total = facts.number_at(summed.start(1)) if summed else None
            if total is not None and not total.part and total.value <= weight.value:
                weight.part = total.part = True
                facts.items.append(StatedItem(name, total, weight))
            continue
        if _EXECUTION.search(name):
            continue     # "1.预算执行率（分值5分）。…，得4.85分": the execution item's (items.py), no indicator
        start, end = match.start("body"), match.end("body")
        figures = [n for n in facts.numbers if start <= n.start < end]
        target_at = _TARGET.search(facts.text, start, end)
        target = facts.number_at(target_at.end()) if target_at else None
        actual_at = _ACTUAL.search(facts.text, start, end)
        bounds = [] if target_at else [(n, b) for n in figures
                                         if (b := _BOUND_BEFORE.search(facts.text, max(start, n.start - 8), n.start))
                                         and (b.group(1) != "达到" or _REACHED.match(facts.text, n.end))]
        bound_direction = None
        if len(bounds) == 1 and not actual_at:
            # ("…调整率9.54%，未超过10%，得4分", "…执行率95.99%，达到95%的指标值，得5分": the bound it kept is its target)
            target, said = bounds[0]
            bound_direction = ">=" if said.group(1) == "达到" else "<="
            figures = [n for n in figures if n is not target]
        actual = facts.number_at(actual_at.end()) if actual_at else next(
            (n for n in reversed(figures) if n is not target and n.unit != "分"      # (扣2分 is no result, nor a
             and n.measure not in ("completion", "deviation")                        # 完成率94.00% one achieved,
             and not facts.document.is_rule(n.start)), None)                         # nor a rule's "每降低1个百分点")
        completion = next((n for n in figures if n.measure == "completion" and n.is_rate), None)
        if target is not None and (actual is None or actual.unit != target.unit):
            target = actual = None         # 目标5栋 against 实际5栋 only: no unit read alike, nothing compared
        direction = DIRECTIONS[target_at.group("dir")] if target_at and target_at.group("dir") else bound_direction or "="
        for n in (weight, score, target, actual, completion):
            if n is not None:
                n.part = True              # an indicator's figures, not the department's
        known.append(text_key(name))
        rule = _DEDUCTED.search(match.group("body"))     # "评价办法规定每少1所扣1分": its own rule
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, match.start(), "", direction if target else None,
                                          target, actual, completion=completion if target else None,
                                          weight=weight, self_score=score, end=match.end(),
                                          own_rule=rule.group(0) if rule else ""))


# "②质量指标：资助对象认定准确率100%。": a group's name and a colon, then clauses of a name and one
# figure — in a section of results (among the goals such a figure is a target)
_LABELLED = re.compile(rf"(?:{words()['indicator_group'].pattern})指标\s*[:：](?P<body>[^。\n]*)")
_NOT_A_RESULT = re.compile(rf"目标|计划|指标值|预期|(?:{DIRECTION_PATTERN})\s*$")   # a goal's figure, not a result
_SAID = re.compile(r"^(?:全年|年度|实际|共)?(?P<name>[^\d]{2,20}?)\s*(?:为|达到|达)?\s*$")


def labelled_results(facts: Facts) -> None:
    known = [text_key(i.name) for i in facts.indicators]
    # the figures of the indicators read already ("数量指标：培训人次，年度指标值≥500人次，实际完成520人次…")
    taken = {id(n) for i in facts.indicators for n in (i.target, i.actual, i.completion, i.weight, i.self_score) if n}
    for match in _LABELLED.finditer(facts.text):
        start = match.start("body")
        for clause in re.split(r"[,，;；]", match.group("body")):
            at = facts.text.find(clause, start)
            start = at + len(clause)
            figures = [n for n in facts.numbers if at <= n.start < at + len(clause)]
            if len(figures) != 1 or figures[0].part or id(figures[0]) in taken or figures[0].unit in ("万元", "元", "分") \
                    or CELL in clause:
                continue
            said = _SAID.match(facts.text[at:figures[0].start])
            name = said.group("name") if said else ""
            if said is None or "results" not in facts.document.kinds_at(at) or _NOT_A_RESULT.search(name) \
                    or measure_of(name) in ("completion", "deviation", "share") or named_already(name, known):
                continue
            figures[0].part = True
            known.append(text_key(name))
            facts.indicators.append(Indicator(len(facts.indicators) + 1, name.strip(), at, "", None, None,
                                              figures[0], end=at + len(clause)))
