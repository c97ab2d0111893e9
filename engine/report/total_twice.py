"""The total said twice, two values ("摘要：…自评得分96.42分" and "综上，…自评得分96.24分", the 评分表's 合计 row
96.24): one of them is wrong, or one is of something else (a bonus or a deduction said in words not read, another
unit's). A warning: at the one the items' scores do not add up to, else naming both (as an error it raised false
ones on held-out cases: a sub-unit's or another evaluation's total said with its grade)."""
from __future__ import annotations

import re

from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import text_key
from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number, sentence_bounds
from .plain import kind_stated
from .stated import by_shape, quoted
from .vocabulary import vocabulary, words


_GROUP = words()["level1_group"]
# a bonus or a deduction said with its points ("加分1分", "加1分", "扣0.5分")
_BONUS_ROW_SAID = r"(?:加分项?|减分项?|扣分项?)\s*(?:加|扣除?|减)?"     # "加分1分", "扣分项扣1分": points a row adds or takes off
_BONUS = re.compile(rf"(?:{_BONUS_ROW_SAID}|扣除(?:扣分项|减分项)?|(?<![增追])加)\s*(\d+(?:\.\d+)?)\s*分"
                    r"|扣\s*(\d+(?:\.\d+)?)\s*分\s*后(?=\s*(?:的)?\s*(?:自评|综合|最终|总)?(?:得分|总分))")
# (a total's bonus or penalty — "扣除扣分项1分后", "扣分项扣1分", "扣1分后自评得分…" —, not an item's "扣1分": in its score)
_PER_UNIT = re.compile(r"每[^，,。；;]*$")    # ("每低1个百分点扣1分": a rule's points, no bonus)


def _sums_of_items(facts: Facts) -> list[float]:
    """What the report's item scores add up to, of those whose 分值 make up the full mark: all of them, its 一级
    groups', or its other rows' (a 评分表 of 一级 and 二级 rows) — or its indicators' scores."""
    # (each item once — a table's rows and the sentences saying them again read alike —, no total row among them)
    once = list({(text_key(i.name), i.weight and i.weight.value, i.score.value): i for i in facts.items
                 if text_key(i.name) not in vocabulary()["scores"]["total_rows"]}.values())
    groups = [i for i in once if _GROUP.fullmatch(text_key(i.name))]
    rows = [i for i in once if i not in groups and not text_key(i.name).endswith("小计")]   # (投入小计: a group's)
    sums = []
    for listed in (once, groups, rows):
        weights = [i.weight.value for i in listed if i.weight is not None]
        if len(listed) >= 2 and len(weights) == len(listed) and abs(sum(weights) - 100) < SCORE_TOLERANCE:
            sums.append(perf_total([i.score.value for i in listed]))
    return sums + _sums_of_indicators(facts)


def _sums_of_indicators(facts: Facts) -> list[float]:
    """The indicators' own scores, where their 分值 make up the full mark (then they are all of them) — with the
    预算执行率 item where a form gives it apart."""
    scored = [(i.weight, i.self_score) for i in facts.indicators
              if i.weight is not None and i.self_score is not None and not i.item_too]
    execution = [(i.weight, i.score) for i in facts.items if i.row_id == "budget_execution" and i.weight is not None]
    return [perf_total([score.value for _, score in rows]) for rows in [scored] + ([scored + execution[:1]] if execution else [])
            if len(rows) >= 2 and abs(sum(w.value for w, _ in rows) - 100) < SCORE_TOLERANCE]


def check_total_by_indicators(facts: Facts, report: FindingList) -> None:
    """The total of a 项目支出 report (one project: a 部门整体 one may score several, each its own indicators), said
    once, against the indicators' scores whose 分值 make up 100, where nothing else was checked against it (no items
    read): an error for a slip's shape, else a warning; a warning where the report speaks of
    points added or taken off the total."""
    total = facts.total
    sums = _sums_of_indicators(facts)
    if total is None or len(sums) != 1 or kind_stated(facts.text) != "项目支出" \
            or facts.items and any(i.row_id != "budget_execution" for i in facts.items) \
            or report.names(facts.where(total.start)) or any(f.code == "TOTAL_MISMATCH" for f in report.findings):
        return
    bonus = sum(facts.forms.bonus) if facts.forms is not None else 0.0    # (a form's 加分项 / 扣分项 rows)
    if abs(sums[0] - total.value) < SCORE_TOLERANCE or bonus and abs(sums[0] + bonus - total.value) < SCORE_TOLERANCE:
        return
    say, why = by_shape(report, facts, total, sums[0])
    if re.search(r"加分|扣分项|减分|扣除", facts.text):
        say, why = report.warning, "（报告另有加减分，请核对）"
    say("TOTAL_MISMATCH", facts.where(total.start),
        f"各指标得分合计 {sums[0]:.2f} 分（分值合计100分），报告写总分 {total.value:g} 分{why}{quoted(facts, total)}")


