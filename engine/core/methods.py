"""The scoring methods of SPEC 4, each declared once.

One entry per method, as HyperFormula declares a function once in a metadata table: the
parameters a rule-set part may give (kind, default, the label shown on 评分规则), the most
points the part can give, the Python scorer and the formula.  The rule-set loader checks
parts against `params`, `scoring` calls `score`, and the template's formula generator calls
`formula` with a `FormulaWriter` — the one emitter interface; a formula flavour is a
second implementation of that interface, never a second copy of the methods.

A default lives in one place: the keyword default of the arithmetic function
(`arithmetic.quarter_score(…, quarter_points=1.0)`), read here by `default_of`.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Mapping, Protocol

from . import arithmetic, parsing
from .errors import VALUE, CellError
from .findings import SCORE_TOLERANCE
from .rounding import excel_compare
from .arithmetic import Tier
from .indicators import IndicatorResult, collect, in_group

REQUIRED = object()
WEIGHT = object()   # default "points": the row's weight, when the part is the row's only part


def default_of(function: Callable, parameter: str) -> object:
    """The keyword default of an arithmetic function's parameter."""
    return inspect.signature(function).parameters[parameter].default


@dataclass(frozen=True)
class ParamSpec:
    """A parameter of a method as a rule-set part writes it.

    kind: "rate" (a derived rate or an input of kind rate), "input:<kind>", "inputs:<kind>"
    (a list), "number", "bool", "tiers", "items" (check items), "options" (option → points),
    "names" (a list of 一级指标)."""
    kind: str
    default: object = REQUIRED
    label: str = ""          # the parameter's description on 评分规则
    length: int | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class CheckItem:
    input: str
    max: float
    label: str = ""      # the input's label


@dataclass(frozen=True)
class Part:
    method: str
    points: float                       # the most this part can give
    params: Mapping[str, object]        # as written, every omitted parameter at its default
    tiers: tuple[Tier, ...] = ()
    items: tuple[CheckItem, ...] = ()

    def get(self, name: str, default: object = None) -> object:
        return self.params.get(name, default)


class Inputs(Protocol):
    """What a scorer reads of a submission (submission.Submission)."""

    def value(self, key: str) -> object:
        """An input's parsed value; raises CellError when missing or malformed."""

    def rate(self, key: str) -> tuple[float, bool]:
        """A derived rate and whether it is 0 of 0."""

    def label(self, key: str) -> str:
        """The input's name for messages."""


class FormulaWriter(Protocol):
    """What a method's formula is written with; a formula flavour implements it."""

    def param(self, name: str, value: object = None, label: str | None = None) -> str:
        """The defined name of a rule parameter of the current part (kept on 评分规则)."""

    def table(self, name: str, rows: list[tuple[object, object]]) -> str:
        """The defined name of a two-column rule table of the current part (tiers, options)."""

    def value(self, key: str) -> str:
        """An input's value: its cell, or its parts, fallback or default when blank."""

    def rate(self, key: str) -> str:
        """A derived rate's cell, or an input of kind rate."""

    def empty(self, key: str) -> str:
        """A condition: the rate's numerator and denominator are both 0 (nothing planned)."""

    def call(self, function: str, *args: str) -> str:
        """A call of an Excel function of the catalogue (SPEC 4.9)."""

    def compare(self, left: str, op: str, right: str) -> str:
        """A condition: `left` is a number and compares so with `right` — false for anything else
        (Excel ranks any text, a UDF's error message included, above every number)."""

    def guard(self, value: str, body: str) -> str:
        """`body` where `value` (a catalogue function's result) is a number; else `value` itself,
        the error, so that it is never compared as if it were a number."""

    def text_key(self, expr: str) -> str:
        """parsing.text_key in the spreadsheet: the text of `expr` as it is compared."""

    def blank(self, expr: str) -> str:
        """parsing.is_blank in the spreadsheet: a condition, true when nothing is typed."""

    def indicator_ranges(self) -> tuple[str, str]:
        """The current row's indicator weight and score ranges."""


@dataclass
class ScoringContext:
    """What a scorer reads and where it puts what went wrong."""
    sub: Inputs
    indicators: list[IndicatorResult]
    errors: list[CellError] = field(default_factory=list)
    members: list[IndicatorResult] = field(default_factory=list)   # the indicators method's rows
    indicator_weight: float | None = None


