"""The data-level findings of SPEC section 8: what does not add up in a submission."""
from __future__ import annotations

from typing import Callable, Mapping

from . import arithmetic, parsing
from .errors import NA, CellError
from .findings import SCORE_TOLERANCE, FindingList
from .indicators import INDICATOR_COLUMNS, IndicatorResult
from .rounding import excel_round
from .rulesets import RuleSet
from .scoring import ItemResult
from .submission import Submission, input_path

STATED_RATE_TOLERANCE = 0.0001  # 0.01 percentage point
UNSPENT_SHARE = 0.20           # more than this share of the budget unspent
DEVIATION_LOW, DEVIATION_HIGH = 1.0, 1.3
AHEAD_MARGIN = 0.05            # indicators 5 points ahead of spending
_EPS = 1e-9
# what people write in 偏差原因 when they explain nothing
NO_REASON = {"", "无", "/", "-", "--", "—", "——", "暂无", "无偏差", "无。", "NONE", "N/A", "NA", "不适用"}


def self_number(value: object, path: str, label: str, report: FindingList) -> float | None:
    """A self-reported score; a malformed one is a BAD_VALUE finding, not a crash."""
    if parsing.is_blank(value):
        return None
    try:
        return parsing.parse_number(value, label, ("分",), path, allow_percent=False)
    except CellError as exc:
        report.error("BAD_VALUE", path, exc.message)
        return None


def rates(sub: Submission, computed: Callable[[str], float | None] | None = None) -> dict[str, float | None]:
    """Every derived rate whose inputs are given, to 4 decimals (null when undefined): the
    value `computed(key)` gives (a workbook's formula), else the Python rate."""
    out = {}
    for key in sub.rule_set.rates:
        if sub.rate_given(key):
            try:
                value = sub.rate(key)[0] if computed is None else computed(key)
            except CellError:
                value = None
            out[key] = None if value is None else excel_round(value, 4)
    return out


def _cell_error(report: FindingList, exc: CellError, fallback_path: str, consequence: str) -> None:
    code = "MISSING_INPUT" if exc.code == NA and exc.message.startswith("缺少输入") else "BAD_VALUE"
    report.error(code, exc.field or fallback_path, f"{exc.message}；{consequence}")


def run(report: FindingList, rule_set: RuleSet, sub: Submission, items: list[ItemResult],
        indicators: list[IndicatorResult], indicator_rows: list[Mapping], evaluation,
        self_scores: Mapping, stated_rates: Mapping, self_grade: object) -> None:
    for key in sub.unknown_keys():
        report.error("BAD_VALUE", f"inputs.{key}", f"评分框架 {rule_set.id} 没有输入项：{key}")
    for key in self_scores:
        if key != "total" and key not in {r.id for r in rule_set.rows}:
            report.error("BAD_VALUE", f"self_scores.{key}", f"评分框架 {rule_set.id} 没有评分项：{key}")
    _identity(report, evaluation)
    _input_errors(report, items, indicators)
    _typed_inputs(report, sub)
    _indicator_structure(report, rule_set, items, indicators, indicator_rows)
    _score_mismatches(report, evaluation)
    _totals(report, rule_set, evaluation, self_grade)
    _sum_consistency(report, sub)
    _stated_rates(report, sub, stated_rates)
    _budget_warnings(report, sub)
    _deviations(report, indicators, indicator_rows)
    _completion_ahead(report, sub, indicators)


def _identity(report, evaluation) -> None:
    """A submission says whose it is: without 部门名称 a bureau can neither file nor pair it."""
    if parsing.is_blank(evaluation.dept_name):
        report.error("MISSING_INPUT", "dept_name", "缺少输入：部门（单位）名称；汇总表无法按单位归档、配对和查重")