def _of_another(facts: Facts, n: Number) -> bool:
    """A total of something else: a project's in a 部门整体 report ("该项目自评得分为96.4分"), or the full mark
    (100: "总分最高不超过100分")."""
    begin, end = sentence_bounds(facts.text, n.start)
    # (… or one of several projects' scored in one sentence: "甲项目自评得分99.46分，乙项目自评得分98.00分")
    several = len(re.findall(r"项目(?:绩效)?(?:自评)?(?:得分|总分)", facts.text[begin:end])) >= 2
    return n.value == 100 or several or kind_stated(facts.text) != "项目支出" and "项目" in facts.text[begin:n.start]


def _form_total_row(facts: Facts) -> tuple[Number, str] | None:
    """The form's 总分 / 合计 figure and the words of its row before it."""
    total = facts.forms.total if facts.forms is not None else None
    return (total, facts.text[facts.text.rfind("\n", 0, total.start) + 1:total.start]) if total is not None else None


def _form_total(facts: Facts) -> Number | None:
    """The 自评表's 总分 / 合计 row, when the row says it is of the full mark (100 before it): not a part's
    合计 ("合计 | 80 | 78.73")."""
    row = _form_total_row(facts)
    if row is None or _BEFORE_BONUS.search(row[1]):
        return None     # ("合计（加减分前） | 100 | 96.52": the items' sum, the total comes after its bonus)
    if re.search(r"(?<![\d.])100(?:\.0+)?(?![\d.])", row[1]):
        return row[0]
    # ("| 合计 | | | 95.25 |" under a header of no 分值 column — the points in brackets in the names —: the full
    # mark's when the items read from it make up 100)
    words = re.sub(r"[|\s]", "", row[1])
    alone = not words or text_key(words) in vocabulary()["scores"]["total_rows"]
    return row[0] if alone and _sums_of_items(facts) else None


_BEFORE_BONUS = re.compile(r"(?:加减分|加分|扣分|减分)前")


def _sum_before_bonus(facts: Facts) -> list[float]:
    """The 评分表's 合计 said to be before its bonus and deductions: what its items add up to."""
    row = _form_total_row(facts)
    return [row[0].value] if row is not None and _BEFORE_BONUS.search(row[1]) else []


