"""Each indicator a report states, recomputed by the core's own functions: its completion from
target, actual and direction (COMPLETION_MISMATCH), its 偏差率 (DEVIATION_MISMATCH, a warning), and
its score — weight × min(completion, 1), a 定性 one's weight × 系数, or the bands its form's row
states (bands.py) — against the self score (SCORE_MISMATCH).  The scoring rules a report states are read
and applied in indicator_rules.py; an item's score is checked in item_checks.py."""
from __future__ import annotations

import re

from ..core.errors import CellError
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import DIRECTION_SYMBOLS
from ..core.rates import completion_rate, deviation_rate
from ..core.rounding import excel_round
from .bands import band_score, share_score
from .dates import is_date
from .deductions import per_point_score, per_unit_score, states_per_point
from .facts import Facts, Indicator
from .group_rules import scored_by_group_rule
from .indicator_rules import (COMPLETION_BANDS, PER_UNIT, PROPORTIONAL, at_full_line, banded_score, by_a_deduction_rule,
                              by_faults_found, by_own_rule, deducted_as_said, deduction_rules, in_a_table, only_proportional,
                              proportional_score, rule_said_for, scored_by_satisfaction, to_whole_points, under_floor)
from .numbers import direction_before, sentence_bounds
from .execution_points import TIMES_RULE
from .said_formula import OWN_EXECUTION_RULE, follows_rate
from .stated import a_slip_of, at_its_places, at_stated, by_shape, cut_as_said, quoted


def indicator_completion(ind: Indicator, reverse_method: str = "ratio") -> float | None:
    """The completion its target, actual and direction give (uncapped, SPEC 4.2), or None."""
    if ind.target is None or ind.actual is None or ind.direction in (None, "定性") or is_date(ind.target) or is_date(ind.actual):
        return None     # (a date is no quantity: "2023年12月底前" against "2023年11月" is said, not computed)
    rate, bare = (ind.target, ind.actual) if ind.target.is_rate else (ind.actual, ind.target)
    if rate.is_rate and not bare.is_rate and not bare.unit and bare.value <= 1.5 and rate.value >= 30:
        return None     # (a rate against a fraction — "100%" and "1", "0.95" and "97%" —: one measure written two ways)
    try:
        return completion_rate(ind.direction, ind.target.value, ind.actual.value, reverse_method)
    except CellError:
        return None


def _unrounded_completions(ind: Indicator, reverse_method: str) -> list[float]:
    """The completions an achieved rate stated with decimals stands for, at either end of what rounds to it (85.71%
    for 12个中完工…: 85.705–85.715). Only an achieved rate worked out from counts is so rounded: a target is a plan's
    figure, a count is exact — none for them."""
    actual = ind.actual
    if not (actual.is_rate and actual.decimals):
        return []
    try:
        return [completion_rate(ind.direction, ind.target.value, a, reverse_method)
                for a in (actual.value - actual.half_unit, actual.value + actual.half_unit) if a > 0]
    except CellError:
        return []


def _from_unrounded(ind: Indicator, reverse_method: str) -> bool:
    """The stated completion worked out from the achieved rate before it was rounded: "12个中完工率85.71%，目标90%，
    完成率95.24%" (85.714 ÷ 90; 85.71 ÷ 90 is 95.23%)."""
    corners = _unrounded_completions(ind, reverse_method)
    said = ind.completion
    low, high = said.value - said.half_unit, said.value + said.half_unit
    return bool(corners) and min(corners) * 100 <= high and max(corners) * 100 >= low


def _scored_unrounded(ind: Indicator, reverse_method: str) -> bool:
    """The score worked out from the achieved rate before it was rounded: "完工率88.89%，目标≥90%，满分15分，得14.81分"
    (8 ÷ 9 = 88.889%: 15 × 98.77% = 14.81; from 88.89% it is 14.82)."""
    if ind.actual.decimals < 2:
        return False     # (one decimal stands for too wide a span: a slip of 0.01 would pass in it)
    scores = [proportional_score(min(c, 1), ind.weight.value) for c in _unrounded_completions(ind, reverse_method)]
    scores = [x for x in scores if x is not None]
    return bool(scores) and min(scores) - SCORE_TOLERANCE < ind.self_score.value < max(scores) + SCORE_TOLERANCE


