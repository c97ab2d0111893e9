"""A form's indicator rows as the report's indicators, ahead of the sentences' (a sentence about an indicator the
form lists is that indicator): a rule said in a row's 偏差原因 cell is its own, a completion table's row joins the scored
row of its name, and a row's target or points said in a sentence are the row's."""
from __future__ import annotations

import dataclasses
import re

from ..core.parsing import text_key
from .deductions import states_per_point
from .facts import Facts, Indicator
from .form_records import Forms
from .group_points import group_points_left_out
from .vocabulary import words

# the words of a scoring rule in a row's 偏差原因 cell: its score follows that rule, not its completion alone
_RULE_IN_REASON = re.compile(r"扣\s*\d|不扣分|[得计]\s*\d+(?:\.\d+)?\s*分|满分|不得分|分档|计分")   # (not "按比例计分": the usual rule)


def form_rows_as_indicators(facts: Facts, forms: Forms) -> None:
    """A form's indicator rows, before the sentences': a sentence about an indicator the form
    lists is the same indicator."""
    if not forms.indicators:
        return
    names = [text_key(f.name) for f in forms.indicators]
    prose = [i for i in facts.indicators if len(text_key(i.name)) >= 2
             and not any(text_key(i.name) in n or n in text_key(i.name) for n in names)]
    read = []
    for f in forms.indicators:
        # (a rule the row states in its 偏差原因 cell — "…；按每低1个百分点扣1分计分" — is its own as well)
        # (… or any rule of points: "未完成1个扣2分", "按完成率分档计分", "差距在10%以内不扣分")
        rule = f.rule or (f.reason if f.reason and (states_per_point(f.reason) or _RULE_IN_REASON.search(f.reason)
                                                    and not words()["proportional_rule"].search(f.reason)) else "")
        ind = Indicator(0, f.name, f.start, f.level1, f.direction, f.target, f.actual, weight=f.weight,
                        self_score=f.score, deviation_reason=f.reason, own_rule=rule,
                        completion=f.completion if f.completion is not None and f.completion.is_rate else None,
                        previous=f.previous)
        row_end = facts.text.find("\n", f.start)
        ind.end = row_end if row_end >= 0 else len(facts.text)   # a form's indicator is its row, no more
        if f.direction == "定性":   # the tier chosen is the target cell's; the coefficient the actual's
            ind.target, ind.tier = None, f.target_text
            # the actual cell is the 评价系数 only when it is a percentage alone ("90%"); a figure in
            # words ("下降12%") is what was achieved, read but not scored against a target of words
            alone = re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%\s*", f.actual_text or "")
            ind.coefficient = f.actual if f.actual is not None and f.actual.is_rate and alone else None
            ind.actual = None if ind.coefficient is not None else f.actual
            ind.tier_achieved = f.actual_text if f.actual is None and not re.search(r"\d", f.actual_text or "") else ""
        read.append(ind)
    # a goals table's row (its target alone) and the 自评表's row of that name below, with its own target: one
    # indicator, the latter (a row without a target takes the goal's: targets_joined)
    group_points_left_out(read)
    read = _completions_and_scores_joined(read)
    achieved = {text_key(i.name) for i in read if i.target is not None and (i.actual is not None or i.self_score is not None)}
    read = [i for i in read if i.actual is not None or i.self_score is not None or i.weight is not None
            or text_key(i.name) not in achieved]
    dropped = [i for i in facts.indicators if i not in prose]
    for said in dropped:     # a row without its target, a sentence stating it ("| 故障平均修复时间 | 10 | 56小时 | 8.57 |"
        _target_said_of_row(said, read)     # and "…修复时间目标≤48小时，实际平均56小时，…完成率…")
        _points_said_of_row(said, read)
    facts.restated = [r for i in dropped if (r := _restated(i, read)) is not None
                      and (r.completion is not None or r.self_score is not None)]
    facts.indicators = read + prose
    for row, ind in enumerate(facts.indicators, 1):
        ind.row = row


def _completions_and_scores_joined(read: list[Indicator]) -> list[Indicator]:
    """A completion table's row (目标 | 完成值 | 完成率, no points) and the 自评表's one row of that name, target and actual
    with its 分值 and 得分: one indicator, the scored row (the completion the first states its own where it has none)."""
    scored: dict[str, list[Indicator]] = {}
    for i in read:
        if i.weight is not None and i.self_score is not None:
            scored.setdefault(text_key(i.name), []).append(i)
    same = lambda a, b: (a is None) == (b is None) and (a is None or abs(a.value - b.value) < 1e-9)  # noqa: E731
    kept = []
    for i in read:
        twins = scored.get(text_key(i.name), [])
        if i.weight is None and i.self_score is None and len(twins) == 1 \
                and same(i.target, twins[0].target) and same(i.actual, twins[0].actual):
            twins[0].completion = twins[0].completion or i.completion
            continue
        kept.append(i)
    return kept


def _target_said_of_row(said: Indicator, rows: list[Indicator]) -> None:
    """The one row of the sentence's name stating what it achieved but no target: the sentence's target and
    direction are the row's (said apart: its score a warning); the sentence's completion is checked as it
    restates the row (_restated)."""
    if said.target is None or said.actual is None:
        return
    named = [r for r in rows if r.target is None and r.actual is not None and r.actual.value == said.actual.value
             and r.direction != "定性" and (text_key(r.name) in text_key(said.name) or text_key(said.name) in text_key(r.name))]
    if len(named) == 1:
        row = named[0]
        row.target, row.direction = said.target, said.direction or row.direction
        row.scored_apart = row.scored_apart or "目标取自正文，实际值与得分取自表格"


def _points_said_of_row(said: Indicator, rows: list[Indicator]) -> None:
    """A form of no 分值 column (its 得分 only) and the sentence restating a row of it with its points ("①统防统治服务面积：
    …该指标分值8分，自评得8分" beside "| 统防统治服务面积 | ≥12万亩 | 12.6万亩 | 8 |"): the one row of that name and that
    score takes the sentence's points."""
    if said.weight is None or said.self_score is None:
        return
    named = [r for r in rows if r.weight is None and r.self_score is not None and r.self_score.value == said.self_score.value
             and text_key(r.name) == text_key(said.name)]
    if len(named) == 1:
        named[0].weight = said.weight


def _restated(said: Indicator, rows: list[Indicator]) -> Indicator | None:
    """The sentence's indicator as the form's row that states its target and actual (its direction
    the row's, "≥80场" where the sentence says "目标80场"), with the sentence's own completion — for that
    completion to be checked — and its own points and score where its score is not the row's ("…实际63.5%，
    得4.5分（分值5分）" beside the row's 5); None: no row states its figures."""
    row = next((r for r in rows if said.target is not None and said.actual is not None and r.target is not None
                and r.actual is not None and r.target.value == said.target.value and r.actual.value == said.actual.value
                and said.direction in (r.direction, None, "=")), None)
    if row is None:
        return None
    scored_otherwise = said.weight is not None and said.self_score is not None and row.self_score is not None \
        and said.self_score.value != row.self_score.value and (row.weight is None or said.weight.value == row.weight.value)
    return dataclasses.replace(said, direction=row.direction, own_rule=row.own_rule,
                               weight=said.weight if scored_otherwise else None,
                               self_score=said.self_score if scored_otherwise else None)