def check_totals_said_twice(facts: Facts, report: FindingList, framed: list[float] = ()) -> None:
    """`framed`: the items' sum as the framework's rows take them (a 评分表 and the sentences saying the same
    scores read once)."""
    said = [n for n in facts.totals_said if not _of_another(facts, n)]
    form = _form_total(facts)
    values = sorted({round(n.value, 2) for n in said + ([form] if form else [])})
    if len(values) != 2 or any(v <= 0 or v > 120 for v in values):
        return
    gap = abs(values[1] - values[0])
    sums = _sums_of_items(facts) + list(framed) + _sum_before_bonus(facts)
    bonus = sum(facts.forms.bonus) if facts.forms is not None else 0.0    # (the form's 加分项 / 扣分项 rows under its 合计)
    plain = list(sums)
    sums += [perf_total([s, bonus]) for s in sums] if bonus else []
    # (… unless the items' sum is known and neither is it: "合计（加减分前）96.52 … 最终得分97.02" and "综合得分97.52" —
    # both totals after the bonus, one of them left without the 扣0.5分)
    neither_the_sum = bool(sums) and not any(abs(s - v) < SCORE_TOLERANCE for s in sums for v in values)
    bonuses = [m for m in _BONUS.finditer(facts.text) if abs(float(m.group(1) or m.group(2)) - gap) < SCORE_TOLERANCE
               and not _PER_UNIT.search(facts.text, max(m.start() - 16, 0), m.start())]
    if not neither_the_sum and bonuses:
        _before_the_bonus_said_as_total(facts, report, said, bonuses)
        return      # "总分97.81分（其中指标得分96.81分、加分1分）": the total and the items' sum, a bonus apart
    said += [form] if form else []
    if _rounded_apart(said):
        # "自评得分95.5分" and the table's 95.45: the same total, one said to fewer places — the total the finer one
        facts.total = max(said, key=lambda n: n.decimals)
        return
    added = [v for v in values if any(abs(s - v) < SCORE_TOLERANCE for s in sums)]
    if len(added) == 1:
        right = added[0]
        if facts.total is not None and round(facts.total.value, 2) != right:
            facts.total = next(n for n in said if round(n.value, 2) == right)   # the report's: its items' sum
            begin, end = sentence_bounds(facts.text, facts.total.start)
            if facts.grade is not None and begin <= facts.grade[1] < end:
                facts.grade_apart = False   # (the grade said with this total's own figure: weighed against it)
        for n in (n for n in said if round(n.value, 2) != right):
            if not report.names(facts.where(n.start)):
                # (an error where it is off the items' sum as a slip of the hand is: "93.8" for 93.3)
                say, why = by_shape(report, facts, n, right)
                begin, end = sentence_bounds(facts.text, n.start)
                # (… or over it by the very points one item lost: that item counted at full marks, or the total not
                # updated when its score was lowered)
                full = None if say == report.error or _BEFORE_REVIEW.search(facts.text, begin, end) \
                    else _item_at_full_marks(facts, n.value - right)
                if full:
                    say, why = report.error, f"（多出的 {n.value - right:.2f} 分恰为「{full}」未得的分数，似按满分计入或未随评分更新）"
                summed = "各项得分之和" if any(abs(s - right) < SCORE_TOLERANCE for s in plain) else "各项得分之和计入加减分后"
                say("TOTAL_MISMATCH", facts.where(n.start),
                    f"报告两处写总分不一致：此处 {n.value:g} 分，另处 {right:g} 分；{summed}为 {right:g} 分{why}"
                    f"{quoted(facts, n)}")
        return
    if form is not None and len({round(n.value, 2) for n in said if n is not form}) < 2:
        return      # (a form's 总分 may be one project's of several: said apart from the items, not certain enough)
    first, other = _first_of_each(said, values)
    if not report.names(facts.where(first.start)):
        report.warning("TOTAL_MISMATCH", facts.where(first.start),
                       f"报告两处写总分不一致：{first.value:g} 分与 {other.value:g} 分（{facts.where(other.start)}），"
                       f"各项得分未能读全，请核对哪一处有误{quoted(facts, first)}")


def _item_at_full_marks(facts: Facts, gap: float) -> str | None:
    """The item or indicator whose points left unscored are `gap` (a total said over the items' sum by that much): the
    total counted it at full marks, or was not updated when its score was lowered — a loss to a tenth at most (a
    deduction's, a 定性 tier's: 0.5, 0.8, 2), not a proportion's hundredths, of which a report has many to coincide."""
    if abs(gap * 10 - round(gap * 10)) > 1e-6:
        return None
    scored = [(i.name, i.weight, i.score) for i in facts.items] + [(i.name, i.weight, i.self_score) for i in facts.indicators]
    lost = {text_key(name): name for name, weight, score in scored if weight is not None and score is not None
            and weight.value > score.value and abs(weight.value - score.value - gap) < SCORE_TOLERANCE}
    return next(iter(lost.values())) if len(lost) == 1 else None     # (one such item only: not a coincidence of several)


# a total said as the one before a review ("原自评得分98.39分，经复核调整为…"): no slip, whatever it differs by
_BEFORE_REVIEW = re.compile(r"原|调整前|初评|复核前|修正前|审定前")


# a total's own name before its figure ("自评得分为", "综合得分"), not a sum's ("各项指标得分合计", "加减分前得分")
_NAMED_TOTAL = re.compile(r"(?:自评|综合|评价|绩效)(?:得分|总分|评分)\s*(?:为|是|达)?\s*$")
_A_SUM = re.compile(r"合计|之和|小计|指标得分|[加扣减]分前|[加扣减]分项?")


