"""Each indicator a report states, recomputed by the core's own functions: its completion from
target, actual and direction (COMPLETION_MISMATCH), its 偏差率 (DEVIATION_MISMATCH, a warning), and
its score — weight × min(completion, 1), a 定性 one's weight × 系数, or the bands its form's row
states (bands.py) — against the self score (SCORE_MISMATCH)."""
from __future__ import annotations

import re

from ..core.arithmetic import indicator_score
from ..core.errors import CellError
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import DIRECTION_SYMBOLS, text_key
from ..core.rates import completion_rate, deviation_rate
from ..core.rounding import excel_round
from .bands import band_score, share_score, stated_tiers
from .dates import is_date
from .deductions import per_fault_score, per_point_score, per_unit_score, states_per_point
from .facts import Facts, Indicator
from .group_rules import scored_by_group_rule
from .numbers import Number, direction_before, sentence_bounds, statement_start
from .plain import BONUS_ROW
from .execution_points import TIMES_RULE
from .said_formula import OWN_EXECUTION_RULE, follows_rate
from .stated import a_slip_of, at_its_places, at_stated, by_shape, cut_as_said, quoted
from .text import CELL
from .vocabulary import key as _key, words


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
    scores = [_score(min(c, 1), ind.weight.value) for c in _unrounded_completions(ind, reverse_method)]
    scores = [x for x in scores if x is not None]
    return bool(scores) and min(scores) - SCORE_TOLERANCE < ind.self_score.value < max(scores) + SCORE_TOLERANCE


def _scored_from_rounded(completion: float, ind: Indicator) -> bool:
    """The score worked out from the completion rounded as a rate is written (to 0.01%): "9,127 ÷ 9,500 = 96.07%,
    7 × 96.07% = 6.72" (from the unrounded 96.0737% it is 6.73)."""
    rounded = _score(min(excel_round(completion * 100, 2) / 100, 1), ind.weight.value)
    return rounded is not None and abs(rounded - ind.self_score.value) < 1e-9


