"""Excel formulas for a rule set, generated from the method table (core.methods).

`FormulaBuilder` implements the methods' `FormulaWriter` interface for the UDF flavour:
a catalogue function is written as a call of the registry's Excel function (xlwings in
Excel, the same Python functions headless).  Every parameter (points, limits, tier
tables, options) is a named cell of 评分规则 that the formula references, so changing a
threshold there changes the score in Excel and headless.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.indicators import QUALITATIVE
from ..core.parsing import FULL_WIDTH_SPACE
from ..core.methods import METHODS
from ..core.rulesets import Part, RateSpec, Row, RuleSet
from .layout import COL, COMPLETION_COL, FIRST_INDICATOR_ROW, LAST_INDICATOR_ROW
from .names import indicator_cell, rate_name

INDICATOR_SHEET = indicator_cell(1, "name").sheet


def param_name(row: Row, index: int, param: str) -> str:
    """The defined name of a rule parameter: p_<row>[_<part>]_<param>."""
    part = f"_{index + 1}" if len(row.parts) > 1 else ""
    return f"p_{row.id}{part}_{param}"


@dataclass
class RuleParam:
    name: str          # defined name
    row: Row
    label: str         # Chinese description
    value: object = None
    table: list[tuple[object, object]] = field(default_factory=list)   # tiers / options / bands


def blank_formula(expr: str) -> str:
    """core.parsing.is_blank as a condition: nothing but spaces, full-width spaces and control
    characters (ISBLANK would call a cell holding one space filled)."""
    return f'CLEAN(SUBSTITUTE(SUBSTITUTE({expr}," ",""),"{FULL_WIDTH_SPACE}",""))=""'


def blank_safe(expr: str) -> str:
    """`expr` as an IF branch: a bare reference to a blank cell becomes "" instead of 0."""
    if expr.replace("_", "").replace("$", "").isalnum():
        return f'IF({blank_formula(expr)},"",{expr})'
    return expr


def quote(text: object) -> str:
    return '"' + str(text).replace('"', '""') + '"'


def text_key_formula(expr: str) -> str:
    """core.parsing.text_key as a formula: every space, half- or full-width, removed (Excel's
    = already ignores case)."""
    return f'SUBSTITUTE(SUBSTITUTE({expr}," ",""),"{FULL_WIDTH_SPACE}","")'


@dataclass(frozen=True)
class IndicatorGroup:
    """The hidden weight and score columns of one indicators row of the rule set."""
    row: Row
    weight_col: str
    score_col: str

    def ranges(self) -> tuple[str, str]:
        return tuple(f"'{INDICATOR_SHEET}'!${c}${FIRST_INDICATOR_ROW}:${c}${LAST_INDICATOR_ROW}"
                     for c in (self.weight_col, self.score_col))


class FormulaBuilder:
    """Builds the formulas of one rule set and collects the rule parameters they use."""
    flavour = "udf"

    def __init__(self, rule_set: RuleSet, groups: tuple[IndicatorGroup, ...] = ()):
        self.rs = rule_set
        self.groups = {g.row.id: g for g in groups}
        self.params: list[RuleParam] = []
        self._row: Row | None = None
        self._index = 0
        self._part: Part | None = None

    # ------------------------------------------------------- FormulaWriter
    def value(self, key: str) -> str:
        """The value an input stands for: its cell, or its parts, fallback or default when blank.

        IF never hands back a blank cell (Excel and formulas would make it 0, a score where
        the input is missing): a blank travels as "" and our functions read it as missing."""
        spec = self.rs.inputs[key]
        if spec.sum_of:
            parts = ",".join(f"IF({self.blank(p)},0,{p})" for p in spec.sum_of)
            all_blank = ",".join(self.blank(p) for p in spec.sum_of)
            return f'IF({self.blank(key)},IF(AND({all_blank}),"",{self.call("PERF_SUM", parts)}),{key})'
        if spec.fallback:
            return f"IF({self.blank(key)},{blank_safe(self.value(spec.fallback))},{key})"
        if spec.default is not None:
            return f"IF({self.blank(key)},{quote(spec.default)},{key})"
        return key

    def rate(self, key: str) -> str:
        return rate_name(key) if key in self.rs.rates else self.value(key)

    def empty(self, key: str) -> str:
        """Nothing planned and nothing done (0 of 0); PERF_SUM so that a blank is #N/A, not 0."""
        rate = self.rs.rates[key]
        total = lambda keys: self.call("PERF_SUM", *(self.value(k) for k in keys))  # noqa: E731
        return f"AND({self.compare(total(rate.num), '=', '0')},{self.compare(total(rate.den), '=', '0')})"

    def param(self, name: str, value: object = None, label: str | None = None) -> str:
        spec = METHODS[self._part.method].params.get(name)
        if value is None:
            value = self._part.points if name == "points" else self._part.get(name)
        defined = param_name(self._row, self._index, name)
        self.params.append(RuleParam(defined, self._row, label or (spec.label if spec else name), value=value))
        return defined

    def table(self, name: str, rows) -> str:
        defined = param_name(self._row, self._index, name)
        label = METHODS[self._part.method].params[name].label
        self.params.append(RuleParam(defined, self._row, label, table=list(rows)))
        return defined

    def call(self, function: str, *args: str) -> str:
        return f"{function}({','.join(args)})"

    def compare(self, left: str, op: str, right: str) -> str:
        return f"AND(ISNUMBER({left}),{left}{op}{right})"

    def guard(self, value: str, body: str) -> str:
        return f"IF(ISNUMBER({value}),{body},{value})"

    def text_key(self, expr: str) -> str:
        return text_key_formula(expr)

    def blank(self, expr: str) -> str:
        return blank_formula(expr)

    def indicator_ranges(self) -> tuple[str, str]:
        return self.groups[self._row.id].ranges()

    # ----------------------------------------------------------------- rates
    def _raw_inputs(self, key: str) -> list[str]:
        spec = self.rs.inputs[key]
        extra = list(spec.sum_of) + ([spec.fallback] if spec.fallback else [])
        return [key] + [k for e in extra for k in self._raw_inputs(e)]

    def _sum(self, keys: tuple[str, ...]) -> str:
        if len(keys) == 1:
            return self.value(keys[0])
        return self.call("PERF_SUM", *(self.value(k) for k in keys))

    def rate_cell(self, rate: RateSpec) -> str:
        """The rate cell: empty while none of its inputs is filled."""
        blanks = ",".join(self.blank(k) for key in rate.num + rate.den for k in self._raw_inputs(key))
        return (f'=IF(AND({blanks}),"",'
                f"{self.call(self.rs.rate_function(rate.key), self._sum(rate.num), self._sum(rate.den))})")

    # ------------------------------------------------------------ score rows
    def row(self, row: Row) -> str:
        """The score cell of a scoring row: its parts by their methods, rounded, overrides first."""
        self._row = row
        terms = []
        for self._index, self._part in enumerate(row.parts):
            terms.append(METHODS[self._part.method].formula(self._part, self))
        expr = self.call("PERF_ROUND", "+".join(terms), "2")
        self._index = len(row.parts)
        for o in reversed(row.overrides):
            score = self.param(f"{o.input}_score", row.weight if o.score is None else o.score,
                               f"“{self.rs.inputs[o.input].label}”为是时的得分")
            answer = self.call('CHECK_SCORE', self.value(o.input), '1')
            expr = self.guard(answer, f"IF({answer}=1,{score},{expr})")
        return "=" + expr

    def total(self, scores: str) -> str:
        return "=" + self.call("PERF_TOTAL", scores)

    def grade(self) -> str:
        return "=" + self.call("PERF_GRADE", "total", "grade_bands")

    # ------------------------------------------------------ indicator table
    def indicator_row(self, r: int) -> dict[str, str]:
        """Column letter → formula for row `r` of the Indicators table and its helper columns."""
        c = {key: f"${letter}{r}" for key, letter in COL.items()}
        blank = self.blank(c["name"])
        # the coefficient of a 定性 indicator, else the actual value; never a bare blank (→ 0)
        qualitative = f'{text_key_formula(c["direction"])}={quote(QUALITATIVE)}'
        actual = (f'IF(AND({qualitative},NOT({self.blank(c["coefficient"])})),'
                  f'{c["coefficient"]},{blank_safe(c["actual"])})')
        args = (c["direction"], c["target"], actual)
        formulas = {COL["score"]: f'=IF({blank},"",{self.indicator_score(r, args, c["weight"])})',
                    COMPLETION_COL: f'=IF({blank},"",{self.call("COMPLETION_RATE", *args, "reverse_method")})'}
        for group in self.groups.values():
            member = self.in_group(c["level1"], group.row.indicator_part.get("level1"))
            weight = self.indicator_weight(c["weight"])
            formulas[group.weight_col] = f'=IF({blank},"",IF({member},{weight},""))'
            formulas[group.score_col] = f'=IF({blank},"",IF({member},{c["score"]},""))'
        return formulas

    def indicator_score(self, r: int, args: tuple[str, str, str], weight: str) -> str:
        return self.call("PERF_SCORE", *args, weight, "reverse_method")

    def indicator_weight(self, weight: str) -> str:
        """An indicator's weight as the weight check sums it (PERF_TOTAL: to 2 decimals)."""
        return self.call("PERF_SUM", weight)

    @staticmethod
    def in_group(ref: str, wanted) -> str:
        """core.indicators.in_group in the spreadsheet."""
        if not wanted:
            return "TRUE"
        key = text_key_formula(ref)
        return "OR(" + ",".join(f"{key}={quote(w)}" for w in wanted) + ")"
