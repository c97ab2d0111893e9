"""Excel formulas for a rule set: each part of each row becomes an expression over
defined names, calling the registry's functions.

Every parameter (points, limits, tier tables, options) is a named cell of 评分规则 that the
formula references, so changing a threshold there changes the score in Excel and headless.
The expressions mirror `scoring.py` step for step; the round-trip tests hold them equal.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .rulesets import Part, RateSpec, Row, RuleSet

SCORE_TOLERANCE = 0.005


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


def blank_safe(expr: str) -> str:
    """`expr` as an IF branch: a bare reference to a blank cell becomes "" instead of 0."""
    if expr.replace("_", "").replace("$", "").isalnum():
        return f'IF(ISBLANK({expr}),"",{expr})'
    return expr


def _quote(text: str) -> str:
    return '"' + str(text).replace('"', '""') + '"'


class FormulaBuilder:
    """Builds the formulas of one rule set and collects the rule parameters they use."""

    def __init__(self, rule_set: RuleSet):
        self.rs = rule_set
        self.params: list[RuleParam] = []

    # ------------------------------------------------------------------ inputs
    def value(self, key: str) -> str:
        """The value an input stands for: its cell, or its parts, fallback or default when blank.

        IF never hands back a blank cell (Excel and formulas would make it 0, a score where
        the input is missing): a blank travels as "" and our functions read it as missing."""
        spec = self.rs.inputs[key]
        if spec.sum_of:
            parts = ",".join(f"IF(ISBLANK({p}),0,{p})" for p in spec.sum_of)
            all_blank = ",".join(f"ISBLANK({p})" for p in spec.sum_of)
            return f'IF(ISBLANK({key}),IF(AND({all_blank}),"",PERF_SUM({parts})),{key})'
        if spec.fallback:
            return f"IF(ISBLANK({key}),{blank_safe(self.value(spec.fallback))},{key})"
        if spec.default is not None:
            return f"IF(ISBLANK({key}),{_quote(spec.default)},{key})"
        return key

    def _raw_inputs(self, key: str) -> list[str]:
        spec = self.rs.inputs[key]
        extra = list(spec.sum_of) + ([spec.fallback] if spec.fallback else [])
        return [key] + [k for e in extra for k in self._raw_inputs(e)]

    def _sum(self, keys: tuple[str, ...]) -> str:
        if len(keys) == 1:
            return self.value(keys[0])
        return f"PERF_SUM({','.join(self.value(k) for k in keys)})"

    # ------------------------------------------------------------------- rates
    def rate_function(self, rate: RateSpec) -> str:
        kinds = {self.rs.inputs[k].kind for k in rate.num + rate.den}
        if "signed_money" in kinds:
            return "ADJUST_RATE"
        return "EXEC_RATE" if kinds == {"money"} else "CONTROL_RATE"

    def rate(self, rate: RateSpec) -> str:
        """The rate cell: empty while none of its inputs is filled."""
        blanks = ",".join(f"ISBLANK({k})" for key in rate.num + rate.den for k in self._raw_inputs(key))
        return (f'=IF(AND({blanks}),"",'
                f"{self.rate_function(rate)}({self._sum(rate.num)},{self._sum(rate.den)}))")

    def _rate_ref(self, key: str) -> str:
        return key if key in self.rs.rates else self.value(key)

    def _empty(self, key: str) -> str:
        """Nothing planned and nothing done (0 of 0); PERF_SUM so that a blank is #N/A, not 0."""
        rate = self.rs.rates[key]
        total = lambda keys: f"PERF_SUM({','.join(self.value(k) for k in keys)})"  # noqa: E731
        return f"AND({total(rate.num)}=0,{total(rate.den)}=0)"

    # ------------------------------------------------------------------- rules
    def _param(self, row: Row, index: int, param: str, label: str, value: object) -> str:
        name = param_name(row, index, param)
        self.params.append(RuleParam(name, row, label, value=value))
        return name

    def _table(self, row: Row, index: int, param: str, label: str, rows) -> str:
        name = param_name(row, index, param)
        self.params.append(RuleParam(name, row, label, table=list(rows)))
        return name

    # ------------------------------------------------------------------- parts
    def part(self, row: Row, index: int, part: Part, indicator_ranges: dict[str, tuple[str, str]]) -> str:
        p = part.params
        if part.method == "ratio":
            points = self._param(row, index, "points", "满分", part.points)
            cap = self._param(row, index, "cap", "比率上限", p.get("cap", 1.0))
            rate = self._rate_ref(p["rate"])
            expr = f"RATIO_SCORE({rate},{points},{cap})"
            if p.get("zero_above") is not None:
                limit = self._param(row, index, "zero_above", "比率超过此值不得分", p["zero_above"])
                expr = f"IF({rate}>{limit},0,{expr})"
            return self._empty_full(part, expr, points)
        if part.method == "tiers":
            tiers = self._table(row, index, "tiers", "分档（条件, 分值）", part.get("tiers"))
            points = self._param(row, index, "points", "满分", part.points) if part.get("empty_full") else None
            return self._empty_full(part, f"TIER_SCORE({self._rate_ref(p['rate'])},{tiers})", points)
        if part.method == "excess":
            limit = self._param(row, index, "limit", "限额", p["limit"])
            per_point = self._param(row, index, "per_point", "每超1个百分点扣分", p["per_point"])
            points = self._param(row, index, "points", "满分", part.points)
            return f"EXCESS_DEDUCT({self._rate_ref(p['rate'])},{limit},{per_point},{points})"
        if part.method == "deduct":
            points = self._param(row, index, "points", "满分", part.points)
            per_item = self._param(row, index, "per_item", "每处扣分", p["per_item"])
            return f"DEDUCT_SCORE({points},{self.value(p['count'])},{per_item})"
        if part.method == "quarterly":
            qp = self._param(row, index, "quarter_points", "每季度分值", p.get("quarter_points", 1.0))
            ap = self._param(row, index, "average_points", "平均完成分值", p.get("average_points", 2.0))
            args = ",".join(self.value(k) for k in (p["budget"], *p["quarters"]))
            return f"QUARTER_SCORE({args},{qp},{ap})"
        if part.method == "check":
            terms = []
            for item in part.items:
                label = f"满分：{self.rs.inputs[item.input].label}"
                maximum = self._param(row, index, f"{item.input}_max", label, item.max)
                terms.append(f"CHECK_SCORE({self.value(item.input)},{maximum})")
            return "+".join(terms)
        if part.method == "choice":
            options = self._table(row, index, "options", "选项（选项, 分值）", p["options"].items())
            return f"VLOOKUP({self.value(p['input'])},{options},2,FALSE)"
        if part.method == "indicators":
            weight = self._param(row, index, "weight_sum", "各指标权重合计应为", part.points)
            weights, scores = indicator_ranges[row.id]
            return (f"IF(ABS(PERF_TOTAL({weights})-{weight})>={SCORE_TOLERANCE},NA(),"
                    f"PERF_TOTAL({scores}))")
        raise ValueError(part.method)  # pragma: no cover - rulesets validates methods

    def _empty_full(self, part: Part, expr: str, points: str | None) -> str:
        if not part.get("empty_full"):
            return expr
        return f"IF({self._empty(part.get('rate'))},{points},{expr})"

    def row(self, row: Row, indicator_ranges: dict[str, tuple[str, str]]) -> str:
        terms = [self.part(row, i, part, indicator_ranges) for i, part in enumerate(row.parts)]
        expr = f"PERF_ROUND({'+'.join(terms)},2)"
        for o in reversed(row.overrides):
            score = self._param(row, len(row.parts), f"{o.input}_score",
                                f"“{self.rs.inputs[o.input].label}”为是时的得分",
                                row.weight if o.score is None else o.score)
            expr = f"IF(CHECK_SCORE({self.value(o.input)},1)=1,{score},{expr})"
        return "=" + expr
