"""What does not add up in a report's own text (SPEC 8, `check-report`): stated rates against
their amounts, sums against their parts, each indicator's completion, deviation and score,
the item scores against the total, the total against the grade — at the precision stated.
The recomputed total comes from the data the report gives (extract.data) scored by the rule
set given or inferred."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core import rulesets
from ..core.arithmetic import perf_grade, perf_total, ratio_score
from ..core.errors import CellError
from ..book.scoredata import evaluate
from ..core.findings import SCORE_TOLERANCE, Finding, FindingList
from ..core.rates import exec_rate
from .facts import Facts
from .coverage import Coverage, coverage, report_kind
from .converted import check_converted_total
from .declared import check_declared_total
from .group_rows import check_groups_said_apart
from .group_totals import check_group_items_total, check_group_totals_said_before
from .total_twice import check_bonus_said_with_total, check_total_by_indicators, check_totals_said_twice
from .source_rates import check_scope_rates, check_scope_rates_by_table, check_source_rates, check_source_rows_rates
from .extract import assign_items, claims_of, data_of, infer_rule_set
from .gradescale import grade_scale_said, stated_grade_bands
from .completions_said import check_completions_said_apart, check_shares_of_targets
from .indicator_checks import REVERSE_SAID, check_indicator
from .item_checks import check_items_over_their_points, check_scores_of_completions
from .execution_points import check_row_times_rule
from .named_rates import (check_against_the_plan, check_named_rates, check_paid_and_left, check_paid_of_a_fund, check_rate_then_left, check_shares_explained,
                          check_year_on_year)
from .rate_checks import check_arrival_rates, check_stated_rates
from .rates_apart import check_carry_rate, check_headline_rate, check_section_rates
from .numbers import Number
from .tier_words import check_tier_scores
from .two_sided import check_two_sided_tables
from .bonus_cap import check_bonus_cap
from .breakdowns import check_breakdowns_side_by_side
from .column_rates import check_column_rates
from .rates_of_rows import check_rate_said_of_a_row, check_rates_said_of_rows
from .table_checks import (check_amount_tables, check_rate_after_table, check_rate_of_a_tables_total, check_funds_part_rates,
                           check_funds_parts, check_funds_subtotals, table_rate)
from .table_sums import check_column_sums, check_row_totals, check_total_at_the_head
from .satisfaction_bands import check_satisfaction_bands
from .said_formula import (OWN_EXECUTION_RULE, check_execution_deduction, check_row_execution,
                           check_said_bands, check_said_execution, check_said_points_rate, check_said_rate_rule,
                           check_said_share, follows_rate, score_to_four_places)
from .said_total import check_said_total
from .stated import EPS, amount_text, at_its_places, at_stated, by_shape, quoted
from .deductions import check_said_deductions
from .economic import check_economic_breakdown
from .score_sums import check_group_rows, check_group_scores, check_listed_scores
from .sum_checks import check_added_on, check_budget_equation, check_sums, check_table_columns, check_written_sums
from .totals import STRONG_TOTAL



@dataclass
class ReportCheck:
    source: str
    facts: Facts
    rules: rulesets.RuleSet | None      # the rule set the report was checked by
    findings: list[Finding] = field(default_factory=list)
    computed_total: float | None = None
    coverage: Coverage = field(default_factory=Coverage)
    kind: str = "部门整体"              # or 项目支出: which form the report is

    @property
    def checkable(self) -> bool:
        """Whether any budget, spending, indicator or total was read: else nothing was checked."""
        return self.coverage.checkable

    @property
    def rule_set(self) -> str | None:
        return self.rules.id if self.rules else None

    @property
    def stated_total(self) -> float | None:
        return self.facts.total.value if self.facts.total else None

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict:
        return {"source": self.source, "report_kind": self.kind, "rule_set": self.rule_set, "claims": claims_of(self.facts),
                **self.coverage.to_dict(), "stated_total": self.stated_total, "computed_total": self.computed_total,
                "findings": [f.to_dict() for f in self.findings]}


def check(facts: Facts, rule_set: rulesets.RuleSet | str | None = None) -> ReportCheck:
    """`rule_set`: the object, an id or a file (rulesets.load); else the one the report follows."""
    report = FindingList()
    given = bool(rule_set)
    rule_set = rulesets.load(rule_set) if rule_set else infer_rule_set(facts)
    result = ReportCheck(facts.report.source, facts, rule_set)
    reverse_method = rule_set.reverse_method if rule_set else "ratio"
    assign_items(facts, rule_set)
    check_stated_rates(facts, report)
    check_headline_rate(facts, report)
    check_named_rates(facts, report)
    check_paid_and_left(facts, report)
    check_rate_then_left(facts, report)
    check_paid_of_a_fund(facts, report)
    check_shares_explained(facts, report)
    check_year_on_year(facts, report)
    check_against_the_plan(facts, report)
    check_sums(facts, report)
    check_economic_breakdown(facts, report)
    check_written_sums(facts, report)
    check_added_on(facts, report)
    check_listed_scores(facts, report)
    check_group_scores(facts, report)
    check_group_rows(facts, report)
    check_said_deductions(facts, report)
    check_budget_equation(facts, report)
    check_total_at_the_head(facts, report)
    check_amount_tables(facts, report)
    check_rate_after_table(facts, report)
    check_rate_of_a_tables_total(facts, report)
    check_rates_said_of_rows(facts, report)
    check_rate_said_of_a_row(facts, report)
    check_column_rates(facts, report)
    check_row_totals(facts, report)
    check_column_sums(facts, report)
    check_funds_parts(facts, report)
    check_breakdowns_side_by_side(facts, report)
    check_funds_subtotals(facts, report)
    check_funds_part_rates(facts, report)
    # a report that states its reverse indicators' completion as 目标值÷实际值 is scored by that one method
    said_reverse = not given and REVERSE_SAID.search(facts.text) is not None
    reverse_method = "ratio" if said_reverse else reverse_method
    # (an item scored above its points, in its own row, first: said so whatever its indicator's figures read elsewhere)
    check_items_over_their_points(facts, report)
    check_bonus_cap(facts, report)
    for ind in facts.indicators + facts.restated:
        check_indicator(facts, ind, report, reverse_method, either_reverse_method=not given and not said_reverse)
    check_completions_said_apart(facts, report, reverse_method)
    check_satisfaction_bands(facts, report)
    check_shares_of_targets(facts, report)
    check_scores_of_completions(facts, report)
    result.kind = report_kind(facts, result.rule_set)
    _form_execution(facts, report, result.kind)
    check_said_execution(facts, report)
    check_row_times_rule(facts, report)     # (a row stating its own rule "得分＝执行率×分值" by it, before the
    check_row_execution(facts, report)      # 预算执行率 row's warning that a framework may band it)
    check_said_bands(facts, report)
    check_execution_deduction(facts, report)
    check_tier_scores(facts, report)
    check_said_total(facts, report)
    check_group_totals_said_before(facts, report)
    check_said_share(facts, report)
    check_carry_rate(facts, report)
    check_section_rates(facts, report)
    check_arrival_rates(facts, report)
    check_source_rates(facts, report)
    check_source_rows_rates(facts, report)
    check_scope_rates(facts, report)
    check_scope_rates_by_table(facts, report)
    check_said_points_rate(facts, report)
    check_said_rate_rule(facts, report)
    _form_total(facts, report)
    check_groups_said_apart(facts, report)
    check_declared_total(facts, report)
    check_group_items_total(facts, report)
    check_two_sided_tables(facts, report)
    check_table_columns(facts, report)     # (last: a column another check said of is not said again)
    # (the items' sum by the framework's rows, where their 分值 make up 100: one more sum the totals may be)
    framed = _stated_sum(facts, rule_set) if rule_set else None
    check_bonus_said_with_total(facts, report)
    check_totals_said_twice(facts, report, [framed[0]] if framed and framed[1] is not None and abs(framed[1] - 100) < EPS else [])
    converted = check_converted_total(facts, report)
    result.computed_total = _totals(facts, rule_set, report, given, converted)
    check_total_by_indicators(facts, report)
    result.findings = report.findings
    result.coverage = coverage(facts, len(rule_set.rows) if rule_set else 0)
    return result



def _form_execution(facts: Facts, report: FindingList, kind: str) -> None:
    """The 执行率 row of a form's funds block: its stated 执行率 against its amounts; its 得分 against 分值 × 执行率 (capped at 100%), the
    rate from the row's own 全年执行数 ÷ 全年预算数 — the project form's rule, so an error on a
    项目支出 form and a warning on another, whose framework may score it otherwise."""
    forms = facts.forms
    if not forms:
        return
    if {"budget_total", "spend_total"} <= set(forms.amounts):
        _execution_row(facts, report, kind, forms.amounts, forms.rates.get("exec_rate"), forms.execution)
    elif not forms.amounts and not forms.execution:
        # (a form for each project, or the department's and a project's: none of them the report's own — each
        # execution row against its own amounts)
        for table in forms.funds_tables:
            if table.total and {"budget_total", "spend_total"} <= set(table.total) and not table.listing:
                _execution_row(facts, report, kind, table.total, table.rate, table.execution)


def _execution_row(facts: Facts, report: FindingList, kind: str, amounts: dict, stated: Number | None,
                   execution: dict) -> None:
    budget, spent = amounts["budget_total"], amounts["spend_total"]
    if stated is not None and facts.amount(budget) and not report.names(facts.where(stated.start)):
        table_rate(facts, report, "表中", stated, facts.amount(spent), facts.amount(budget), ("全年执行数", "全年预算数 "))
    if not {"weight", "score"} <= set(execution):
        return
    weight, score = execution["weight"], execution["score"]
    try:
        rate = exec_rate(facts.amount(spent), facts.amount(budget))
        expected = ratio_score(rate, weight.value)
    except CellError:
        return
    # (9.3 for 10 × 93.46% = 9.346: a form that keeps its scores to one place — rounded once, from four places)
    if abs(expected - score.value) >= SCORE_TOLERANCE and not at_its_places(score_to_four_places(rate, weight.value), score):
        # the score follows the rate the form states (said wrong: that is the error), or the report has an
        # execution rule of its own ("执行率每低1个百分点扣0.5分"): a warning that says so
        follows = stated is not None and follows_rate(stated, weight.value, score.value)
        if follows and at_stated(rate, stated):
            return    # 分值 × the rate as the form states it (rounded right): 9.66 for 96.55% of 96.546%
        own_rule = OWN_EXECUTION_RULE.search(facts.text)
        note = f"（得分与表中执行率 {stated.value:g}% 一致，随该执行率有误）" if follows else \
            "（报告另写有执行率评分规则）" if own_rule else ""
        (report.error if kind == "项目支出" and not note else report.warning)(
            "SCORE_MISMATCH", facts.where(score.start),
            f"预算执行率 {amount_text(facts.amount(spent))}÷{amount_text(facts.amount(budget))} = {rate * 100:.2f}%，× 分值 "
            f"{weight.value:g} = {expected:.2f} 分，表中写 {score.value:g} 分{note}{quoted(facts, score)}")


def _form_total(facts: Facts, report: FindingList) -> None:
    """A 自评表's 总分 row (or a 评分表's 合计 row) against the scores of its rows, when their 分值
    add up to its 分值."""
    forms = facts.forms
    if forms is None:
        return
    for total, scores in forms.each_form_adding_up() if forms.total is None else ():   # (a form for each project)
        _total_of_rows(facts, report, total, scores, "自评表各行得分合计")
    for scores, table in ((forms.rows_adding_up(), "自评表"), (forms.score_rows_adding_up(), "评分表")):
        if scores is None:
            continue
        added = forms.bonus[:len(forms.bonus) - forms.after_total]   # (not those under a 合计 no final score closes)
        bonus = f"，加减分 {sum(added):+g} 分" if added else ""
        _total_of_rows(facts, report, forms.total, scores, f"{table}各行得分合计", f"（分值合计 {forms.total_weight.value:g} 分{bonus}）",
                       added)
        return


def _total_of_rows(facts: Facts, report: FindingList, total: Number, scores: list[Number], called: str,
                   weighed: str = "", bonus: list[float] = ()) -> None:
    """The 总分 row against its rows' scores and the points its 加分项 / 扣分项 rows add or take off."""
    stated = perf_total([s.value for s in scores] + list(bonus))
    if abs(stated - total.value) >= SCORE_TOLERANCE:
        say, why = by_shape(report, facts, total, stated, tuple(scores))
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"{called} {stated:.2f} 分{weighed}，总分行写 {total.value:g} 分{why}{quoted(facts, total)}")


