"""A deduction said with the shortfall it is for, under the report's own rule ("每低1个百分点扣0.5分" and
"…较目标低3.6个百分点，按评分规则扣1.6分"): the points taken against shortfall × the rule's points — figures
the report states in one sentence and its rule, so an error where they disagree as a hand slips."""
from __future__ import annotations

import math
import re

from ..core.rounding import excel_round
from ..core.findings import FindingList
from ..core.parsing import text_key
from .facts import Facts, shared_core
from .numbers import sentence_bounds
from .plain import A_SCORE, LIST_MARK
from .stated import EPS, by_shape, quoted

# the rule: points taken for each percentage point short ("每低1个百分点扣0.5分", "每降低1个百分点扣1分")
_PER_POINT = re.compile(r"每(?:低于(?:年度)?(?:目标|指标)值?|低于|低|降低|下降|少)\s*1\s*个?百分点\s*(?:的)?\s*扣\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def states_per_point(text: str) -> bool:
    """The text states points taken for each percentage point short ("按每低1个百分点扣1分计分")."""
    return _PER_POINT.search(text) is not None


# "不足1个百分点的按1个百分点计": the shortfall counted up (not "…的按比例扣分": part of a point counted as such)
_ROUNDED_UP = re.compile(r"不足\s*1\s*个?百分点(?![^，,。；;]*(?:比例|按实际|不扣|不计))")
# "不足1个百分点的部分不扣分": the shortfall counted down to whole points
_ROUNDED_DOWN = re.compile(r"不足\s*1\s*个?百分点的?(?:部分)?\s*不(?:扣分|扣|计)")
# what a sentence says: the shortfall, the points by which it was counted (if said), the points taken
_TAKEN = re.compile(r"低(?:于目标值?|于)?\s*(?P<gap>\d+(?:\.\d+)?)\s*个百分点[^。；;\d]{0,12}?(?:按\s*(?P<counted>\d+(?:\.\d+)?)\s*个?百分点)?"
                    r"[^。；;\d]{0,12}?扣\s*(?P<taken>\d+(?:\.\d+)?)\s*分")


# "扣3.17分，得6.83分": the one deduction of a sentence, then the score it left
_TAKEN_THEN_SCORE = re.compile(r"扣(?:除|减)?\s*(?P<taken>\d+(?:\.\d+)?)\s*分\s*[,，]?\s*(?:该项|本项|该指标)?(?:实?得|得分为?|最终得)\s*(?P<score>\d+(?:\.\d+)?)\s*分")


def check_said_deductions(facts: Facts, report: FindingList) -> None:
    _check_per_point(facts, report)
    _check_points_left(facts, report)
    _check_item_deducted(facts, report)


# "…，资产管理安全性扣1分。": an item named, the points taken from it, nothing more in its clause
_ITEM_DEDUCTED = re.compile(r"(?P<name>[\u4e00-\u9fff]{4,24})\s*(?:共|合计)?扣(?:除|减)?\s*(?P<taken>\d+(?:\.\d+)?)\s*分\s*(?=[，,。；;]|$)", re.M)


def _check_item_deducted(facts: Facts, report: FindingList) -> None:
    """The points a sentence says were taken from an item by its name ("资产管理安全性扣1分"), the one deduction said
    of it in the report: the 评分表's score for it is its 分值 less those points — a warning, said apart."""
    items = {}
    for item in facts.items:
        if item.weight is not None and len(text_key(item.name)) >= 4:
            items.setdefault(text_key(item.name), []).append(item)
    for said in _ITEM_DEDUCTED.finditer(facts.text):
        name = text_key(said.group("name"))
        named = [k for k in items if name.endswith(k)]
        if len(named) != 1 or len({(i.weight.value, i.score.value) for i in items[named[0]]}) != 1 \
                or facts.document.is_rule(said.start()) or facts.text.count(named[0] + "扣") != 1:
            continue        # (an item scored twice otherwise, a rule's words, or deductions said of it more than once)
        item, taken = items[named[0]][0], facts.number_at(said.start("taken"))
        if taken is None or taken.value > item.weight.value or report.names(facts.where(item.score.start)):
            continue
        expected = excel_round(item.weight.value - taken.value, max(taken.decimals, item.score.decimals))
        if abs(expected - item.score.value) >= EPS:
            report.warning("SCORE_MISMATCH", facts.where(item.score.start),
                           f"「{item.name}」分值 {item.weight.value:g} 分，正文写扣 {taken.value:g} 分（{facts.where(said.start())}），"
                           f"应得 {expected:g} 分，表中写 {item.score.value:g} 分{quoted(facts, item.score)}")


def _deductions_said(sentence: str) -> int:
    """How many deductions a sentence says — not a rule's per unit ("按每降低1个百分点扣1.5分的标准，…扣1.5分，得8.5分"
    takes off once)."""
    return sum(1 for m in re.finditer(r"扣(?:除|减)?\s*\d", sentence)
               if "每" not in re.split(r"[,，;；]", sentence[:m.start()])[-1])


def _check_points_left(facts: Facts, report: FindingList) -> None:
    """The score left after the one deduction its sentence says is the points less what was taken, where
    the score is an indicator's or an item's read with its points ("（10分）…扣3.17分，得6.38分": 6.83)."""
    scored = {id(i.self_score): i.weight for i in facts.indicators if i.self_score is not None and i.weight is not None}
    scored |= {id(i.score): i.weight for i in facts.items if i.weight is not None}
    for said in _TAKEN_THEN_SCORE.finditer(facts.text):
        taken, score = facts.number_at(said.start("taken")), facts.number_at(said.start("score"))
        weight = scored.get(id(score)) if score is not None else None
        weight = weight or (_heading_points(facts, score.start) if score is not None else None)
        if taken is None or weight is None or score.value > weight.value:
            continue
        start, end = sentence_bounds(facts.text, taken.start)
        if _deductions_said(facts.text[start:end]) != 1 or "加" in facts.text[start:end]:
            continue      # (two deductions, or points added back: not one subtraction)
        expected = excel_round(weight.value - taken.value, max(taken.decimals, score.decimals))
        if abs(expected - score.value) < EPS:
            continue
        say, why = by_shape(report, facts, score, expected)
        say("SCORE_MISMATCH", facts.where(score.start),
            f"分值 {weight.value:g} 分扣 {taken.value:g} 分应得 {expected:g} 分，报告写得 {score.value:g} 分{why}"
            f"{quoted(facts, score)}")


_HEADING = re.compile(r"[ \t\u3000]*" + LIST_MARK + r"?\s*[^\d\n，,。；;]{2,20}?[(（]\s*(?:分值|满分|权重)?\s*(?:为)?\s*"
                      r"(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*\n")


def _heading_points(facts: Facts, at: int):
    """The points of the heading right above a paragraph that scores one thing ("（四）预算执行率（10分）" over
    "…扣3.17分，得6.38分。"), None if the line above is no such heading or the paragraph scores several."""
    text = facts.text
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    heading = _HEADING.fullmatch(text, above, line_start) if line_start else None
    if heading is None or len(A_SCORE.findall(text, line_start, line_end if line_end >= 0 else len(text))) != 1:
        return None
    return facts.number_at(heading.start("points"))


def _check_per_point(facts: Facts, report: FindingList) -> None:
    """Each deduction said for a shortfall against the one per-point rule the report states (none checked
    where it states two, or counts part of a point as one and the sentence does not say by how many)."""
    rules = {float(m.group("points")) for m in _PER_POINT.finditer(facts.text)}
    if not rules:
        return
    one_rule = len(rules) == 1
    if one_rule:
        _check_shortfall_scored(facts, report, _PER_POINT.search(facts.text))
    # (part of a point counted up or down: only a sentence that says how many points it counted is checked)
    whole_points = _ROUNDED_UP.search(facts.text) is not None or _ROUNDED_DOWN.search(facts.text) is not None
    for said in _TAKEN.finditer(facts.text):
        taken = facts.number_at(said.start("taken"))
        per_point = next(iter(rules))
        if not one_rule:
            per_point = _rule_of(facts.text, said.start())
            start, end = sentence_bounds(facts.text, said.start())
            if any(i.self_score is not None and start <= i.self_score.start < end for i in facts.indicators):
                continue      # (an indicator scored there: checked by its completion, under the rule found for it)
        if taken is None or per_point is None or whole_points and not said.group("counted"):
            continue
        points = float(said.group("counted") or said.group("gap"))
        expected = excel_round(points * per_point, max(taken.decimals, 2))
        if abs(expected - taken.value) < EPS:
            continue
        say, why = by_shape(report, facts, taken, expected)
        say("SCORE_MISMATCH", facts.where(taken.start),
            f"按报告所写“每低1个百分点扣{per_point:g}分”，低 {points:g} 个百分点应扣 {expected:g} 分，"
            f"报告写扣 {taken.value:g} 分{why}{quoted(facts, taken)}")


_OF_A_KIND = re.compile(r"类|其他|其余|各项|其它")    # a rule for a kind of indicator ("比率类指标…"), not one named


def _rule_of(text: str, at: int) -> float | None:
    """Of several per-point rules the report states, the one for the indicator a sentence scores: the rule naming
    it ("支付进度率低于75%的，每低1个百分点扣0.2分") if one does, else the one rule for a kind ("产出指标中比率类指标
    未达到目标值的，每低1个百分点扣0.5分") if there is one; else None."""
    start = sentence_bounds(text, at)[0]
    said = text_key(text[max(text.rfind("\n", 0, at), start - 60, 0):at])
    named, kinds = set(), set()
    for rule in _PER_POINT.finditer(text):
        clause = text[max(text.rfind(c, 0, rule.start()) for c in "；;。:：\n") + 1:rule.start()]
        subject = text_key(re.split(r"低于|高于|超过|未达到|未完成|达不到|不足", clause)[0])
        if _OF_A_KIND.search(clause):
            kinds.add(float(rule.group("points")))
        elif len(subject) >= 3 and shared_core(subject, said) >= 3:
            named.add(float(rule.group("points")))
        elif len(subject) >= 2 and shared_core(subject, said) >= 2:
            return None         # (a rule for something that shares words with the sentence: which one is not sure)
    if named:
        return named.pop() if len(named) == 1 else None
    return kinds.pop() if len(kinds) == 1 else None


# "…低于指标值3.4个百分点，得4.5分（分值8分）": the shortfall, then the score and its points
_SHORT_THEN_SCORED = re.compile(r"低(?:于(?:目标|指标)值?|于)?\s*(?P<gap>\d+(?:\.\d+)?)\s*个百分点\s*[,，]\s*(?:该项)?(?:实?得|得分)\s*"
                                r"(?P<score>\d+(?:\.\d+)?)\s*分\s*[(（]\s*(?:分值|满分)\s*(?P<weight>\d+(?:\.\d+)?)\s*分\s*[)）]")


def _check_shortfall_scored(facts: Facts, report: FindingList, rule: re.Match) -> None:
    """Each shortfall said with the score it left and its points, against the report's one per-point rule (its
    sentence says how part of a point counts)."""
    start, end = sentence_bounds(facts.text, rule.start())
    for said in _SHORT_THEN_SCORED.finditer(facts.text):
        score, weight = facts.number_at(said.start("score")), facts.number_at(said.start("weight"))
        expected = per_point_score(facts.text[start:end], float(said.group("gap")), weight.value) if weight else None
        if score is None or expected is None or abs(expected - score.value) < EPS or report.names(facts.where(score.start)):
            continue
        say, why = by_shape(report, facts, score, expected)
        say("SCORE_MISMATCH", facts.where(score.start),
            f"按报告所写“{rule.group(0)}”，低 {said.group('gap')} 个百分点、分值 {weight.value:g} 分应得 {expected:g} 分，"
            f"报告写得 {score.value:g} 分{why}{quoted(facts, score)}")


# "每低0.1个百分点扣0.2分": points taken for each step of another size
_PER_STEP = re.compile(r"每(?:低于(?:年度)?(?:目标|指标)值?|低于|低|降低|下降|少)\s*(?P<step>0\.\d+|[2-9]|\d{2})\s*个?百分点\s*(?:的)?\s*"
                       r"扣\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def per_point_score(rule: str, shortfall: float, weight: float) -> float | None:
    """The points a row's own rule leaves ("达到得7分，每低1个百分点扣0.5分"; "每低0.1个百分点扣0.2分") for a shortfall in
    percentage points (counted as the rule counts it), none below nought; None: the rule is no such rule."""
    said = _PER_POINT.search(rule)
    if said is None and (step := _PER_STEP.search(rule)) is not None and shortfall >= 0:
        taken = shortfall / float(step.group("step")) * float(step.group("points"))
        return max(excel_round(weight - taken, 2), 0.0)
    if said is None or shortfall < 0:
        return None
    return max(excel_round(weight - _counted(shortfall, rule) * float(said.group("points")), 2), 0.0)


# "每少1户扣1分", "每少一处扣2分": points taken for each unit short of a count
_PER_UNIT_SHORT = re.compile(r"每(?:少|缺|减少|未完成)\s*(?P<each>\d+|一)?\s*(?P<unit>[户个人座处所次场项件家名辆台套])\s*扣\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def per_unit_score(rule: str, shortfall: float, weight: float) -> float | None:
    """The points a rule leaves ("搬迁避让户数每少1户扣1分") for a count short by `shortfall` units (each begun unit
    counted), none below nought; None: the rule is no such rule."""
    said = _PER_UNIT_SHORT.search(rule)
    if said is None or shortfall < 0:
        return None
    each = float(said.group("each")) if said.group("each") and said.group("each").isdigit() else 1.0
    return max(excel_round(weight - math.ceil(shortfall / each - 1e-9) * float(said.group("points")), 2), 0.0)


# "每发现1处不符扣0.5分", "每出现1起扣2分": points taken for each fault found, the row's only deduction
_PER_FAULT = re.compile(r"每(?:发现|有|出现|存在)\s*(?:1|一)\s*(?P<unit>处|项|次|起|个|件|例|笔)(?P<what>[^，,；;。扣\d]{0,12}?)\s*"
                        r"扣\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def per_fault_score(rule: str, found: float, unit: str, words: str, weight: float) -> float | None:
    """The points a row's own rule leaves ("账实相符得4分，每发现1处不符扣0.5分") for `found` faults said in `unit` with
    `words` ("账实不符3处": the fault the rule names, 不符), none below nought; None: the rule is no such rule, takes
    points off for anything else too, or the figure is not of the fault it counts."""
    said = _PER_FAULT.search(rule)
    if said is None or rule.count("扣") != 1 or said.group("unit") != unit or shared_core(said.group("what"), words) < 2:
        return None
    return max(excel_round(weight - found * float(said.group("points")), 2), 0.0)


def _counted(shortfall: float, rule: str) -> float:
    """The shortfall in percentage points as the rule counts it: up to whole points ("不足1个百分点的按1个百分点计"),
    down ("不足1个百分点的部分不扣分"), or as it is."""
    if _ROUNDED_UP.search(rule):
        return math.ceil(shortfall - 1e-9)
    if _ROUNDED_DOWN.search(rule):
        return math.floor(shortfall + 1e-9)
    return shortfall
