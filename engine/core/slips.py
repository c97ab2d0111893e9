"""Whether a stated figure differs from what its own operands give the way a hand slips — one digit
wrong, two digits swapped, a digit dropped or doubled, the decimal point moved, or one of the parts so
mistyped — or otherwise. A reader that pairs figures which do not belong together makes differences of
no such shape; a report's real slips mostly have one. Checks report an error only for a slip's shape,
else a warning."""
from __future__ import annotations

from .rounding import excel_round


def _digits(value: float, decimals: int) -> str:
    return f"{excel_round(abs(value), decimals):.{decimals}f}".replace(".", "").lstrip("0") or "0"


def _one_digit_apart(one: str, other: str) -> bool:
    if len(one) == len(other):
        apart = [i for i, (a, b) in enumerate(zip(one, other)) if a != b]
        return len(apart) == 1 or len(apart) == 2 and sorted(one) == sorted(other)   # one wrong, two swapped
    if abs(len(one) - len(other)) == 1:         # one dropped or doubled
        longer, shorter = (one, other) if len(one) > len(other) else (other, one)
        return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
    return False


def a_slip(stated: float, computed: float, decimals: int, parts: tuple[float, ...] = ()) -> bool:
    """`stated` (written to `decimals` places) against `computed` from its operands (`parts`: the figures
    added, if it is a sum)."""
    said, worked = _digits(stated, decimals), _digits(computed, decimals)
    if _one_digit_apart(said, worked):
        return True
    if computed and any(abs(stated - computed * k) <= 0.5 * 10 ** -decimals for k in (10, 0.1)):
        return True                                  # the point moved
    # (a gap of one part's size is no slip's shape: a reader that took a figure too makes it as often as a
    # report that left one out)
    # a part's own slip: the part the whole needs is that part with one digit wrong or two swapped
    return any(_one_digit_apart(_digits(p, decimals), _digits(stated - (computed - p), decimals)) for p in parts)