@dataclass(frozen=True)
class Method:
    name: str
    params: Mapping[str, ParamSpec]
    points: Callable[[Part], float] | None   # the most the part gives; None: its "points"
    score: Callable[[Part, ScoringContext], float | None]
    formula: Callable[[Part, FormulaWriter], str]


def _located(exc: CellError, key: str) -> CellError:
    return exc.located(f"inputs.{key}")


# --------------------------------------------------------------------- helpers
def _rated(part: Part, ctx: ScoringContext, score: Callable[[float], float]) -> float:
    rate, empty = ctx.sub.rate(part.get("rate"))
    if empty and part.get("empty_full"):
        return part.points
    return score(rate)


def _empty_full(part: Part, w: FormulaWriter, expr: str) -> str:
    if not part.get("empty_full"):
        return expr
    return f"IF({w.empty(part.get('rate'))},{w.param('points')},{expr})"


# 4.1 ratio -------------------------------------------------------------------
def _ratio_score(part: Part, ctx: ScoringContext) -> float:
    def score(rate: float) -> float:
        zero_above = part.get("zero_above")
        if zero_above is not None and excel_compare(rate, ">", zero_above):
            return 0.0
        return arithmetic.ratio_score(rate, part.points, part.get("cap"))
    return _rated(part, ctx, score)


def _ratio_formula(part: Part, w: FormulaWriter) -> str:
    rate = w.rate(part.get("rate"))
    expr = w.call("RATIO_SCORE", rate, w.param("points"), w.param("cap"))
    if part.get("zero_above") is not None:
        expr = f"IF({w.compare(rate, '>', w.param('zero_above'))},0,{expr})"
    return _empty_full(part, w, expr)


# 4.3 tiers -------------------------------------------------------------------
def _tiers_score(part: Part, ctx: ScoringContext) -> float:
    return _rated(part, ctx, lambda rate: float(arithmetic.tier_score(rate, part.tiers)))


def _tiers_formula(part: Part, w: FormulaWriter) -> str:
    tiers = w.table("tiers", part.get("tiers"))
    return _empty_full(part, w, w.call("TIER_SCORE", w.rate(part.get("rate")), tiers))


# 4.4 deduct ------------------------------------------------------------------
def _deduct_score(part: Part, ctx: ScoringContext) -> float:
    return arithmetic.deduct_score(part.points, ctx.sub.value(part.get("count")), part.get("per_item"))


def _deduct_formula(part: Part, w: FormulaWriter) -> str:
    points = w.param("points")
    return w.call("DEDUCT_SCORE", points, w.value(part.get("count")), w.param("per_item"))


# 4.5 excess ------------------------------------------------------------------
def _excess_score(part: Part, ctx: ScoringContext) -> float:
    rate, _ = ctx.sub.rate(part.get("rate"))
    return arithmetic.excess_deduct(rate, part.get("limit"), part.get("per_point"), part.points)


def _excess_formula(part: Part, w: FormulaWriter) -> str:
    limit, per_point = w.param("limit"), w.param("per_point")
    return w.call("EXCESS_DEDUCT", w.rate(part.get("rate")), limit, per_point, w.param("points"))


# 4.6 quarterly ---------------------------------------------------------------
def _quarterly_points(part: Part) -> float:
    return 4 * float(part.get("quarter_points")) + float(part.get("average_points"))


def _quarterly_score(part: Part, ctx: ScoringContext) -> float | None:
    budget = collect(ctx.errors, ctx.sub.value, part.get("budget"))
    spent = [collect(ctx.errors, ctx.sub.value, q) for q in part.get("quarters")]
    if budget is None or None in spent:
        return None
    try:
        return arithmetic.quarter_score(budget, *spent, part.get("quarter_points"), part.get("average_points"))
    except CellError as exc:
        raise _located(exc, part.get("budget")) from None


def _quarterly_formula(part: Part, w: FormulaWriter) -> str:
    quarter_points, average_points = w.param("quarter_points"), w.param("average_points")
    amounts = [w.value(k) for k in (part.get("budget"), *part.get("quarters"))]
    return w.call("QUARTER_SCORE", *amounts, quarter_points, average_points)


# 4.7 check -------------------------------------------------------------------
def _check_score(part: Part, ctx: ScoringContext) -> float | None:
    def one(key: str, maximum: float) -> float:
        try:
            return arithmetic.check_score(ctx.sub.value(key), maximum, ctx.sub.label(key))
        except CellError as exc:
            raise _located(exc, key) from None
    points = [collect(ctx.errors, one, item.input, item.max) for item in part.items]
    return None if None in points else sum(points)