def _scored_from_rounded(completion: float, ind: Indicator) -> bool:
    """The score worked out from the completion rounded as a rate is written (to 0.01%): "9,127 ÷ 9,500 = 96.07%,
    7 × 96.07% = 6.72" (from the unrounded 96.0737% it is 6.73)."""
    rounded = proportional_score(min(excel_round(completion * 100, 2) / 100, 1), ind.weight.value)
    return rounded is not None and abs(rounded - ind.self_score.value) < 1e-9


def check_indicator(facts: Facts, ind: Indicator, report: FindingList, reverse_method: str = "ratio",
                    either_reverse_method: bool = False) -> None:
    """Each figure recomputed by the core's own functions (rates, arithmetic): one rule.
    `either_reverse_method`: no framework was given, so a ceiling exceeded may be scored by either
    convention (target ÷ actual, or 1 − the overshoot)."""
    name = ind.name or f"第{ind.row}个指标"
    if ind.direction == "定性":
        by_faults_found(facts, ind, report, name)
        if ind.coefficient is not None and ind.weight is not None and ind.self_score is not None:
            expected = proportional_score(ind.coefficient.value / 100, ind.weight.value)
            if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE:
                report.error("SCORE_MISMATCH", facts.where(ind.self_score.start),
                             f"定性指标「{name}」权重 {ind.weight.value:g} 分 × 系数 {ind.coefficient.value:g}% = "
                             f"{expected:.2f} 分，报告自评 {ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")
        return
    completion = indicator_completion(ind, reverse_method)
    if completion is None:
        _execution_row(facts, ind, report, name)
        return
    said = completion
    if ind.direction in ("<=", "<") and ind.actual.value > 0 and REVERSE_SAID.search(facts.text):
        # the report's own formula for a ceiling, kept under or not ("逆向指标完成率按“指标值÷实际值”计算": 48 ÷ 40 =
        # 120%): the core's share of the one in the other, uncapped
        said = completion_rate(">=", ind.actual.value, ind.target.value)
    if ind.completion is not None and not at_stated(said, ind.completion):
        capped = said > 1 and at_stated(1.0, ind.completion)
        # a ceiling kept under, its completion said as the share of the ceiling used ("≤20万元，实际16万元，
        # 完成率80%"): another convention, not an error
        # (… kept under or not: "≤3万元，实际3.2万元，完成率106.67%" — the share used, another convention)
        share_of_ceiling = ind.direction in ("<=", "<") and ind.target.value and not REVERSE_SAID.search(facts.text) \
            and at_stated(ind.actual.value / ind.target.value, ind.completion)
        # … or the ceiling over what was achieved, uncapped ("≤5件，实际3件，完成率166.67%"): a convention too
        share_of_ceiling = share_of_ceiling or ind.direction in ("<=", "<") and ind.actual.value > 0 \
            and at_stated(ind.target.value / ind.actual.value, ind.completion)
        # … or one plus the share of the ceiling left unused ("≤30天，实际25天，完成率116.67%": 1 + (30 − 25) ÷ 30)
        # (kept under only: a ceiling exceeded is scored by the reverse method the report or its framework says)
        share_of_ceiling = share_of_ceiling or ind.direction in ("<=", "<") and 0 <= ind.actual.value < ind.target.value \
            and at_stated(1 + (ind.target.value - ind.actual.value) / ind.target.value, ind.completion)
        other = _other_method(ind, reverse_method) if either_reverse_method else None   # a ceiling exceeded
        by_other = other is not None and at_stated(other, ind.completion)
        truncated = cut_as_said(facts, said, ind.completion)
        # (the very completion said of already: an indicator read twice, under two names)
        told = any(f.code == "COMPLETION_MISMATCH" and f.where == facts.where(ind.completion.start)
                   and f"报告写 {ind.completion.value:g}%" in f.message for f in report.findings)
        if not capped and not share_of_ceiling and not by_other and not truncated and not told \
                and not _from_unrounded(ind, reverse_method):   # 100% for a target bettered (≥ exceeded, ≤ kept under) is the capped convention
            # a difference of no slip's shape: the target and the figure read may be another indicator's
            say, why = (report.error, "（系指标值÷实际值，分子分母颠倒）") if _inverted(facts, ind) \
                else (report.error, f"（系以上年实际 {ind.previous.value:g} 为基数算得）") if _on_last_year(ind) \
                else by_shape(report, facts, ind.completion, said * 100)
            say("COMPLETION_MISMATCH", facts.where(ind.completion.start),
                f"指标「{name}」目标 {dir_symbol(ind)}{ind.target.value:g}、实际 {ind.actual.value:g}，完成率应为 "
                f"{said * 100:.2f}%，报告写 {ind.completion.value:g}%{why}{quoted(facts, ind.completion)}")
    if ind.deviation is not None and ind.target.value:
        deviation = deviation_rate(ind.actual.value, ind.target.value)
        if not (at_stated(deviation, ind.deviation) or at_stated(abs(deviation), ind.deviation)):
            report.warning("DEVIATION_MISMATCH", facts.where(ind.deviation.start),
                           f"指标「{name}」偏差率应为 ({ind.actual.value:g}−{ind.target.value:g})÷{ind.target.value:g} = "
                           f"{deviation * 100:.2f}%，报告写 {ind.deviation.value:g}%{quoted(facts, ind.deviation)}")
    if ind.weight is not None and ind.self_score is not None:
        where = report.locate(facts.where(ind.self_score.start))
        if any(f.code == "SCORE_MISMATCH" and f.where == where for f in report.findings):
            return      # (its score said already: an item's row above its points)
        rates = ind.actual.is_rate and ind.target.is_rate
        if ind.own_rule and by_own_rule(facts, ind, report, name):
            return      # (its row's own bands, read whole: "≥90%得5分；80%（含）—90%得4分；…")
        if scored_by_satisfaction(facts, ind, report, name):
            return
        if ind.rule_line and completion < 1 and not only_proportional(ind.own_rule) \
                and not (rates and states_per_point(ind.own_rule)) or ind.item_too:
            return      # (the line missed: scored as its rule goes on to say — "每超过1个百分点扣0.5分", unless it says in
            # proportion: "≥600家，未达到按比例计分", or takes points for each point short of a rate: "目标≥95%，每低1个
            # 百分点扣1分", checked below —; an item's row: scored as the item, by its framework)
        # (… or the rule the report states for it by name: "农村卫生厕所普及率每低于年度指标值1个百分点扣1分")
        own_per_unit = PER_UNIT.search(ind.own_rule or "") is not None
        per_unit = ind.own_rule if own_per_unit else (rule_said_for(facts, ind) or "") if rates else ""
        if PER_UNIT.search(per_unit):
            # "达到得7分，每低1个百分点扣0.5分": a rate's row scored by its own deduction per point short
            points = per_point_score(per_unit, ind.target.value - ind.actual.value, ind.weight.value) \
                if ind.direction in (">=", ">", "=") and rates and ind.actual.value <= ind.target.value else None
            if points is not None and abs(points - ind.self_score.value) >= SCORE_TOLERANCE:
                say, why = by_shape(report, facts, ind.self_score, points)
                say("SCORE_MISMATCH", facts.where(ind.self_score.start),
                    f"指标「{name}」实际 {ind.actual.value:g}%，目标 {ind.target.value:g}%，按该行评分标准（{per_unit[:40]}）"
                    f"应得 {points:g} 分，报告自评 {ind.self_score.value:g} 分{why}{quoted(facts, ind.self_score)}")
            if points is not None or own_per_unit:
                return      # "每少1所扣1分": scored by deductions of its own, not by its completion
        if deducted_as_said(facts, ind):
            return      # ("少完成3,200亩，扣0.32分，得14.68分": its own deduction, said with the score, adds up — no rule
            # of the report's read for it, so not its proportion either)
        expected = proportional_score(completion, ind.weight.value)
        other = _other_method(ind, reverse_method) if either_reverse_method else None
        if expected is not None and other is not None and abs(proportional_score(other, ind.weight.value) - ind.self_score.value) < SCORE_TOLERANCE:
            expected = ind.self_score.value     # (scored by the other reverse method: 1 − 超出比例 — a convention)
        # a row of the budget's 执行率 (≥95% | 97.86% | 10 | 9.79): scored 分值 × the rate itself, the
        # execution item's rule, as well as against its target
        by_rate = _EXECUTION.search(ind.name or "") and ind.actual is not None and ind.actual.is_rate \
            and (rate_score := proportional_score(ind.actual.value / 100, ind.weight.value)) is not None \
            and abs(rate_score - ind.self_score.value) < SCORE_TOLERANCE
        # a score that follows the completion the report states (said wrong): the completion is the error,
        # the score a warning that says it follows
        by_stated = ind.completion is not None and follows_rate(ind.completion, ind.weight.value, ind.self_score.value)
        banded = banded_score(facts, completion, ind.weight.value)
        if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE and not by_rate \
                and not at_its_places(expected, ind.self_score) and not to_whole_points(facts, expected, ind) \
                and not _scored_from_rounded(completion, ind) \
                and not under_floor(facts, completion, ind.self_score.value) and not _scored_unrounded(ind, reverse_method) \
                and not at_full_line(facts, completion, ind.self_score.value, ind.weight.value) \
                and (banded is None or abs(banded - ind.self_score.value) >= SCORE_TOLERANCE):
            # a row with a scoring rule of its own we could not read: a warning that says so — the row's
            # 评分标准 cell, or a rule the report states for it by name ("造林成活率按分档计分，…得分值的一半")
            own_rule = ind.own_rule or rule_said_for(facts, ind)
            if own_rule and ind.actual.is_rate and any(
                    points is not None and abs(points - ind.self_score.value) < SCORE_TOLERANCE
                    for points in (band_score(own_rule, ind.actual.value, ind.weight.value), share_score(own_rule, ind.actual.value, ind.weight.value))):
                return      # scored by the bands the report states for it by name ("预算执行率≥95%得满分，90%（含）至95%得分值的80%")
            if not own_rule and scored_by_group_rule(facts, ind, report, name, completion):
                return
            if own_rule and not ind.actual.is_rate and ind.direction in (">=", ">", "=") and (points := per_unit_score(
                    own_rule, ind.target.value - ind.actual.value, ind.weight.value)) is not None \
                    and abs(points - ind.self_score.value) < SCORE_TOLERANCE:
                return      # a count short, scored by the deduction per unit the report states for it ("每少1户扣1分")
            proportional = bool(own_rule) and only_proportional(own_rule)
            say, own = (report.warning, f"（该指标另有评分标准：{own_rule[:40]}）") if own_rule and not proportional \
                else (report.error, "")
            if not own_rule and not ind.scored_apart and ind.self_score.value - ind.weight.value >= SCORE_TOLERANCE:
                say, own = report.error, "（得分超过分值）"     # (above its own points by any rule)
            elif ind.scored_apart and not (ind.rule_line and only_proportional(ind.own_rule)):
                # (statements joined, or figures read by cue words: a warning that says so — not a row's own rule
                # opening with its target and saying it scores in proportion: "≥600家，未达到按比例计分")
                say, own = report.warning, own + f"（{ind.scored_apart}）"
            elif (spared := _NOT_DEDUCTED.search(_said_beside(facts, ind))) is not None:
                # "属客观原因，不予扣分": the report's own judgment of the shortfall, said beside it — no slip of
                # arithmetic: a warning that names it
                say, own = report.warning, own + f"（报告称该项{spared.group(0)}，请核对其依据）"
            elif by_stated:         # the completion said wrong is the error; its score follows it
                say, own = report.warning, own + f"（得分与报告所写完成率 {ind.completion.value:g}% 一致，随该完成率有误）"
            elif ind.completion is not None and not at_stated(completion, ind.completion) \
                    and not (completion > 1 and at_stated(1.0, ind.completion)):
                # its figures, the completion said and the score, no two of them agreeing: which is the slip is not
                # certain — the completion's error is said; the score a warning
                say, own = report.warning, own + f"（报告所写完成率 {ind.completion.value:g}% 亦与其数字不合，何者有误请核对）"
            elif banded is not None:     # the bands the report states, read whole: the score they give (a warning —
                # the bands may not be every indicator's: "产出、效益定量指标按完成率分档计分")
                report.warning("SCORE_MISMATCH", facts.where(ind.self_score.start),
                               f"指标「{name}」完成率 {completion * 100:.2f}%，按报告所写完成率分档应得 {banded:g} 分，报告自评 "
                               f"{ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")
                return
            # (a row whose own rule scores in proportion is scored by no other rule the report states elsewhere)
            elif not proportional and (bands := COMPLETION_BANDS.search(facts.text)) is not None:   # scored by bands the report states
                say, own = report.warning, own + f"（报告按完成率分档计分：{bands.group(0)[:30]}）"
            elif not proportional and by_a_deduction_rule(facts, ind):
                return      # (scored by a rule of deductions the report states, its shortfall in percentage points:
                # "定量指标每低于目标1个百分点扣0.5分": 75% − 72.6% = 2.4, 8 − 1.2)
            elif not proportional and (deducted := next((rule for rule, of_a_kind in deduction_rules(facts.text)
                                                         if not of_a_kind), None)) is not None:
                # (a rule of one kind's only — "质量指标每低于…" — leaves the usual rule's score to a row of no kind read)
                say, own = report.warning, own + f"（报告另有扣分规则：{deducted[:30]}）"
            elif not in_a_table(facts, ind) and not PROPORTIONAL.search(facts.text):
                # a sentence's indicator, in a report that does not say its shortfalls score in
                # proportion (it may deduct by steps): the usual rule's score, a warning that says so
                say, own = report.warning, own + "（报告未写明按完成比例计分）"
            elif in_a_table(facts, ind) and ind.self_score.value < ind.weight.value \
                    and not a_slip_of(facts, ind.self_score, expected):
                # a table's row scored below its points otherwise than in proportion, by a difference of no slip's
                # shape: the row may be scored by steps or bands of its own — or by the report's proportion, its
                # figures read from another row. A warning (full marks for a shortfall stays an error)
                say, own = report.warning, own + "（差额不似笔误，该行可能另有评分标准或所读数字不对应，请核对）"
            say("SCORE_MISMATCH", facts.where(ind.self_score.start),
                f"指标「{name}」权重 {ind.weight.value:g} 分 × 完成率 {min(completion, 1) * 100:.2f}% = "
                f"{expected:.2f} 分，报告自评 {ind.self_score.value:g} 分{own}{quoted(facts, ind.self_score)}")


