"""The catalogue's arithmetic, each function defined once as an expression (core.xlformula).

A definition is what a function computes from values already read (SPEC 2's parsing, or a
native cell's contract, comes before it).  It is the one source of two things:

* the Python function (`definition(*values)`): the expression computed by the evaluator, an
  error raised as a CellError with its message — what the UDFs, `evaluate()`'s explanations
  and the report checker call;
* the native formula (`definition.formula(*texts)`): the same expression printed with each
  parameter replaced by its formula text, an error printed as NA().

So the xlwings workbook, the native workbook and the Python code compute one rule.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from .errors import CODES, DIV0, NA, NUM, VALUE, CellError
from .xlcompile import Compiled, compile_formula
from .xlformula import Arg, Call, Fail, Node, Num, Op, Raw, Str, substitute, to_formula
from .xlvalues import XlError


# ------------------------------------------------------- a small expression language
class X:
    """An expression under construction: operators build nodes (`a * b`, `a < b`)."""
    __slots__ = ("node",)

    def __init__(self, node: Node):
        self.node = node

    def _op(self, op: str, other: object, reverse: bool = False) -> "X":
        left, right = self.node, _node(other)
        return X(Op(op, right, left) if reverse else Op(op, left, right))

    def __add__(self, o): return self._op("+", o)
    def __radd__(self, o): return self._op("+", o, True)
    def __sub__(self, o): return self._op("-", o)
    def __rsub__(self, o): return self._op("-", o, True)
    def __mul__(self, o): return self._op("*", o)
    def __rmul__(self, o): return self._op("*", o, True)
    def __truediv__(self, o): return self._op("/", o)
    def __lt__(self, o): return self._op("<", o)
    def __le__(self, o): return self._op("<=", o)
    def __gt__(self, o): return self._op(">", o)
    def __ge__(self, o): return self._op(">=", o)

    def equals(self, o) -> "X":
        return self._op("=", o)


def _node(value: object) -> Node:
    if isinstance(value, X):
        return value.node
    if isinstance(value, str):
        return Str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Num(float(value))
    raise TypeError(f"not an expression: {value!r}")


def call(name: str, *args: object) -> X:
    return X(Call(name, tuple(_node(a) for a in args)))


def IF(test: X, then: object, otherwise: object) -> X:   # noqa: N802 (Excel's names)
    return call("IF", test, then, otherwise)


def fail(code: str, message: str, *values: X) -> X:
    return X(Fail(code, message, tuple(_node(v) for v in values)))


# ------------------------------------------------------------------ definitions
class _Values:
    """The evaluator's context for a definition run in Python: its arguments, no cells."""
    __slots__ = ("args",)

    def __init__(self, args: tuple):
        self.args = args

    def cell(self, sheet: str, row: int, col: int) -> object:   # pragma: no cover - no references
        raise LookupError("a catalogue definition reads no cell")


@dataclass
class Definition:
    name: str
    params: tuple[str, ...]
    build: Callable[..., X]                 # the parameters as X → the body
    label: str = ""                         # what it computes, in messages (预算执行率); else its name

    @functools.cached_property
    def body(self) -> Node:
        return self.build(*(X(Arg(i)) for i in range(len(self.params)))).node

    @functools.cached_property
    def compiled(self) -> Compiled:
        return compile_formula(self.body, "", lambda name: None)

    def __call__(self, *values: float) -> float:
        result = self.compiled(_Values(tuple(float(v) if isinstance(v, int) and not isinstance(v, bool) else v
                                             for v in values)))
        if isinstance(result, XlError):
            # an error of Excel's own arithmetic has no message: a result out of range (1e308 × 10)
            message = result.message or f"{self.label or self.name}超出数值范围"
            raise CellError(result.code if result.code in CODES else VALUE, message)
        return result

    def formula(self, *texts: str) -> str:
        """The native formula text, each parameter replaced by the formula text given."""
        return to_formula(substitute(self.body, tuple(Raw(t) for t in texts)))


def ratio(label: str) -> Definition:
    """numerator / denominator, 0 / 0 being 0 (nothing planned, nothing done), x / 0 #DIV/0!."""
    return _ratios(label)


