"""The rates of SPEC section 3: pure arithmetic on parsed numbers.

Rates are fractions and are never rounded before they are used.
"""
from __future__ import annotations

from . import catalogue
from .errors import CellError

REVERSE_METHODS = ("ratio", "deviation")


def ratio(numerator: float, denominator: float, label: str = "比率", field: str | None = None) -> float:
    """numerator / denominator; 0/0 is 0, x/0 is #DIV/0! (catalogue.ratio: one rule for the
    UDFs, the native formulas and this)."""
    try:
        return catalogue.ratio(label)(numerator, denominator)   # 5 / 1e-310 is out of range: #NUM!
    except CellError as exc:
        raise exc.located(field) from None


def exec_rate(actual: float, budget: float) -> float:
    """预算执行率 = 执行数 / 预算数."""
    return ratio(actual, budget, "预算执行率")


def adjust_rate(adjustment: float, initial: float) -> float:
    """预算调整率 = 调整数 / 年初预算数 (the adjustment may be negative)."""
    return ratio(adjustment, initial, "预算调整率")


def control_rate(actual: float, budget: float) -> float:
    """控制率 = 实际数 / 预算（核定）数."""
    return ratio(actual, budget, "控制率")


def amount_sum(amounts: list[float]) -> float:
    """The sum of parsed amounts (a rate's denominator such as 在编 + 编外): catalogue.amounts_sum."""
    return catalogue.amounts_sum(len(amounts))(*amounts)


def deviation_rate(actual: float, target: float) -> float:
    """偏差率 = (实际 − 目标) / 目标."""
    return ratio(actual - target, target, "偏差率")


def completion_rate(direction: str, target: float, actual: float,
                    reverse_method: str = "ratio") -> float:
    """指标完成率 of a quantitative indicator (uncapped): catalogue.COMPLETION.

    `direction` is canonical (see parsing.parse_direction) and not 定性.
    """
    return catalogue.COMPLETION(direction, target, actual, reverse_method)