# the report says a shortfall is not deducted for ("属不可抗力，不予扣分", "经认定不扣分")
_NOT_DEDUCTED = re.compile(r"不予扣分|不扣分|未扣分|不作扣分|免于扣分|免予扣分|不计扣分")


def _said_beside(facts: Facts, ind: Indicator) -> str:
    """The words said with an indicator's score: its 偏差原因 and the line (or sentence) its score stands in."""
    start, end = sentence_bounds(facts.text, ind.self_score.start)
    line_start, line_end = facts.text.rfind("\n", 0, ind.self_score.start) + 1, facts.text.find("\n", ind.self_score.start)
    return f"{ind.deviation_reason or ''} {facts.text[max(start, line_start):end if line_end < 0 else min(end, line_end)]}"


def _inverted(facts: Facts, ind: Indicator) -> bool:
    """A floor's completion said as its target over what was achieved ("≥3200户 | 3152户 | 101.52%"): the ratio
    turned over, a slip — for a floor signed so, never a convention (a ceiling's may be: "≤5件，实际3件，166.67%")."""
    return ind.direction in (">=", ">") and ind.actual.value > 0 and ind.target.value != ind.actual.value \
        and direction_before(facts.text[max(0, ind.target.start - 4):ind.target.start]) in (">=", ">") \
        and at_stated(ind.target.value / ind.actual.value, ind.completion)