@functools.lru_cache(maxsize=None)
def _ratios(label: str) -> Definition:
    def build(a: X, b: X) -> X:
        return IF(call("AND", a.equals(0), b.equals(0)), 0,
                  IF(b.equals(0), fail(DIV0, f"{label}无法计算：分母为0而分子为{{:g}}", a), a / b))
    return Definition(f"RATIO({label})", ("numerator", "denominator"), build, label)


def _not_negative(label: str, value: X, then: X) -> X:
    return IF(value < 0, fail(NUM, f"{label}不能为负数：{{:g}}", value), then)


RATIO_SCORE = Definition("RATIO_SCORE", ("rate", "weight", "cap"), lambda rate, weight, cap: _not_negative(
    "比率", rate, _not_negative("分值", weight, call("ROUND", weight * call("MIN", rate, cap), 2))))

DEDUCT_SCORE = Definition("DEDUCT_SCORE", ("full", "count", "per_item"), lambda full, count, per_item: _not_negative(
    "扣分次数", count, _not_negative("每处扣分", per_item, call("MAX", full - count * per_item, 0))))

EXCESS_DEDUCT = Definition("EXCESS_DEDUCT", ("rate", "limit", "per_point", "full"),
                           lambda rate, limit, per_point, full: IF(
                               rate <= limit, full, call("MAX", full - per_point * (rate - limit) * 100, 0)))


def _quarter_score(budget: X, q1: X, q2: X, q3: X, q4: X, quarter_points: X, average_points: X) -> X:
    """r_k = (q_k / budget) / (k × 25%); Σ quarter_points × min(r_k, 1) + average_points ×
    min(mean r_k, 1), the mean of the uncapped r_k (a fast quarter makes up for a slow one)."""
    progress = ratio("季度支出进度").build
    r = [progress(q, budget) / (0.25 * k) for k, q in enumerate((q1, q2, q3, q4), 1)]
    capped = call("MIN", r[0], 1) + call("MIN", r[1], 1) + call("MIN", r[2], 1) + call("MIN", r[3], 1)
    mean = (r[0] + r[1] + r[2] + r[3]) / 4
    return call("ROUND", quarter_points * capped + average_points * call("MIN", mean, 1), 2)


QUARTER_SCORE = Definition("QUARTER_SCORE", ("budget", "q1", "q2", "q3", "q4", "quarter_points", "average_points"),
                           _quarter_score)


@functools.lru_cache(maxsize=None)
def tiers(ops: tuple[str, ...]) -> Definition:
    """TIER_SCORE and PERF_GRADE's bands: the points of the first tier whose condition holds
    (`value op bound`, tried top to bottom; "else" always holds); none: #N/A.  Its parameters:
    the value, each tier's bound, each tier's points (a number, or a grade)."""
    def build(value: X, *pairs: X) -> X:
        bounds, points = pairs[:len(ops)], pairs[len(ops):]
        expr = fail(NA, "数值{:g}不在任何分档内（缺少 else 行）", value)
        for op, bound, tier_points in reversed(list(zip(ops, bounds, points))):
            expr = tier_points if op == "else" else IF(value._op(op, bound), tier_points, expr)
        return expr
    names = ("value", *(f"bound_{n}" for n in range(1, len(ops) + 1)), *(f"points_{n}" for n in range(1, len(ops) + 1)))
    return Definition(f"TIERS({' '.join(ops)})", names, build)


@functools.lru_cache(maxsize=None)
def check(label: str) -> Definition:
    """CHECK_SCORE on points given (是/否 are read first: 是 is the maximum, 否 is 0): the points,
    which must lie in [0, maximum]."""
    return Definition(f"CHECK({label})", ("points", "maximum"), lambda points, maximum: IF(
        call("AND", points >= 0, points <= maximum), points,
        fail(VALUE, f"{label}的得分应在0到{{:g}}之间：{{:g}}", maximum, points)))


