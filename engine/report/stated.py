"""How check-report says what it found: the sentence a figure stands in, an amount written as the
report would, and whether a computed rate is what a stated one says at the decimals it is given
to (precision: "100%" is right for 99.99%, "100.00%" is not)."""
from __future__ import annotations

import math
from typing import Callable

from ..core.findings import FindingList
from ..core.rounding import excel_round
from ..core.slips import a_slip
from .facts import Facts
from .numbers import Number
from .vocabulary import words

EPS = 1e-9


def quoted(facts: Facts, n: Number) -> str:
    return f"：「{facts.quote(n.start)}」"


def said_of(facts: Facts, report, n: Number) -> bool:
    """A finding already says of the statement `n` stands in — its place and its quote (a PDF's place is a page:
    two statements of one page are not one)."""
    where, quote = facts.where(n.start), quoted(facts, n)
    return any(f.where == where and quote in f.message for f in report.findings)


def amount_text(x: float, decimals: int = 2) -> str:
    return f"{x:,.{decimals}f}"


def truncated_to(value: float, stated: Number) -> bool:
    """`value` (a fraction) cut, not rounded, at the decimals `stated` (a percentage) is given to is what it says
    (96.6286% written 96.62% by a report whose rule cuts its rates)."""
    scale = 10 ** stated.decimals
    return abs(math.floor(value * 100 * scale + EPS) / scale - stated.value) < EPS


_TRUNCATES = words()["truncation"]      # the report says its rates are cut, not rounded ("第三位起舍去")


def cut_as_said(facts: Facts, value: float, stated: Number) -> bool:
    """`value` cut at `stated`'s places is what it says, in a report that says it cuts its rates so."""
    return _TRUNCATES.search(facts.text) is not None and truncated_to(value, stated)


def at_stated(value: float, stated: Number) -> bool:
    """`value` (a fraction) is what `stated` (a percentage) says, at the decimals it is given to."""
    return abs(excel_round(value * 100, stated.decimals) - stated.value) < EPS


# a difference of no slip's shape (engine/core/slips.py): the figures read together may not belong together
NOT_A_SLIP = "（差额不似笔误，所读数字未必相互对应，请核对）"


def a_slip_of(facts: Facts, stated: Number, computed: float, parts: tuple = ()) -> bool:
    """Whether `stated` is off `computed` (in 万元 for an amount) as a slip of the hand is, at the places it is
    written to (two at least); `parts`, figures or values, those a sum added."""
    decimals = max(stated.decimals, 2) + (4 if stated.unit == "元" else 0)
    values = tuple(facts.amount(p) if isinstance(p, Number) else p for p in parts)
    return a_slip(facts.amount(stated), computed, decimals, values)


def rounding_slack(facts: Facts, parts: list[Number], whole: Number | None = None) -> float:
    """How far parts may come from their whole by rounding alone: each part's half cent (and the whole's, if given)."""
    return sum(facts.half_cent(p) for p in parts) + (facts.half_cent(whole) if whole is not None else 0.0)


def parts_off(facts: Facts, parts: list[Number], whole: Number, whole_rounded: bool = False) -> bool:
    """The parts come to other than the whole, beyond each part's half cent (`whole_rounded`: and the whole's)."""
    return abs(sum(facts.amount(p) for p in parts) - facts.amount(whole)) > \
        rounding_slack(facts, parts, whole if whole_rounded else None) + EPS



def at_its_places(computed: float, said: Number) -> bool:
    """A score written to one decimal place at least that is the computed one rounded to it ("14.6" for 15 × 97.40% =
    14.61, "96.2" for 96.24): compared at the precision stated. (Not a whole number: "10" for 9.6 would pass so — full
    marks for a shortfall.)"""
    return said.decimals >= 1 and abs(excel_round(computed, said.decimals) - said.value) < 1e-9


def by_shape(report: FindingList, facts: Facts, stated: Number, computed: float, parts: tuple = ()) \
        -> tuple[Callable[[str, str, str], None], str]:
    """How to say a figure said otherwise than its operands give: an error when the difference has a slip's
    shape, else a warning and the words that say why (a bonus, a deduction or a part read that is none)."""
    return (report.error, "") if a_slip_of(facts, stated, computed, parts) else (report.warning, NOT_A_SLIP)
