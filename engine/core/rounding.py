"""Excel's ROUND: half away from zero on the decimal value Excel shows.

Excel keeps 15 significant digits of a double for display and rounds *that* decimal,
so ROUND(1.005, 2) is 1.01 although the binary double is 1.00499999…  Python's
`round()` rounds the binary value half-to-even and gives 1.0.
"""
from __future__ import annotations

import functools
import math
from decimal import ROUND_HALF_UP, Context, Decimal

from .errors import NUM, VALUE, CellError


def excel_decimal(x: float) -> Decimal:
    """The decimal value Excel displays for a double: 15 significant digits."""
    return Decimal(format(x, ".15g"))


_WIDE = Context(prec=400)   # enough digits for any double at any `digits`


@functools.lru_cache(maxsize=None)
def _quantum(digits: int) -> Decimal:
    return Decimal(1).scaleb(-digits, context=_WIDE)


def excel_round(x: float, digits: int = 2) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise CellError(VALUE, f"ROUND 需要数值：{x!r}")
    if math.isnan(x) or math.isinf(x):
        raise CellError(NUM, f"ROUND 的数值无效：{x!r}")
    digits = max(min(int(digits), 330), -330)  # Excel truncates the digits argument
    rounded = excel_decimal(float(x)).quantize(_quantum(digits), rounding=ROUND_HALF_UP, context=_WIDE)
    result = float(rounded)
    if math.isinf(result):  # 15 digits of the largest doubles round past the range
        raise CellError(NUM, f"ROUND 的结果超出数值范围：{x!r}")
    return 0.0 if result == 0 else result  # no negative zero in a cell


# ----------------------------------------------------------------- comparison
def excel_value(x: float) -> float:
    """The number Excel compares: the double at the 15 significant digits it shows
    (6.93 / 7.7 = 0.8999999999999999 in binary is 0.9 to Excel)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        return x
    return float(format(x, ".15g"))


_OPERATORS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
              "<": lambda a, b: a < b, "=": lambda a, b: a == b, "<>": lambda a, b: a != b}


def excel_compare(a: float, op: str, b: float) -> bool:
    """`a op b` as Excel evaluates it (SPEC 2): both sides at 15 significant digits, so every
    rule — tiers, caps, directions, limits — gives the same points as a spreadsheet."""
    return _OPERATORS[op](excel_value(a), excel_value(b))
