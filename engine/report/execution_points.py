"""The 预算执行率 item's points and score said apart: its points where the report sets out how it scores
("预算执行率分值10分，得分=执行率×10分", "按10分×资金执行率计分", "预算执行率10分、产出指标50分…") — a rule, so
read from the whole text — and its score said alone ("经自评，本项目预算执行率得9.52分") — a claim.
Read only when the report states one value of each. And a 评分表 row whose own 评分说明 scores it as its rate times its
points ("得分＝执行率×3"): its score against that."""
from __future__ import annotations

import re

from ..core.arithmetic import ratio_score
from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts, StatedItem
from .numbers import sentence_bounds
from .stated import by_shape, quoted

_POINTS_NAMED = re.compile(r"(?:预算|资金)?执行率(?:指标)?\s*[(（]?\s*(?:分值|权重|满分)?\s*(?:为)?\s*(?P<points>\d+(?:\.\d+)?)\s*分(?!\s*[×*xX])")
_GROUP_POINTS = re.compile(r"(?:预算|资金)执行\s*[(（]\s*(?:分值|权重|满分)?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*[、，,]")
_GROUP_SCORED = re.compile(r"\s*(?:自评)?得(?:分)?\s*(?:为)?\s*\d+(?:\.\d+)?\s*分")
# 分值 × 执行率 said as the rule ("按10分×资金执行率计分", "得分=预算执行率×分值"): its points, if a figure
TIMES_RULE = re.compile(r"执行率\s*[×xX*＊]\s*(?:该指标)?(?:分值|(?P<after>\d+(?:\.\d+)?)\s*分?)|"
                        r"(?:分值|(?P<before>\d+(?:\.\d+)?)\s*分)\s*[×xX*＊]\s*(?:预算|资金)?执行率")
_SCORE_SAID = re.compile(r"(?:预算|资金)?执行率(?:指标)?\s*(?:自评)?得分?\s*(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分"
                         r"|执行率\s*[×*xX]\s*\d+(?:\.\d+)?\s*分?\s*=\s*(?P<computed>\d+(?:\.\d+)?)\s*分")


def execution_points(facts: Facts) -> None:
    """The execution item's points from how the report scores it, where the item was read without them
    (or not read, its score said alone)."""
    execution = next((i for i in facts.items if i.row_id == "budget_execution"), None)
    if execution is not None and execution.weight is not None:
        return
    text = facts.text
    points = {n.value: n for pattern in (_POINTS_NAMED, TIMES_RULE) for m in pattern.finditer(text)
              for g in ("points", "after", "before") if g in m.groupdict() and m.group(g)
              and (n := facts.rule_number_at(m.start(g))) is not None}
    if not points:     # (else the points of its 一级指标 in the list of them: "一级指标为预算执行（10分）、产出（50分）…")
        points = {n.value: n for m in _GROUP_POINTS.finditer(text) if (n := facts.rule_number_at(m.start("points"))) is not None
                  and not _GROUP_SCORED.match(text, m.end())}
        # (a group "预算执行（35分），得32.64分" scored apart from its 预算完成率: a group of several rows, not the item)
    if len(points) != 1:
        return          # (none said, or two: "执行率10分" for one project and 5分 for another)
    weight = next(iter(points.values()))
    if execution is None:
        headline = facts.keyed_rates().get("exec_rate")
        scores = {n.value: n for m in _SCORE_SAID.finditer(text)
                  for g in ("score", "computed") if m.group(g) and (n := facts.number_at(m.start(g))) is not None}
        if headline is None or len(scores) != 1 or _of_another_rate(facts, next(iter(scores.values())), headline) \
                or not _where_it_scores(facts, next(iter(scores.values()))):
            return      # (the score may be a project's, as its sentence's rate, or said among its figures)
        score = next(iter(scores.values()))
        if score.value <= weight.value:
            facts.items.append(StatedItem("预算执行率", score, weight, row_id="budget_execution"))
    elif execution.score.value <= weight.value:
        execution.weight = weight


def _of_another_rate(facts: Facts, score, headline) -> bool:
    """The score's sentence states an execution rate other than the report's ("…水质监测项目…执行率94.76%，预算
    执行率得分9.48分"): a project's score, not the report's item."""
    return any(n.sentence == score.sentence and n.measure == "exec_rate" and n.is_rate and n.value != headline.value
               for n in facts.numbers)


_SCORING_SAID = re.compile(r"自评|评分|评价|得分情况|计算|计分")


def _where_it_scores(facts: Facts, score) -> bool:
    """The score stands where the report scores itself: a section of scoring, or a sentence that says so
    ("经自评，本项目预算执行率得9.52分") — not among a project's figures ("…执行数176.25万元，…得分9.48分")."""
    start = sentence_bounds(facts.text, score.start)[0]
    return "scoring" in facts.document.kinds_at(score.start) or bool(_SCORING_SAID.search(facts.text, start, score.start))


# a 评分表 row's own rule, its rate times its points ("…＝96.94%，得分＝执行率×3"), in its cells or on the line its
# wrapped cells go on to
_ROW_TIMES = re.compile(r"得分\s*[=＝]\s*[\u4e00-\u9fff]{0,8}率\s*[×xX*＊]\s*(?:分值|该项分值|(?P<points>\d+(?:\.\d+)?)\s*分?)")
_RATE_IN_ROW = re.compile(r"(?<![\d.×xX*＊])(?<![×xX*＊]\s)(\d+(?:\.\d+)?)\s*%")   # (not a formula's "×100%")


def check_row_times_rule(facts: Facts, report: FindingList) -> None:
    """An item whose row states its score is its one rate times its points: the score against it — full marks for
    a rate short of 100% an error (the row's own rule says otherwise), any other difference by a slip's shape."""
    text = facts.text
    for item in facts.items:
        if item.weight is None or report.names(facts.where(item.score.start)):
            continue
        start, end = text.rfind("\n", 0, item.score.start) + 1, text.find("\n", item.score.start)
        end = len(text) if end < 0 else end
        after = text.find("\n", end + 1)
        going_on = text[end + 1:len(text) if after < 0 else after]
        wrapped = "|" in going_on and sum(1 for cell in going_on.split("|") if cell.strip()) == 1   # (" |  |  | …": one cell)
        row = text[start:end] + (" " + going_on if wrapped else "")
        rule = _ROW_TIMES.search(row)
        rates = _RATE_IN_ROW.findall(row[:rule.start()]) if rule else []
        if rule is None or len(rates) != 1 or "|" not in row \
                or {float(r) for r in _RATE_IN_ROW.findall(row)} != {float(rates[0])}:
            # (the row says other rates — a target, what was done and their completion, "目标95%，完成92.4%，完成率
            # 97.26%": which is the rule's is not certain)
            continue
        points = float(rule.group("points")) if rule.group("points") else item.weight.value
        rate = float(rates[0])
        expected = ratio_score(rate / 100, points)
        if abs(expected - item.score.value) < SCORE_TOLERANCE:
            continue      # (a rate of 100% or more: full marks, ratio_score caps it)
        say, why = (report.error, "") if abs(item.score.value - points) < SCORE_TOLERANCE \
            else by_shape(report, facts, item.score, expected)
        say("SCORE_MISMATCH", facts.where(item.score.start),
            f"「{item.name}」按该行评分说明 {rate:g}% × {points:g} 分 应得 {expected:.2f} 分，表中写 {item.score.value:g} 分"
            f"{why}{quoted(facts, item.score)}")
