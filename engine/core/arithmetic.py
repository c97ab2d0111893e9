"""The arithmetic of SPEC section 4's scoring methods on parsed values: plain functions,
each testable on its own; the Excel functions (udfs.registry) and the method table
(methods.py) call them, and their keyword defaults are the only place a default lives.

Each returns points.  The methods whose result is an item's score round to 2 decimals,
as every item score is (9.316 → 9.32, 5.8742 → 5.87); EXCESS_DEDUCT is a continuous
deduction inside an item (0.916) and is left exact, the item rounding its sum.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import catalogue
from .errors import NA, VALUE, CellError
from .parsing import is_blank, normalize, parse_indicator_value, parse_number, parse_rate, parse_text
from .rates import completion_rate
from .rounding import excel_round

QUALITATIVE_TIERS = catalogue.QUALITATIVE_TIERS

DEFAULT_GRADE_BANDS = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (float("-inf"), "差"))


# 4.1 ------------------------------------------------------------------------------
def ratio_score(rate: float, weight: float, cap: float = 1.0) -> float:
    return catalogue.RATIO_SCORE(rate, weight, cap)


# 4.2 ------------------------------------------------------------------------------
def qualitative_coefficient(tier: str, coefficient: float) -> float:
    """The coefficient of a 定性 indicator, checked against the tier the department chose."""
    return catalogue.QUALITATIVE(normalize(tier), coefficient)


def indicator_completion(direction: str, target: object, actual: object, reverse_method: str = "ratio",
                         labels: tuple[str, str] = ("目标值", "实际完成值"),
                         fields: tuple[str | None, str | None] = (None, None)) -> float:
    """完成率 from the values as typed; for 定性, `target` is the tier and `actual` the coefficient."""
    if direction == "定性":
        tier = parse_text(target, labels[0], fields[0])
        coefficient = parse_rate(actual, "定性系数", fields[1])
        try:
            return qualitative_coefficient(tier, coefficient)
        except CellError as exc:
            raise exc.located(fields[1]) from None
    target_value = parse_indicator_value(target, labels[0], fields[0])
    actual_value = parse_indicator_value(actual, labels[1], fields[1])
    try:
        return completion_rate(direction, target_value, actual_value, reverse_method)
    except CellError as exc:
        raise exc.located(fields[0]) from None


def indicator_score(completion: float, weight: float) -> float:
    """PERF_SCORE = round(weight × min(completion, 1), 2); a negative completion scores 0."""
    return catalogue.INDICATOR_SCORE(completion, weight)


def perf_score(direction: str, target: object, actual: object, weight: float,
               reverse_method: str = "ratio") -> float:
    return indicator_score(indicator_completion(direction, target, actual, reverse_method), weight)


# 4.3 ------------------------------------------------------------------------------
_CONDITION = re.compile(r"^(>=|>|<=|<|=)(.+)$")


@dataclass(frozen=True)
class Tier:
    op: str          # ">=", ">", "<=", "<", "=" or "else"
    bound: float     # unused for "else"
    points: object   # a number of points, or a grade for PERF_GRADE bands


def parse_condition(text: object) -> tuple[str, float]:
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return ">=", float(text)  # a bare number is a lower bound (grade bands: 90 → 优)
    cond = normalize(str(text)).replace("≥", ">=").replace("≤", "<=")
    if cond.lower() in ("else", "其他", "其它", "否则"):
        return "else", 0.0
    match = _CONDITION.match(cond)
    if not match:
        raise CellError(VALUE, f"分档条件应写成 >=90% 或 else：{text}")
    return match[1], parse_rate(match[2], "分档界值")


def parse_tiers(tiers: object, points_are_numbers: bool = True) -> tuple[Tier, ...]:
    """Tiers from a 2-column range ``[[">=90%", 1], …]`` or ``">=0.9:1;>=0.75:0.7;else:0"``."""
    if isinstance(tiers, str):
        rows = [part.rsplit(":", 1) for part in normalize(tiers).replace("：", ":").split(";") if part]
    else:
        rows = [list(row) if isinstance(row, (list, tuple)) else [row] for row in tiers]
    parsed = []
    for row in rows:
        cells = [c for c in row if not is_blank(c)]
        if not cells:
            continue  # blank rows of a range
        if len(cells) != 2:
            raise CellError(VALUE, f"分档规则每行应为“条件, 分值”两项：{row}")
        op, bound = parse_condition(cells[0])
        points = parse_number(cells[1], "分档分值") if points_are_numbers else str(cells[1]).strip()
        parsed.append(Tier(op, bound, points))
    if not parsed:
        raise CellError(NA, "缺少分档规则")
    return tuple(parsed)


def tier_score(value: float, tiers: tuple[Tier, ...]) -> object:
    """The first tier's points whose condition holds (catalogue.tiers)."""
    definition = catalogue.tiers(tuple(t.op for t in tiers))
    return definition(value, *(t.bound for t in tiers), *(t.points for t in tiers))


# 4.4 / 4.5 ------------------------------------------------------------------------
def deduct_score(full: float, count: float, per_item: float) -> float:
    return catalogue.DEDUCT_SCORE(full, count, per_item)


def excess_deduct(rate: float, limit: float, per_point: float, full: float) -> float:
    """Continuous deduction per percentage point above `limit`."""
    return catalogue.EXCESS_DEDUCT(rate, limit, per_point, full)


# 4.6 ------------------------------------------------------------------------------
def quarter_score(budget: float, q1: float, q2: float, q3: float, q4: float,
                  quarter_points: float = 1.0, average_points: float = 2.0) -> float:
    """q1..q4: cumulative spending at the end of each quarter; progress is q / budget."""
    return catalogue.QUARTER_SCORE(budget, q1, q2, q3, q4, quarter_points, average_points)


# 4.7 ------------------------------------------------------------------------------
def check_score(answer: bool | float, maximum: float, label: str = "评分") -> float:
    """是 → maximum, 否 → 0, or the points given, which must lie in [0, maximum]."""
    if isinstance(answer, bool):
        return maximum if answer else 0.0
    return catalogue.check(label)(answer, maximum)


# 4.8 ------------------------------------------------------------------------------
def perf_total(scores: list[float]) -> float:
    """The sum of the rounded item scores, rounded (catalogue.TOTAL)."""
    rounded = [excel_round(s, 2) for s in scores]
    return catalogue.TOTAL(catalogue.amounts_sum(len(rounded))(*rounded))


def perf_grade(total: float, bands: tuple[Tier, ...] | None = None) -> str:
    if bands is None:
        bands = tuple(Tier(">=", low, grade) for low, grade in DEFAULT_GRADE_BANDS)
    return str(tier_score(total, bands))