def _input_errors(report, items, indicators) -> None:
    for ind in indicators:
        for exc in ind.errors:
            _cell_error(report, exc, f"indicators[{ind.row}]", f"第{ind.row}行指标「{ind.name}」无法计分")
    for item in items:
        for exc in item.errors:
            _cell_error(report, exc, f"items.{item.row.id}", f"「{item.row.name}」无法计分")


def _typed_inputs(report: FindingList, sub: Submission) -> None:
    """A value that is wrong for its own field even where a score could read it (284件 in a
    万元 cell is 284 to PERF_SUM): the score stands, the bureau still sees the cell."""
    for key in sub.rule_set.inputs:
        if sub.typed(key) and not report.names(input_path(key)):
            try:
                sub.value(key)
            except CellError as exc:
                _cell_error(report, exc, input_path(key), "请按本栏要求填写")


def _indicator_structure(report, rule_set, items, indicators, indicator_rows) -> None:
    for ind in indicators:
        unknown = [k for k in indicator_rows[ind.row - 1] if k not in INDICATOR_COLUMNS]
        for key in unknown:
            report.error("BAD_VALUE", f"indicators[{ind.row}].{key}", f"绩效指标表没有这一列：{key}")
    groups = [i for i in items if i.row.indicator_part is not None]
    if groups and all(g.row.indicator_part.get("level1") for g in groups):
        grouped = {m.row for g in groups for m in g.members}
        allowed = "、".join(g.row.level1 for g in groups)
        for ind in indicators:
            if ind.row not in grouped:
                report.error("BAD_VALUE", f"indicators[{ind.row}].level1",
                             f"第{ind.row}行指标「{ind.name}」的一级指标应为{allowed}：{ind.level1 or '（空）'}")
    for group in groups:
        target = group.row.indicator_part.points
        if group.weight_mismatch:
            report.error("WEIGHT_SUM", f"items.{group.row.id}",
                         f"「{group.row.name}」各指标权重合计 {group.indicator_weight:g} 分，应为 {target:g} 分")


def _score_mismatches(report, evaluation) -> None:
    for item in evaluation.items:
        _mismatch(report, item["self_score"], item["score"], f"self_scores.{item['id']}", f"「{item['name']}」")
    for ind in evaluation.indicators:
        _mismatch(report, ind["self_score"], ind["score"], f"indicators[{ind['row']}].self_score",
                  f"第{ind['row']}行指标「{ind['name']}」")


def _mismatch(report, claimed, computed, path: str, what: str) -> None:
    if claimed is not None and computed is not None and abs(claimed - computed) >= SCORE_TOLERANCE - _EPS:
        report.error("SCORE_MISMATCH", path,
                     f"{what}自评得分 {claimed:.2f}，按评分规则计算应为 {computed:.2f}（相差 {claimed - computed:+.2f}）")


def _totals(report, rule_set, evaluation, self_grade) -> None:
    claimed, total = evaluation.self_total, evaluation.total
    if claimed is not None and total is not None and abs(claimed - total) >= SCORE_TOLERANCE - _EPS:
        own = [i["self_score"] for i in evaluation.items]
        note = ""
        if None not in own and abs(sum(own) - claimed) >= SCORE_TOLERANCE:
            note = f"；各项自评得分之和为 {sum(own):.2f}"
        report.error("TOTAL_MISMATCH", "self_scores.total",
                     f"自评总分 {claimed:.2f}，按评分规则计算应为 {total:.2f}{note}")
    if evaluation.grade is None:
        return
    stated = None if parsing.is_blank(self_grade) else str(self_grade).strip()
    basis = f"自评等级「{stated}」" if stated else None
    if stated is None and claimed is not None:
        stated = arithmetic.perf_grade(claimed, rule_set.grade_bands)
        basis = f"自评总分 {claimed:.2f} 对应等级「{stated}」"
    if stated is not None and stated != evaluation.grade:
        report.error("GRADE_MISMATCH", "self_grade" if not parsing.is_blank(self_grade) else "self_scores.total",
                     f"{basis}，按计算总分 {evaluation.total:.2f} 应为「{evaluation.grade}」")


