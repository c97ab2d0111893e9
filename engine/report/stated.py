"""How check-report says what it found: the sentence a figure stands in, an amount written as the
report would, and whether a computed rate is what a stated one says at the decimals it is given
to (precision: "100%" is right for 99.99%, "100.00%" is not)."""
from __future__ import annotations

import math

from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number

EPS = 1e-9


def quoted(facts: Facts, n: Number) -> str:
    return f"：「{facts.quote(n.start)}」"


def amount_text(x: float, decimals: int = 2) -> str:
    return f"{x:,.{decimals}f}"


def truncated_to(value: float, stated: Number) -> bool:
    """`value` (a fraction) cut, not rounded, at the decimals `stated` (a percentage) is given to is what it says
    (96.6286% written 96.62% by a report whose rule cuts its rates)."""
    scale = 10 ** stated.decimals
    return abs(math.floor(value * 100 * scale + EPS) / scale - stated.value) < EPS


def at_stated(value: float, stated: Number) -> bool:
    """`value` (a fraction) is what `stated` (a percentage) says, at the decimals it is given to."""
    return abs(excel_round(value * 100, stated.decimals) - stated.value) < EPS