def check_indicator(facts: Facts, ind: Indicator, report: FindingList, reverse_method: str = "ratio",
                    either_reverse_method: bool = False) -> None:
    """Each figure recomputed by the core's own functions (rates, arithmetic): one rule.
    `either_reverse_method`: no framework was given, so a ceiling exceeded may be scored by either
    convention (target ÷ actual, or 1 − the overshoot)."""
    name = ind.name or f"第{ind.row}个指标"
    if ind.direction == "定性":
        _by_faults_found(facts, ind, report, name)
        if ind.coefficient is not None and ind.weight is not None and ind.self_score is not None:
            expected = _score(ind.coefficient.value / 100, ind.weight.value)
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
        if ind.own_rule and _by_own_rule(facts, ind, report, name):
            return      # (its row's own bands, read whole: "≥90%得5分；80%（含）—90%得4分；…")
        if _scored_by_satisfaction(facts, ind, report, name):
            return
        if ind.rule_line and completion < 1 and not _only_proportional(ind.own_rule) \
                and not (rates and states_per_point(ind.own_rule)) or ind.item_too:
            return      # (the line missed: scored as its rule goes on to say — "每超过1个百分点扣0.5分", unless it says in
            # proportion: "≥600家，未达到按比例计分", or takes points for each point short of a rate: "目标≥95%，每低1个
            # 百分点扣1分", checked below —; an item's row: scored as the item, by its framework)
        # (… or the rule the report states for it by name: "农村卫生厕所普及率每低于年度指标值1个百分点扣1分")
        own_per_unit = _PER_UNIT.search(ind.own_rule or "") is not None
        per_unit = ind.own_rule if own_per_unit else (_rule_said_for(facts, ind) or "") if rates else ""
        if _PER_UNIT.search(per_unit):
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
        if _deducted_as_said(facts, ind):
            return      # ("少完成3,200亩，扣0.32分，得14.68分": its own deduction, said with the score, adds up — no rule
            # of the report's read for it, so not its proportion either)
        expected = _score(completion, ind.weight.value)
        other = _other_method(ind, reverse_method) if either_reverse_method else None
        if expected is not None and other is not None and abs(_score(other, ind.weight.value) - ind.self_score.value) < SCORE_TOLERANCE:
            expected = ind.self_score.value     # (scored by the other reverse method: 1 − 超出比例 — a convention)
        # a row of the budget's 执行率 (≥95% | 97.86% | 10 | 9.79): scored 分值 × the rate itself, the
        # execution item's rule, as well as against its target
        by_rate = _EXECUTION.search(ind.name or "") and ind.actual is not None and ind.actual.is_rate \
            and (rate_score := _score(ind.actual.value / 100, ind.weight.value)) is not None \
            and abs(rate_score - ind.self_score.value) < SCORE_TOLERANCE
        # a score that follows the completion the report states (said wrong): the completion is the error,
        # the score a warning that says it follows
        by_stated = ind.completion is not None and follows_rate(ind.completion, ind.weight.value, ind.self_score.value)
        banded = _banded_score(facts, completion, ind.weight.value)
        if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE and not by_rate \
                and not at_its_places(expected, ind.self_score) and not _to_whole_points(facts, expected, ind) \
                and not _scored_from_rounded(completion, ind) \
                and not _under_floor(facts, completion, ind.self_score.value) and not _scored_unrounded(ind, reverse_method) \
                and not _at_full_line(facts, completion, ind.self_score.value, ind.weight.value) \
                and (banded is None or abs(banded - ind.self_score.value) >= SCORE_TOLERANCE):
            # a row with a scoring rule of its own we could not read: a warning that says so — the row's
            # 评分标准 cell, or a rule the report states for it by name ("造林成活率按分档计分，…得分值的一半")
            own_rule = ind.own_rule or _rule_said_for(facts, ind)
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
            proportional = bool(own_rule) and _only_proportional(own_rule)
            say, own = (report.warning, f"（该指标另有评分标准：{own_rule[:40]}）") if own_rule and not proportional \
                else (report.error, "")
            if not own_rule and not ind.scored_apart and ind.self_score.value - ind.weight.value >= SCORE_TOLERANCE:
                say, own = report.error, "（得分超过分值）"     # (above its own points by any rule)
            elif ind.scored_apart and not (ind.rule_line and _only_proportional(ind.own_rule)):
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
            elif not proportional and (bands := _COMPLETION_BANDS.search(facts.text)) is not None:   # scored by bands the report states
                say, own = report.warning, own + f"（报告按完成率分档计分：{bands.group(0)[:30]}）"
            elif not proportional and _by_a_deduction_rule(facts, ind):
                return      # (scored by a rule of deductions the report states, its shortfall in percentage points:
                # "定量指标每低于目标1个百分点扣0.5分": 75% − 72.6% = 2.4, 8 − 1.2)
            elif not proportional and (deducted := next((rule for rule, of_a_kind in _deduction_rules(facts.text)
                                                         if not of_a_kind), None)) is not None:
                # (a rule of one kind's only — "质量指标每低于…" — leaves the usual rule's score to a row of no kind read)
                say, own = report.warning, own + f"（报告另有扣分规则：{deducted[:30]}）"
            elif not _in_a_table(facts, ind) and not _PROPORTIONAL.search(facts.text):
                # a sentence's indicator, in a report that does not say its shortfalls score in
                # proportion (it may deduct by steps): the usual rule's score, a warning that says so
                say, own = report.warning, own + "（报告未写明按完成比例计分）"
            elif _in_a_table(facts, ind) and ind.self_score.value < ind.weight.value \
                    and not a_slip_of(facts, ind.self_score, expected):
                # a table's row scored below its points otherwise than in proportion, by a difference of no slip's
                # shape: the row may be scored by steps or bands of its own — or by the report's proportion, its
                # figures read from another row. A warning (full marks for a shortfall stays an error)
                say, own = report.warning, own + "（差额不似笔误，该行可能另有评分标准或所读数字不对应，请核对）"
            say("SCORE_MISMATCH", facts.where(ind.self_score.start),
                f"指标「{name}」权重 {ind.weight.value:g} 分 × 完成率 {min(completion, 1) * 100:.2f}% = "
                f"{expected:.2f} 分，报告自评 {ind.self_score.value:g} 分{own}{quoted(facts, ind.self_score)}")


_DEDUCTED = re.compile(r"(?<![每均各])扣(?:除|减)?\s*(?P<points>\d+(?:\.\d+)?)\s*分")