def _sum_consistency(report, sub: Submission) -> None:
    for spec in sub.rule_set.inputs.values():
        parts = [p for p in spec.sum_of if sub.typed(p)]
        if not (spec.sum_of and parts and sub.typed(spec.key)):
            continue
        try:
            total, summed = sub.value(spec.key), sum(sub.value(p) for p in parts)
        except CellError:
            continue  # reported where the value is used
        if abs(total - summed) >= SCORE_TOLERANCE:
            report.error("BAD_VALUE", f"inputs.{spec.key}",
                         f"{sub.label(spec.key)}填写 {total:g}，与分项之和 {summed:g} 不符")


def _stated_rates(report, sub: Submission, stated_rates: Mapping) -> None:
    for key, raw in stated_rates.items():
        spec = sub.rule_set.rates.get(key)
        path = f"stated_rates.{key}"
        if spec is None:
            report.error("BAD_VALUE", path, f"没有这一比率：{key}")
            continue
        if parsing.is_blank(raw):
            continue
        try:
            stated = parsing.parse_rate(raw, f"报告填写的{spec.label}", path)
        except CellError as exc:
            report.error("BAD_VALUE", path, exc.message)
            continue
        if not sub.rate_given(key):
            continue
        try:
            computed = sub.rate(key)[0]
            num = sum(sub.value(k) for k in spec.num)
            den = sum(sub.value(k) for k in spec.den)
        except CellError:
            continue
        if abs(stated - computed) >= STATED_RATE_TOLERANCE - _EPS:
            report.warning("STATED_RATE_MISMATCH", path,
                           f"报告填写的{spec.label}为 {excel_round(stated, 4):.2%}，按金额计算为 {excel_round(computed, 4):.2%}"
                           f"（{num:,.2f} ÷ {den:,.2f}）")


def _budget_warnings(report, sub: Submission) -> None:
    try:
        budget = sub.value("budget_total") if sub.given("budget_total") else None
        spent = sub.value("spend_total") if sub.given("spend_total") else None
    except CellError:
        return
    if budget == 0:
        report.warning("ZERO_BUDGET", "inputs.budget_total", "全年预算数为0，预算执行率无法正常计算")
    elif budget is not None and spent is not None and (budget - spent) / budget > UNSPENT_SHARE + _EPS:
        report.warning("UNSPENT", "inputs.spend_total",
                       f"全年预算 {budget:,.2f} 万元，执行 {spent:,.2f} 万元，"
                       f"未执行 {(budget - spent) / budget:.2%}（超过{UNSPENT_SHARE:.0%}）")


def _deviations(report, indicators, indicator_rows) -> None:
    for ind in indicators:
        c = ind.completion
        if c is None or DEVIATION_LOW - _EPS <= c < DEVIATION_HIGH - _EPS:
            continue
        reason = parsing.normalize(str(indicator_rows[ind.row - 1].get("deviation_reason") or "")).upper()
        if reason in NO_REASON:
            report.warning("DEVIATION_UNEXPLAINED", f"indicators[{ind.row}].deviation_reason",
                           f"第{ind.row}行指标「{ind.name}」完成率 {excel_round(c, 4):.2%}，未说明偏差原因")


def _completion_ahead(report, sub: Submission, indicators) -> None:
    done = [min(i.completion, 1.0) for i in indicators if i.completion is not None]
    if not done or not sub.rate_given("exec_rate"):
        return
    try:
        spent = sub.rate("exec_rate")[0]
    except CellError:
        return
    average = sum(done) / len(done)
    if average - spent > AHEAD_MARGIN + _EPS:
        report.warning("COMPLETION_AHEAD", "rates.exec_rate",
                       f"绩效指标平均完成率 {average:.2%} 高于预算执行率 {spent:.2%} 超过{AHEAD_MARGIN * 100:g}个百分点")
