"""Score a submission's rows and indicators by its rule set.

Errors are collected, not raised: every item comes back with a score or with the
`CellError`s that stopped it, so one bad cell never hides the rest of the sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from . import methods, parsing
from .errors import VALUE, CellError
from .rounding import excel_round
from .rulesets import Part, Row, RuleSet
from .submission import Submission

INDICATOR_COLUMNS = ("level1", "level2", "name", "direction", "target", "unit", "midyear_actual",
                     "actual", "weight", "coefficient", "self_score", "score", "deviation_reason",
                     "improvement")
INDICATOR_LABELS = dict(zip(INDICATOR_COLUMNS, (
    "一级指标", "二级指标", "三级指标", "指标性质", "目标值", "计量单位", "年中完成值", "实际完成值",
    "权重", "定性系数", "自评得分", "得分", "偏差原因", "改进措施")))


def indicator_path(row: int, column: str | None = None) -> str:
    return f"indicators[{row}]" + (f".{column}" if column else "")


@dataclass
class IndicatorResult:
    row: int                      # 1-based position in the submitted table
    name: str
    level1: str
    weight: float | None = None
    completion: float | None = None
    score: float | None = None
    errors: list[CellError] = field(default_factory=list)


@dataclass
class ItemResult:
    row: Row
    score: float | None = None
    errors: list[CellError] = field(default_factory=list)
    indicator_weight: float | None = None   # the sum of its indicators' weights
    members: list[IndicatorResult] = field(default_factory=list)


def _collect(errors: list[CellError], compute, *args) -> object:
    try:
        return compute(*args)
    except CellError as exc:
        errors.append(exc)
        return None


# --------------------------------------------------------------------- indicators
def score_indicator(n: int, raw: Mapping[str, object], reverse_method: str) -> IndicatorResult:
    name = str(raw.get("name") or "").strip()
    result = IndicatorResult(n, name, str(raw.get("level1") or "").strip())
    errors = result.errors

    def label(column: str) -> str:
        return f"第{n}行指标「{name}」的{INDICATOR_LABELS[column]}"

    def path(column: str) -> str:
        return indicator_path(n, column)

    direction = _collect(errors, parsing.parse_direction, raw.get("direction"), label("direction"), path("direction"))
    result.weight = _collect(errors, parsing.parse_count, raw.get("weight"), label("weight"), path("weight"))
    actual_key = "actual"
    if direction == "定性" and not parsing.is_blank(raw.get("coefficient")):
        actual_key = "coefficient"
    if direction is not None:
        result.completion = _collect(
            errors, methods.indicator_completion, direction, raw.get("target"), raw.get(actual_key),
            reverse_method, (label("target"), label(actual_key)), (path("target"), path(actual_key)))
    if result.completion is not None and result.weight is not None and not errors:
        result.score = methods.indicator_score(result.completion, result.weight)
    return result


def score_indicators(rule_set: RuleSet, rows: list[Mapping[str, object]]) -> list[IndicatorResult]:
    """Rows with no name are blank table rows: ignored, as in the workbook."""
    return [score_indicator(n, raw, rule_set.reverse_method)
            for n, raw in enumerate(rows, 1) if not parsing.is_blank(raw.get("name"))]


def indicator_members(rule_set: RuleSet, row: Row, indicators: list[IndicatorResult]) -> list[IndicatorResult]:
    wanted = row.indicator_part.get("level1")
    if not wanted:
        return list(indicators)
    names = {parsing.normalize(w) for w in wanted}
    return [i for i in indicators if parsing.normalize(i.level1) in names]


# --------------------------------------------------------------------------- rows
def score_row(row: Row, sub: Submission, indicators: list[IndicatorResult]) -> ItemResult:
    result = ItemResult(row)
    for override in row.overrides:
        flag = _collect(result.errors, sub.value, override.input)
        if flag:
            result.score = row.weight if override.score is None else override.score
            return result
    if result.errors:
        return result
    total = 0.0
    for part in row.parts:
        if part.method == "indicators":
            points = _indicator_points(row, sub.rule_set, indicators, result)
        else:
            points = _part_points(part, sub, result.errors)
        if points is not None:
            total += points
    if not result.errors and (row.indicator_part is None or _indicators_ok(result, row)):
        result.score = excel_round(total, 2)
    return result


def _indicators_ok(result: ItemResult, row: Row) -> bool:
    return (all(m.score is not None for m in result.members)
            and result.indicator_weight is not None
            and abs(result.indicator_weight - row.indicator_part.points) < 0.005)


def _indicator_points(row: Row, rule_set: RuleSet, indicators, result: ItemResult) -> float | None:
    result.members = indicator_members(rule_set, row, indicators)
    weights = [m.weight for m in result.members]
    result.indicator_weight = None if None in weights else sum(weights)
    scores = [m.score for m in result.members]
    return None if None in scores else sum(scores)


def _part_points(part: Part, sub: Submission, errors: list[CellError]) -> float | None:
    try:
        return _PART_METHODS[part.method](part, sub, errors)
    except CellError as exc:
        errors.append(exc)
        return None


def _rated(part: Part, sub: Submission, score) -> float:
    rate, empty = sub.rate(part.get("rate"))
    if empty and part.get("empty_full"):
        return part.points
    return score(rate)


def _ratio(part: Part, sub: Submission, errors) -> float:
    def score(rate: float) -> float:
        zero_above = part.get("zero_above")
        if zero_above is not None and rate > zero_above:
            return 0.0
        return methods.ratio_score(rate, part.points, part.get("cap", 1.0))
    return _rated(part, sub, score)


def _tiers(part: Part, sub: Submission, errors) -> float:
    return _rated(part, sub, lambda rate: float(methods.tier_score(rate, part.tiers)))


def _excess(part: Part, sub: Submission, errors) -> float:
    rate, _ = sub.rate(part.get("rate"))
    return methods.excess_deduct(rate, part.get("limit"), part.get("per_point"), part.points)


def _deduct(part: Part, sub: Submission, errors) -> float:
    return methods.deduct_score(part.points, sub.value(part.get("count")), part.get("per_item"))


def _quarterly(part: Part, sub: Submission, errors) -> float | None:
    budget = _collect(errors, sub.value, part.get("budget"))
    spent = [_collect(errors, sub.value, q) for q in part.get("quarters")]
    if budget is None or None in spent:
        return None
    try:
        return methods.quarter_score(budget, *spent, part.get("quarter_points", 1.0), part.get("average_points", 2.0))
    except CellError as exc:
        raise exc.located(f"inputs.{part.get('budget')}") from None


def _check(part: Part, sub: Submission, errors) -> float | None:
    points = [_collect(errors, _check_item, sub, item.input, item.max) for item in part.items]
    return None if None in points else sum(points)


def _check_item(sub: Submission, key: str, maximum: float) -> float:
    try:
        return methods.check_score(sub.value(key), maximum, sub.label(key))
    except CellError as exc:
        raise exc.located(f"inputs.{key}") from None


def _choice(part: Part, sub: Submission, errors) -> float:
    key = part.get("input")
    answer = parsing.normalize(sub.value(key))
    for option, points in part.get("options").items():
        if parsing.normalize(option) == answer:
            return float(points)
    allowed = "、".join(part.get("options"))
    raise CellError(VALUE, f"{sub.label(key)}应为{allowed}：{sub.value(key)}", f"inputs.{key}")


_PART_METHODS = {
    "ratio": _ratio, "tiers": _tiers, "excess": _excess, "deduct": _deduct,
    "quarterly": _quarterly, "check": _check, "choice": _choice,
}


def score_rows(rule_set: RuleSet, sub: Submission, indicators: list[IndicatorResult]) -> list[ItemResult]:
    return [score_row(row, sub, indicators) for row in rule_set.rows]


def total_of(items: list[ItemResult]) -> float | None:
    scores = [i.score for i in items]
    return None if None in scores else methods.perf_total(scores)