def _on_last_year(ind: Indicator) -> bool:
    """A completion said as this year's figure over last year's, the form's 上年实际 column beside the target ("92.4% |
    ≥95% | 97.3% | 105.30%"): the wrong base, a slip."""
    return ind.previous is not None and ind.previous.value > 0 and ind.previous.unit == ind.actual.unit \
        and ind.previous.value != ind.target.value and at_stated(ind.actual.value / ind.previous.value, ind.completion)


def _execution_row(facts: Facts, ind: Indicator, report: FindingList, name: str) -> None:
    """An indicator form's 预算执行率 row with no target (| 预算执行 | | 预算执行率 | | 98.23% | 10 | 9.28 |): its score
    against 分值 × the rate, the 项目支出 framework's rule, where the report states no bands of its own — an error where
    it states that rule ("得分=执行率×10分") and the score differs by a slip's shape; else a warning that says so."""
    if ind.target is not None or ind.actual is None or not ind.actual.is_rate or ind.weight is None \
            or ind.self_score is None or ind.item_too or not _EXECUTION.search(ind.name or "") \
            or report.names(facts.where(ind.self_score.start)):
        return
    expected = proportional_score(min(ind.actual.value / 100, 1), ind.weight.value)
    # (… scored from the rate before it was rounded: 1,668.21 ÷ 1,781.40 = 93.6465%, "93.65%", 10 × it = 9.36)
    unrounded = [proportional_score(min(rate / 100, 1), ind.weight.value) for rate in
                 (ind.actual.value - ind.actual.half_unit, ind.actual.value + ind.actual.half_unit)] \
        if ind.actual.decimals >= 2 else []
    if expected is None or abs(expected - ind.self_score.value) < SCORE_TOLERANCE \
            or OWN_EXECUTION_RULE.search(facts.text) \
            or any(x is not None and abs(x - ind.self_score.value) < 1e-9 for x in unrounded):
        return      # (… or scored by the report's own bands: "预算执行率采用区间计分：…95%（含）以上得满分")
    say, why = by_shape(report, facts, ind.self_score, expected) if TIMES_RULE.search(facts.text) else \
        (report.warning, "（报告未写明执行率按比例计分，按分值×执行率）")
    say("SCORE_MISMATCH", facts.where(ind.self_score.start),
        f"指标「{name}」分值 {ind.weight.value:g} 分 × 执行率 {ind.actual.value:g}% = {expected:.2f} 分，报告自评 "
        f"{ind.self_score.value:g} 分{why}{quoted(facts, ind.self_score)}")