def _deducted_as_said(facts: Facts, ind: Indicator) -> bool:
    """The score's own sentence takes one deduction off its points and the two agree ("本项满分15分，少完成3,200亩，
    扣0.32分，得14.68分"): the report's own deduction for the shortfall, not its proportion."""
    start, end = sentence_bounds(facts.text, ind.self_score.start)
    taken = list(_DEDUCTED.finditer(facts.text, start, ind.self_score.start))
    return len(taken) == 1 and abs(ind.weight.value - float(taken[0].group("points")) - ind.self_score.value) < 1e-6


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
    expected = _score(min(ind.actual.value / 100, 1), ind.weight.value)
    # (… scored from the rate before it was rounded: 1,668.21 ÷ 1,781.40 = 93.6465%, "93.65%", 10 × it = 9.36)
    unrounded = [_score(min(rate / 100, 1), ind.weight.value) for rate in
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


def _banded_score(facts: Facts, completion: float, weight: float) -> float | None:
    """The score the report's own completion bands give ("…90%（含）—100%之间的得该项分值的80%…"), recomputed by
    the core's TIER_SCORE (None: no bands read whole)."""
    bands = _COMPLETION_BANDS.search(facts.text)
    if bands is None:
        return None
    start, end = sentence_bounds(facts.text, bands.start())
    return share_score(facts.text[start:end], completion * 100, weight)


def _to_whole_points(facts: Facts, expected: float, ind: Indicator) -> bool:
    """A shortfall's score written as a whole number, the proportional score rounded to it ("19" for 20 × 96% = 19.2),
    in a table's row or a report that writes every indicator's score so (three at least): its precision (never full
    marks: "20" for 19.6 is a shortfall scored full)."""
    scores = [i.self_score for i in facts.indicators if i.self_score is not None]
    whole = _in_a_table(facts, ind) or len(scores) >= 3 and all(n.decimals == 0 for n in scores)
    return whole and ind.self_score.decimals == 0 and ind.self_score.value < ind.weight.value \
        and abs(excel_round(expected, 0) - ind.self_score.value) < 1e-9


def _at_full_line(facts: Facts, completion: float, score: float, weight: float) -> bool:
    """Full marks for a completion at or above the line the report states for them ("完成率95%以上的得满分")."""
    line = _FULL_LINE.search(facts.text) if abs(score - weight) < SCORE_TOLERANCE else None
    return line is not None and completion * 100 >= float(line.group(1)) - 1e-9


def _under_floor(facts: Facts, completion: float, score: float) -> bool:
    """"完成率低于60%的不得分": a score of nought for a completion under the floor the report states."""
    floor = _FLOOR.search(facts.text) if score == 0 else None
    return floor is not None and completion * 100 < float(floor.group(1))


_OWN_BANDS = re.compile(r"分档|区间|得满分|不得分|得分值的|每(?:少|低|超|多)|扣\s*\d"
                        r"|%\s*(?:\(含\)|（含）)?\s*(?:及?以上|及?以下|以内)?\s*得\s*\d+(?:\.\d+)?\s*分")   # ("≤10%得5分，10%—20%（含）得4分")


_DEDUCTION = re.compile(r"每(?:少|低|降低|减少|超过?|多|下降|低于)[^，,；;。]{0,14}?扣\s*\d+(?:\.\d+)?\s*分")


def _by_a_deduction_rule(facts: Facts, ind: Indicator) -> bool:
    """A rate's row short of its target scored as one of the report's rules of deductions per point gives."""
    return ind.target.is_rate and ind.actual.is_rate and ind.direction in (">=", ">", "=") and any(
        (by_rule := per_point_score(rule, ind.target.value - ind.actual.value, ind.weight.value)) is not None
        and abs(by_rule - ind.self_score.value) < 1e-9 for rule, _ in _deduction_rules(facts.text))


def _deduction_rules(text: str) -> list[tuple[str, bool]]:
    """The rules of deductions the report states for its indicators — not the execution rate's own
    ("预算执行率每低1个百分点扣0.5分" is the execution item's): each its words and whether it is said of one kind."""
    rules = []
    for rule in _DEDUCTION.finditer(text):
        before = re.split(r"[。；;\n]", text[:rule.start()])[-1]     # (its statement: the text's semicolons are ASCII)
        if "执行率" not in before and "进度" not in before:
            rules.append((rule.group(0), _OF_A_KIND.search(before) is not None))
    return rules


# a rule said of one kind of indicator ("质量指标每低于指标值1个百分点扣0.5分", "满意度…每低1个百分点扣0.5分"): not
# known to be a row's whose kind is not read — a rule of rates or of every indicator is ("率类指标未达到指标值的，…")
_OF_A_KIND = re.compile(r"(?:数量|质量|时效|成本|效益|满意度|社会|经济|生态|可持续)")


def _rule_said_for(facts: Facts, ind: Indicator) -> str:
    """A rule the report states for this indicator by its name (four characters of its name's end at
    least) in a statement of its own: its words — the bands it states where one such statement states
    them whole ("评分标准为：按期完工率95%（含）以上得6分，90%（含）至95%得4分，90%以下不得分，本项得4分"), else the
    first such statement's words — else ""."""
    name = _key(ind.name or "")
    own = ind.self_score.start if ind.self_score else -1
    said = []
    for statement in re.finditer(r"[^。；;\n]+", facts.text):
        if statement.start() <= own < statement.end() or not _OWN_BANDS.search(statement.group()):
            continue
        words = _key(statement.group())
        if any(name[k:] in words for k in range(0, max(len(name) - 3, 0))):
            said.append(statement.group().strip())
    banded = [bands for words in said if (bands := _bands_in(words))]
    return banded[0] if banded else said[0] if said else ""


_BAND_CLAUSE = re.compile(r"\d+(?:\.\d+)?\s*%?[^，,]*?(?:得\s*\d+(?:\.\d+)?\s*分|不得分)$")


def _bands_in(words: str) -> str:
    """The bands a statement states, its clauses of a bound and the points it gives, one after another, the words
    before the first bound left out ("评分标准为：按期完工率95%（含）以上得6分" → "95%（含）以上得6分"); "" where
    fewer than two or the bands cannot be read whole."""
    clauses = re.split(r"[，,]", words)
    run = [re.sub(r"^[^\d≥≤<>]*?(?=[≥≤<>]?\s*\d)", "", c.strip()) for c in clauses if _BAND_CLAUSE.search(c.strip())]
    bands = "；".join(run)
    return bands if len(run) >= 2 and stated_tiers(bands) is not None else ""


# "年接待读者人次完成目标的92%，按评分办法该项得9.6分（分值10分）": a completion, then its item's score and points
_COMPLETION_SAID = re.compile(r"(?:完成(?:年度)?(?:目标|计划)(?:值)?的|完成率\s*(?:为|达)?)\s*$")


def check_scores_of_completions(facts: Facts, report: FindingList) -> None:
    """An item's score against the completion said in its clauses before it, where the report states that a
    shortfall scores in proportion (and no bands of its own)."""
    if not _PROPORTIONAL.search(facts.text) or _COMPLETION_BANDS.search(facts.text):
        return
    for item in facts.items:
        if item.weight is None or report.names(facts.where(item.score.start)):
            continue
        start = statement_start(facts.text, item.score.start)
        said = [n for n in facts.numbers if start <= n.start < item.score.start and n.is_rate]
        # (what was achieved may be a rate said before its completion: "转移就业率66.59%，完成目标的95.13%，得…")
        said = [n for n in said if _COMPLETION_SAID.search(n.label)] if len(said) == 2 else said
        if len(said) != 1 or not _COMPLETION_SAID.search(said[0].label) or said[0].value > 100:
            continue
        expected = _score(said[0].value / 100, item.weight.value)
        figures = [n for n in facts.numbers if start <= n.start < said[0].start and not n.is_rate]   # (before the completion)
        if expected is not None and abs(expected - item.score.value) >= SCORE_TOLERANCE \
                and not _completion_said_wrong(facts, report, item, said[0], figures):
            say, why = by_shape(report, facts, item.score, expected)
            if not _completion_of_its_figures(said[0], figures):
                say, why = report.warning, "（完成率前所写数字不得出该完成率，错处或在完成率，请核对）"
            say("SCORE_MISMATCH", facts.where(item.score.start),
                f"报告写完成率 {said[0].value:g}%，按完成比例计分：分值 {item.weight.value:g} × {said[0].value:g}% = "
                f"{expected:.2f} 分，报告写 {item.score.value:g} 分{why}{quoted(facts, item.score)}")


def _completion_of_its_figures(said: Number, figures: list[Number]) -> bool:
    """The completion said is what the figures its statement gives before it come to (any two, the less over the
    greater), or it has none of two: else which of the completion and the score is the slip is not certain."""
    figures = [n for n in figures if n.value > 0]
    return len(figures) < 2 or any(at_stated(min(a.value, b.value) / max(a.value, b.value), said)
                                   for k, a in enumerate(figures) for b in figures[k + 1:])


# "目标48万亩" / "完成46.3万亩", "实际完成…": which of the two amounts is the target and which what was done
_TARGET_WORD = re.compile(r"目标|计划|指标值|任务")
_DONE_WORD = re.compile(r"完成|实际|累计|达到")
_UNIT_AFTER = re.compile(r"[^\d\s,，;；。、|()（）%]{0,4}")


def _completion_said_wrong(facts: Facts, report: FindingList, item, said: Number, amounts: list[Number]) -> bool:
    """The completion said before an item's score is not what the two amounts its statement gives before it come to,
    and the score is its points × what they do come to ("完成46.3万亩，目标48万亩，完成率97.46%" scored 9.65: 46.3 ÷ 48 =
    96.46%): the completion is the slip, said — an error where the words name the target and what was done."""
    units = {_UNIT_AFTER.match(facts.text, n.end).group() for n in amounts}
    if len(amounts) != 2 or len(units) != 1 or not next(iter(units)) or not min(n.value for n in amounts) > 0:
        return False     # (two figures of one unit written after each: 46.3万亩, 48万亩)
    low, high = sorted(amounts, key=lambda n: n.value)
    completion = low.value / high.value
    scored = _score(completion, item.weight.value)
    if scored is None or abs(scored - item.score.value) >= SCORE_TOLERANCE or at_stated(completion, said):
        return False
    labels = [re.split(r"[,，;；]", n.label)[-1] for n in amounts]
    named = sorted(bool(_TARGET_WORD.search(t)) - bool(_DONE_WORD.search(t)) for t in labels) == [-1, 1]
    (report.error if named else report.warning)(
        "COMPLETION_MISMATCH", facts.where(said.start),
        f"报告写完成率 {said.value:g}%，按 {low.value:g}{next(iter(units))}÷{high.value:g}{next(iter(units))} 应为 {completion * 100:.2f}%"
        f"（得分 {item.score.value:g} 分即按此计）{quoted(facts, said)}")
    return True


def check_items_over_their_points(facts: Facts, report: FindingList) -> None:
    """An item scored above its own points ("资金到位率（6分）：…自评得6.5分"): an error where one line says both, else a
    warning (its points may have been read from another statement)."""
    for item in facts.items:
        weight, score = item.weight, item.score
        if weight is None or score.value - weight.value < SCORE_TOLERANCE or weight.is_rate or score.is_rate \
                or BONUS_ROW.match(text_key(item.name)) or _WITH_BONUS.search(item.name) \
                or report.names(facts.where(score.start)):
            continue      # (a 小计 said to hold the bonus: "小计（含加分1分）")
        one_line = "\n" not in facts.text[min(weight.start, score.start):max(weight.end, score.end)]
        # (a group's score over its points where one of the indicators it adds is scored over its own: that row's
        # slip carried up — the row is the error, the group's a warning that says so)
        carried = _LEVEL1_GROUP.fullmatch(_key(item.name)) and any(
            i.weight is not None and i.self_score is not None and not i.weight.is_rate and not i.self_score.is_rate
            and i.self_score.value - i.weight.value >= SCORE_TOLERANCE for i in facts.indicators)
        (report.error if one_line and not carried else report.warning)(
            "SCORE_MISMATCH", facts.where(score.start),
            f"「{item.name}」得分 {score.value:g} 分，超过其分值 {weight.value:g} 分"
            f"{'（其下有指标得分超过该指标分值，见该行）' if carried else ''}{quoted(facts, score)}")


_EXECUTION = re.compile(r"(?:预算|资金|支出)执行率$|^执行率$")
_LEVEL1_GROUP = words()["level1_group"]
_WITH_BONUS = re.compile(r"含\s*(?:加分|奖励分)")
_PROPORTIONAL = words()["proportional_rule"]
_FLOOR = words()["score_floor"]
_FULL_LINE = words()["full_marks_line"]
_COMPLETION_BANDS = words()["completion_bands"]
_SATISFACTION_RULE = words()["satisfaction_rule"]


def _scored_by_satisfaction(facts: Facts, ind: Indicator, report: FindingList, name: str) -> bool:
    """A 满意度 row in a report whose rule scores it by the satisfaction itself ("满意度指标得分＝分值×满意度"): its
    score is 分值 × the satisfaction, above its target or not — said wrong, an error where the difference has a
    slip's shape. Whether the row was scored so."""
    if "满意度" not in (ind.name or "") or not ind.actual.is_rate or ind.own_rule \
            or not _SATISFACTION_RULE.search(facts.text):
        return False
    expected = _score(ind.actual.value / 100, ind.weight.value)
    if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE \
            and not at_its_places(expected, ind.self_score):
        say, why = by_shape(report, facts, ind.self_score, expected)
        say("SCORE_MISMATCH", facts.where(ind.self_score.start),
            f"指标「{name}」满意度 {ind.actual.value:g}%，按报告所写“满意度指标得分＝分值×满意度”应得 "
            f"{ind.weight.value:g} × {ind.actual.value:g}% = {expected:.2f} 分，报告自评 {ind.self_score.value:g} 分"
            f"{why}{quoted(facts, ind.self_score)}")
    return True


def _in_a_table(facts: Facts, ind: Indicator) -> bool:
    """Whether the indicator is a row of a table (a form's, whose 填表说明 sets the proportional rule)."""
    start = facts.text.rfind("\n", 0, ind.start) + 1
    end = facts.text.find("\n", ind.start)
    return CELL in facts.text[start:end if end >= 0 else len(facts.text)]
_PER_UNIT = re.compile(r"每.{0,12}扣")


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


_OTHER_SCORING = re.compile(r"得\s*\d|扣|不得分|分档|档|减半|得分值的")


def _only_proportional(rule: str) -> bool:
    """The row's rule says it scores in proportion and nothing else ("≥600家，未达到按比例计分"): the usual rule."""
    return _PROPORTIONAL.search(rule) is not None and not _OTHER_SCORING.search(_PROPORTIONAL.sub("", rule))


def _by_own_rule(facts: Facts, ind: Indicator, report: FindingList, name: str) -> bool:
    """The score of a row by the bands its own 评分标准 states ("≥95%得10分；90%（含）-95%得8分…"),
    recomputed by the core's TIER_SCORE; whether the bands could be read."""
    if ind.actual is None or not ind.actual.is_rate:
        return False
    points = band_score(ind.own_rule, ind.actual.value, ind.weight.value)
    if points is None:
        return False
    if abs(points - ind.self_score.value) >= SCORE_TOLERANCE:
        report.error("SCORE_MISMATCH", facts.where(ind.self_score.start),
                     f"指标「{name}」实际 {ind.actual.value:g}%，按该行评分标准（{ind.own_rule[:40]}）应得 {points:g} 分，"
                     f"报告自评 {ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")
    return True


def _by_faults_found(facts: Facts, ind: Indicator, report: FindingList, name: str) -> None:
    """A row scored by its own deduction per fault ("每发现1处不符扣0.5分") with the faults it found said in its
    实际完成值 ("账实不符3处"): every operand the row's — its score against its 分值 less the deductions."""
    if not ind.own_rule or ind.actual is None or ind.weight is None or ind.self_score is None:
        return
    words = re.split(r"[|\s]+", ind.actual.label.strip(" |"))[-1]
    points = per_fault_score(ind.own_rule, ind.actual.value, ind.actual.unit, words, ind.weight.value)
    if points is not None and abs(points - ind.self_score.value) >= SCORE_TOLERANCE:
        report.error("SCORE_MISMATCH", facts.where(ind.self_score.start),
                     f"指标「{name}」{words}{ind.actual.value:g}{ind.actual.unit}，按该行评分标准（{ind.own_rule[:40]}）应得 "
                     f"{points:g} 分，报告自评 {ind.self_score.value:g} 分{quoted(facts, ind.self_score)}")


def _score(completion: float, weight: float) -> float | None:
    try:
        return indicator_score(completion, weight)
    except CellError:   # a weight the core refuses (negative): nothing to compare
        return None


def dir_symbol(ind: Indicator) -> str:
    """The target's sign as a sentence writes it: none for "=" ("目标 95")."""
    return "" if ind.direction == "=" else DIRECTION_SYMBOLS.get(ind.direction or "", "")


# ------------------------------------------------------------------ totals and grade