_GRADE_ORDER = ("优", "良", "中", "差")
_A_TOTALS_NAME = re.compile(r"自评得分|评价得分|绩效得分|自评分")


def _totals(facts: Facts, rs: rulesets.RuleSet | None, report: FindingList, given: bool,
            converted: Number | None = None) -> float | None:
    """`converted`: the score the total converts to on 100 points, where the report says one (converted.py)."""
    total = facts.total
    told = any(f.code == "TOTAL_MISMATCH" for f in report.findings)   # by the form's own rows
    # the framework given (a workbook's, --rule-set) grades by its bands; else a scale the report
    # states for itself ("85分（含）以上为优…") before an inferred framework's
    bands = rs.grade_bands if rs and given else stated_grade_bands(facts.text) or (rs.grade_bands if rs else None)
    # a scale the report does not state (nor the framework given): the usual one's grade a band away is
    # a warning that says so — provinces draw their bands differently; two bands away, wrong by any
    scale_known = bool(rs and given) or grade_scale_said(facts.text)
    # (a total on another scale graded as the score it converts to on 100: "满分80分，自评得分73.15分，折合百分制91.44分")
    on_100 = converted or total
    graded = [(on_100, facts.grade[0], facts.grade[1], "综合得分" if on_100 is total else "折合百分制得分")] \
        if total is not None and facts.grade is not None else []
    graded += [(score, grade, offset, "自评得分") for score, grade, offset in facts.graded    # a project's, in one sentence
               if score is not total and not (facts.grade and offset == facts.grade[1])]
    for score, grade, offset, called in graded:
        expected = perf_grade(score.value, bands)
        if expected != grade:
            certain = scale_known or (expected in _GRADE_ORDER and grade in _GRADE_ORDER
                                      and abs(_GRADE_ORDER.index(expected) - _GRADE_ORDER.index(grade)) >= 2)
            # a total not named as one (a bare "得分…", not 综合得分 / 总分 / a form's 总分 row) may be an item's:
            # its grade is checked, a warning
            named = re.split(r"[,，;；(（]", score.label)[-1]
            a_total = converted is not None and score is converted or STRONG_TOTAL.search(named) is not None or _A_TOTALS_NAME.search(named) is not None \
                or facts.forms is not None and score is facts.forms.total
            if facts.grade_apart and score is on_100:
                continue    # (the grade said beside another figure of the total, which the totals' check weighs)
            why = "" if certain and a_total else "（报告未写明等级划分，按90/80/60分划分）" if not certain else "（未写明此分数是总分）"
            (report.error if certain and a_total else report.warning)(
                "GRADE_MISMATCH", facts.where(offset),
                f"{called} {score.value:g} 分应评为“{expected}”{why}，"
                f"报告写“{grade}”{quoted(facts, score)}")
    if rs is None:
        return None
    stated, weighed = _stated_sum(facts, rs) or (None, None)
    # a table whose rows add up to its total row was checked by its own rows (_form_total)
    added_up = facts.forms is not None and facts.forms.total is not None and total is not None \
        and facts.forms.total.value == total.value and (
        facts.forms.score_rows_adding_up() is not None or facts.forms.rows_adding_up() is not None)
    # items tied to an inferred framework's rows by name: an error when their own 分值 make up 100 (the
    # report says they are the whole), else a warning that says so
    whole = weighed is not None and abs(weighed - 100) < EPS
    if total is not None and stated is not None and abs(stated - total.value) >= SCORE_TOLERANCE and not told \
            and not added_up:
        say, why = (report.error, "") if given else by_shape(report, facts, total, stated) if whole else (report.warning, "")
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"各项自评得分合计 {stated:.2f} 分{'' if given or whole else f'（按由报告推断的评分框架 {rs.id} 归项）'}，"
            f"报告写综合得分 {total.value:g} 分{why}{quoted(facts, total)}")
    evaluation = evaluate(data_of(facts, rs), rule_set=rs)
    computed = evaluation.total
    for item in evaluation.items:
        said = next((i for i in facts.items if i.row_id == item["id"]), None)
        repeated = said and any(f.code == "SCORE_MISMATCH" and f.where == facts.where(said.score.start) for f in report.findings)
        # an item whose stated 分值 is not the framework's (预算执行（20分） against its 10): the framework
        # inferred is not the report's for it — nothing to say of its score
        weighed_otherwise = said and said.weight is not None and not given and abs(said.weight.value - item["weight"]) >= EPS
        # (an execution scored by a rule the report states — "每低1个百分点扣0.5分" —: not the framework's)
        weighed_otherwise = weighed_otherwise or (said and not given and item["id"] == "budget_execution"
                                                  and OWN_EXECUTION_RULE.search(facts.text))
        # (… or scored 分值 × the 执行率 it states, "预算执行率97.15%，得9.72分": the report's own convention, where
        # the framework inferred gives full marks above a line or works from the amounts unrounded)
        stated_rate = facts.keyed_rates().get("exec_rate")
        weighed_otherwise = weighed_otherwise or (said and not given and item["id"] == "budget_execution"
                                                  and stated_rate is not None and follows_rate(
                                                      stated_rate, (said.weight.value if said.weight else item["weight"]),
                                                      said.score.value, said.score.decimals))
        if said and not repeated and not weighed_otherwise and item["score"] is not None and abs(item["score"] - said.score.value) >= SCORE_TOLERANCE:
            (report.error if given else report.warning)(   # by an inferred framework: a warning that says so
                "SCORE_MISMATCH", facts.where(said.score.start),
                f"「{item['name']}」按报告中的数字{'' if given else f'（由报告推断的评分框架 {rs.id}）'}应得 "
                f"{item['score']:.2f} 分，报告写 {said.score.value:g} 分{quoted(facts, said.score)}")
    explained = any(f.code == "SCORE_MISMATCH" for f in report.findings)   # (a score said wrong moves the total)
    # (… a form whose 加分项 / 扣分项 rows move its 总分, weighed by its own rows: the framework has no such row)
    explained = explained or bool(facts.forms and facts.forms.bonus and facts.forms.total is not None
                                  and total is not None and facts.forms.total.value == total.value)
    # (… nor a form whose rows add up to its 总分 by a framework inferred: each row's score is weighed by its own check,
    # by the row's rule where it states one — the framework's recomputation knows no such rule)
    explained = explained or added_up and not given
    if total is not None and computed is not None and abs(computed - total.value) >= SCORE_TOLERANCE \
            and not explained and not told:
        # by a framework the report was given (a workbook, --rule-set) an error; by one inferred
        # from its figures, a warning that says so: precision first
        say = report.error if given else report.warning
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"按报告中的数字重新计算（{rs.id}{'' if given else '，由报告推断的评分框架'}）综合得分为 {computed:.2f} 分，"
            f"报告写 {total.value:g} 分{quoted(facts, total)}")
    return computed


def _stated_sum(facts: Facts, rs) -> tuple[float, float | None] | None:
    """The sum of the stated item scores, when every row of the rule set has one, and the sum of
    their stated 分值 (None: not every one is stated)."""
    scores, weights = [], []
    for row in rs.rows:
        said = next((i for i in facts.items if i.row_id == row.id), None)
        if said is not None:
            scores.append(said.score.value)
            weights.append(said.weight.value if said.weight else None)
        elif row.indicator_part is not None and row.indicator_part.get("level1") is None:
            indicators = [i for i in facts.indicators if not i.item_too]
            own = [i.self_score.value for i in indicators if i.self_score is not None]
            if not own or len(own) < len(indicators):
                return None
            scores.append(sum(own))
            weights.append(None if any(i.weight is None for i in indicators) else sum(i.weight.value for i in indicators))
        else:
            return None
    return perf_total(scores), (None if None in weights else sum(weights))