def _before_the_bonus_said_as_total(facts: Facts, report: FindingList, said: list[Number], bonuses: list) -> None:
    """A sentence saying the items' sum, the bonus or deduction and the total after it ("各项指标得分合计95.45分，扣减
    扣分项1分后，自评总分为94.45分"): the report's total is the one after it. The sum said elsewhere by a total's
    own name ("经自评，…自评得分为95.45分"), with no word of the bonus in its sentence, is the total left without it —
    a warning."""
    for bonus in bonuses:
        begin, end = sentence_bounds(facts.text, bonus.start())
        before = [n for n in said if begin <= n.start < bonus.start()]
        after = [n for n in said if bonus.end() <= n.start < end]
        if len(before) != 1 or len(after) != 1 or round(before[0].value, 2) == round(after[0].value, 2):
            continue
        if facts.total is not None and round(facts.total.value, 2) == round(before[0].value, 2):
            facts.total = after[0]      # (the report's total: the one after its bonus or deduction)
        for n in said:
            start, stop = sentence_bounds(facts.text, n.start)
            clause = re.split(r"[,，;；]", n.label)[-1]
            if round(n.value, 2) == round(before[0].value, 2) and not begin <= n.start < end and _NAMED_TOTAL.search(clause) \
                    and not _A_SUM.search(clause) and not _BONUS.search(facts.text, start, stop) \
                    and not report.names(facts.where(n.start)):
                report.warning("TOTAL_MISMATCH", facts.where(n.start),
                               f"此处写总分 {n.value:g} 分，报告另处写{bonus.group(0)}后总分为 {after[0].value:g} 分"
                               f"（{facts.where(after[0].start)}）：此处未计入该加减分{quoted(facts, n)}")
        return


def _rounded_apart(said: list[Number]) -> bool:
    """The two totals one figure written to fewer decimal places: the other rounded to them."""
    fewer = min(said, key=lambda n: n.decimals)
    return all(excel_round(n.value, fewer.decimals) == fewer.value for n in said if n.decimals > fewer.decimals) \
        and any(n.decimals > fewer.decimals for n in said) \
        and all(n.value == fewer.value for n in said if n.decimals == fewer.decimals)


def _first_of_each(said: list[Number], values: list[float]) -> tuple[Number, Number]:
    """The one said fewer times first (the odd one out), else the one said first."""
    by_value = {v: [n for n in said if round(n.value, 2) == v] for v in values}
    one, two = sorted(by_value.values(), key=lambda ns: (len(ns), ns[0].start))
    return one[0], two[0]


# the items' sum, the points added and taken off, and the total after them, in one sentence: "各项指标合计得分96.69分，
# 加分1分，扣分0.5分，最终得分97.19分", "合计94.25分，扣分项扣1分，自评得分93.25分"
_TERM = rf"(?:{_BONUS_ROW_SAID}|扣除|扣减|(?<![增追])加|扣|减)\s*\d+(?:\.\d+)?\s*分\s*后?"
_SUM_AND_TERMS = re.compile(r"(?:合计|指标得分|合计得分|得分合计|之和)\s*(?:得分)?\s*(?:为|是)?\s*(?P<sum>\d+(?:\.\d+)?)\s*分"
                            rf"(?P<terms>(?:\s*[,，;；]?\s*(?:另|再)?{_TERM})+)\s*[,，;；]?\s*(?:的)?\s*"
                            r"(?:最终|自评|综合|最后)?(?:得分|总分|评分|自评得分)\s*(?:为|是)?\s*(?P<total>\d+(?:\.\d+)?)\s*分")
_TERM_FIGURE = re.compile(_TERM.replace(r"\d+(?:\.\d+)?", r"(?P<points>\d+(?:\.\d+)?)"))
_CAPPED = re.compile(r"(?:最高|不超过|封顶)[^。；;\n]{0,8}100\s*分")


def check_bonus_said_with_total(facts: Facts, report: FindingList) -> None:
    """The total said after the items' sum and the points added and taken off, in one sentence: the sum plus the
    bonus less the deductions (at most 100 where the report caps it) — every figure in that sentence, so an error."""
    for said in _SUM_AND_TERMS.finditer(facts.text):
        total = facts.number_at(said.start("total"))
        if total is None or facts.number_at(said.start("sum")) is None or report.names(facts.where(total.start)):
            continue
        terms = [(-1 if m.group(0).lstrip()[0] in "扣减" else 1) * float(m.group("points"))
                 for m in _TERM_FIGURE.finditer(said.group("terms"))]
        expected = perf_total([float(said.group("sum")), *terms])
        if _CAPPED.search(facts.text):
            expected = min(expected, 100.0)
        if abs(expected - total.value) >= SCORE_TOLERANCE:
            say, why = by_shape(report, facts, total, expected)
            say("TOTAL_MISMATCH", facts.where(total.start),
                f"合计 {said.group('sum')} 分{''.join(f'{t:+g}' for t in terms)} 分 = {expected:g} 分，此处写总分 "
                f"{total.value:g} 分{why}{quoted(facts, total)}")