def _check_formula(part: Part, w: FormulaWriter) -> str:
    return "+".join(w.call("CHECK_SCORE", w.value(item.input), w.param(f"{item.input}_max", item.max,
                                                                         f"满分：{item.label}"))
                    for item in part.items)


# choice ----------------------------------------------------------------------
def _choice_score(part: Part, ctx: ScoringContext) -> float:
    key = part.get("input")
    answer = parsing.text_key(ctx.sub.value(key))
    for option, points in part.get("options").items():
        if parsing.text_key(option) == answer:
            return float(points)
    allowed = "、".join(part.get("options"))
    raise CellError(VALUE, f"{ctx.sub.label(key)}应为{allowed}：{ctx.sub.value(key)}", f"inputs.{key}")


def _choice_formula(part: Part, w: FormulaWriter) -> str:
    options = w.table("options", list(part.get("options").items()))
    return f"VLOOKUP({w.text_key(w.value(part.get('input')))},{options},2,FALSE)"


# 4.2 indicators --------------------------------------------------------------
def members(part: Part, indicators: list[IndicatorResult]) -> list[IndicatorResult]:
    """The indicators a scoring row sums: those of its 一级指标, or all of them."""
    wanted = part.get("level1")
    return [i for i in indicators if not wanted or in_group(i.level1, wanted)]


def _indicators_score(part: Part, ctx: ScoringContext) -> float | None:
    ctx.members = members(part, ctx.indicators)
    weights = [m.weight for m in ctx.members]
    # summed as the template sums them: PERF_TOTAL, each weight to 2 decimals
    ctx.indicator_weight = None if None in weights else arithmetic.perf_total(weights)
    scores = [m.score for m in ctx.members]
    return None if None in scores else sum(scores)


def _indicators_formula(part: Part, w: FormulaWriter) -> str:
    weight = w.param("weight_sum", part.points, "各指标权重合计应为")
    weights, scores = w.indicator_ranges()
    mismatch = w.compare(f"ABS({w.call('PERF_TOTAL', weights)}-{weight})", ">=", str(SCORE_TOLERANCE))
    return f"IF({mismatch},NA(),{w.call('PERF_TOTAL', scores)})"


# ------------------------------------------------------------------- the table
def _p(kind: str, default: object = REQUIRED, label: str = "", length: int | None = None) -> ParamSpec:
    return ParamSpec(kind, default, label, length)


_POINTS = _p("number", WEIGHT, "满分")
_RATE = _p("rate")
_EMPTY_FULL = _p("bool", False)

METHODS: dict[str, Method] = {m.name: m for m in (
    Method("ratio", {"rate": _RATE, "points": _POINTS,
                     "cap": _p("number", default_of(arithmetic.ratio_score, "cap"), "比率上限"),
                     "zero_above": _p("number", None, "比率超过此值不得分"), "empty_full": _EMPTY_FULL},
           None, _ratio_score, _ratio_formula),
    Method("tiers", {"rate": _RATE, "tiers": _p("tiers", label="分档（条件, 分值）"), "empty_full": _EMPTY_FULL},
           lambda part: max(float(t.points) for t in part.tiers), _tiers_score, _tiers_formula),
    Method("deduct", {"count": _p("input:count"), "per_item": _p("number", label="每处扣分"), "points": _POINTS},
           None, _deduct_score, _deduct_formula),
    Method("excess", {"rate": _RATE, "limit": _p("number", label="限额"),
                      "per_point": _p("number", label="每超1个百分点扣分"), "points": _POINTS},
           None, _excess_score, _excess_formula),
    Method("quarterly", {"budget": _p("input:money"), "quarters": _p("inputs:money", length=4),
                         "quarter_points": _p("number", default_of(arithmetic.quarter_score, "quarter_points"),
                                              "每季度分值"),
                         "average_points": _p("number", default_of(arithmetic.quarter_score, "average_points"),
                                              "平均完成分值")},
           _quarterly_points, _quarterly_score, _quarterly_formula),
    Method("check", {"items": _p("items")},
           lambda part: sum(i.max for i in part.items), _check_score, _check_formula),
    Method("choice", {"input": _p("input:choice"), "options": _p("options", label="选项（选项, 分值）")},
           lambda part: max(float(v) for v in part.get("options").values()), _choice_score, _choice_formula),
    Method("indicators", {"level1": _p("names", None), "points": _POINTS},
           None, _indicators_score, _indicators_formula),
)}