# 4.2 ------------------------------------------------------------------------------
# 定性 indicators: the tier a department chooses and the coefficient range it allows.
QUALITATIVE_TIERS = (
    # name, aliases, low, high, high inclusive
    ("达成年度指标", ("达成", "达成年度指标"), 0.8, 1.0, True),
    ("部分达成并具有一定效果", ("部分达成", "部分达成并具有一定效果"), 0.6, 0.8, False),
    ("未达成且效果较差", ("未达成", "未达成且效果较差"), 0.0, 0.6, False),
)
# each direction in both spellings: the canonical one (parsing.DIRECTIONS) and the symbol a
# template's 指标性质 list offers
# what a 指标性质 cell may hold, as the native formulas compare it: the list offers the full-width
# ＝ (a bare = typed into Excel starts a formula); = and 等于 typed by hand count the same
_AT_LEAST, _ABOVE, _EQUAL, _AT_MOST, _BELOW = (">=", "≥"), (">",), ("＝", "=", "等于"), ("<=", "≤"), ("<",)


def _one_of(value: X, *texts: str) -> X:
    return call("OR", *(value.equals(t) for t in texts))


def _completion(direction: X, target: X, actual: X, reverse_method: X) -> X:
    """完成率 of a quantitative indicator (SPEC 4.2), uncapped."""
    d, t, a = direction, target, actual
    zero_met = IF(_one_of(d, *_AT_LEAST), a >= 0, IF(_one_of(d, *_ABOVE), a > 0, a <= 0))
    forward = IF(t.equals(0), IF(zero_met, 1, 0), a / t)
    backward = IF(a <= t, 1, IF(reverse_method.equals("ratio"), t / a, IF(a >= 2 * t, 0, 1 - (a - t) / t)))
    by_direction = IF(_one_of(d, *_AT_LEAST, *_ABOVE, *_EQUAL), forward, IF(
        _one_of(d, *_AT_MOST, *_BELOW), backward, fail(VALUE, "指标性质无法计算完成率：{}", d)))
    return IF(_one_of(reverse_method, "ratio", "deviation"),
              IF(t < 0, fail(NUM, "指标值不能为负数：{:g}", t), by_direction),
              fail(VALUE, "反向指标计分方法应为 ratio 或 deviation：{}", reverse_method))


COMPLETION = Definition("COMPLETION", ("direction", "target", "actual", "reverse_method"), _completion, "指标完成率")


def _qualitative(tier: X, coefficient: X) -> X:
    """A 定性 indicator's completion: its coefficient, inside the range of the tier chosen."""
    c = coefficient
    names = "、".join(t[0] for t in QUALITATIVE_TIERS)
    expr = fail(VALUE, f"定性指标的档次应为{names}：{{}}", tier)
    for name, aliases, low, high, inclusive in reversed(QUALITATIVE_TIERS):
        inside = call("AND", c >= low, c <= high if inclusive else c < high)
        message = f"“{name}”的系数应在[{low:.0%}, {high:.0%}{']' if inclusive else ')'}内：{{:.2%}}"
        expr = IF(_one_of(tier, *dict.fromkeys((name, *aliases))), IF(inside, c, fail(VALUE, message, c)), expr)
    return expr


QUALITATIVE = Definition("QUALITATIVE", ("tier", "coefficient"), _qualitative)

INDICATOR_SCORE = Definition("INDICATOR_SCORE", ("completion", "weight"), lambda completion, weight: IF(
    weight < 0, fail(NUM, "指标分值不能为负数：{:g}", weight),
    call("ROUND", weight * call("MIN", call("MAX", completion, 0), 1), 2)))


# 4.8 ------------------------------------------------------------------------------
# PERF_TOTAL: the sum of the item scores, rounded to 2 decimals.  The items are rounded first
# (SPEC 4.8): in a workbook each summed cell is a rounded score (PERF_ROUND, INDICATOR_SCORE —
# tests/book/test_totals.py), in Python arithmetic.perf_total rounds what it is given.
TOTAL = Definition("PERF_TOTAL", ("sum",), lambda total: call("ROUND", total, 2))


@functools.lru_cache(maxsize=None)
def amounts_sum(count: int) -> Definition:
    """PERF_SUM of `count` amounts read (a rate's numerator such as 在编 + 编外): added left to right."""
    def build(*amounts: X) -> X:
        total = amounts[0] if amounts else X(Num(0.0))
        for amount in amounts[1:]:
            total = total + amount
        return total
    return Definition(f"PERF_SUM({count})", tuple(f"amount_{n}" for n in range(1, count + 1)), build)