# the report says a ceiling's completion is its target over what was achieved ("反向指标…完成进度=目标值÷实际值×100%"):
# the share of the ceiling used is then no convention of its
REVERSE_SAID = re.compile(r"(?:反向|逆向)指标[^。；;]{0,20}?(?:完成率|完成进度|完成比例)?\s*(?:[=＝]|按\s*[“\"]?)\s*(?:年度)?(?:目标值?|指标值)"
                          r"\s*[÷/]\s*实际")   # ("…=目标值÷实际值", "逆向指标完成率按“指标值÷实际值”计算")


_EXECUTION = re.compile(r"(?:预算|资金|支出)执行率$|^执行率$")


def _other_method(ind: Indicator, reverse_method: str) -> float | None:
    """A ceiling exceeded (≤5万元, 5.5万元) has two conventions — target ÷ actual and 1 − the overshoot
    (the rule sets' reverse_method): the completion by the one not in use."""
    if ind.direction not in ("<=", "<") or ind.target is None or ind.actual is None or ind.actual.value <= ind.target.value:
        return None
    other = "deviation" if reverse_method == "ratio" else "ratio"
    try:
        return completion_rate(ind.direction, ind.target.value, ind.actual.value, other)
    except CellError:
        return None


def dir_symbol(ind: Indicator) -> str:
    """The target's sign as a sentence writes it: none for "=" ("目标 95")."""
    return "" if ind.direction == "=" else DIRECTION_SYMBOLS.get(ind.direction or "", "")


# ------------------------------------------------------------------ totals and grade
