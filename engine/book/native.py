"""The native formula flavour: the catalogue's functions spelled in ordinary spreadsheet
functions (IF, AND, OR, MIN, MAX, ROUND, ABS, SUM, INDEX, ISNUMBER, SUBSTITUTE, CLEAN, NA),
so a template computes live in WPS, LibreOffice and any Excel without Python.

A second back end of the methods' FormulaWriter (formulagen.FormulaBuilder is the first):
the methods write `w.call("TIER_SCORE", …)`; this class writes what TIER_SCORE computes.
Native inputs are numbers (`fill` parses what people type; the cells validate), so the
expressions check numbers with ISNUMBER and give #N/A for a missing one and for a value out
of its range, as the Python functions do.
"""
from __future__ import annotations

from ..core import catalogue
from ..core.arithmetic import parse_tiers
from .formulagen import FormulaBuilder, quote

FLAVOURS = ("udf", "native")
NUMERIC_KINDS = ("money", "signed_money", "count", "rate")


def number(x: str, signed: bool = False) -> str:
    """`x` when it is a number (and not negative unless `signed`), else #N/A."""
    if signed:
        return f"IF(ISNUMBER({x}),{x},NA())"
    return f"IF(ISNUMBER({x}),IF({x}<0,NA(),{x}),NA())"


def either(x: str, *spellings: str) -> str:
    return "OR(" + ",".join(f"{x}={quote(s)}" for s in spellings) + ")"


class NativeFormulaBuilder(FormulaBuilder):
    flavour = "native"

    def __init__(self, rule_set, groups=()):
        super().__init__(rule_set, groups)
        self._tables: dict[str, list[str]] = {}   # tiers table name → the operator of each row

    def table(self, name: str, rows) -> str:
        if name != "tiers":
            return super().table(name, rows)
        tiers = parse_tiers(rows)
        defined = super().table(name, [("else" if t.op == "else" else t.bound, t.points) for t in tiers])
        self._tables[defined] = [t.op for t in tiers]
        return defined

    def call(self, function: str, *args: str) -> str:
        return getattr(self, f"_{function.lower()}")(*args)

    def guard(self, value: str, body: str) -> str:
        return body   # a native value is a number or an Excel error, which travels by itself

    # ------------------------------------------------------------ inputs
    def value(self, key: str) -> str:
        return CheckedInputs.name(key)

    def checked(self, key: str) -> str:
        """The hidden cell v_<key>: the input as the scores use it, or #N/A (as Submission.value)."""
        spec = self.rs.inputs[key]
        if spec.kind in ("money", "count"):
            own = number(key)
        elif spec.kind in ("signed_money", "rate"):
            own = number(key, signed=True)
        else:
            own = key
        if spec.sum_of:
            parts = "+".join(f"IF({self.blank(p)},0,{self.value(p)})" for p in spec.sum_of)
            instead = f'IF(AND({",".join(self.blank(p) for p in spec.sum_of)}),NA(),{parts})'
        elif spec.fallback:
            instead = self.value(spec.fallback)
        elif spec.default is not None:
            instead = quote(spec.default)
        else:
            instead = "NA()"
        return f"=IF({self.blank(key)},{instead},{own})"

    # ------------------------------------------------------------- rates
    # the catalogue's definitions (core.catalogue), printed: one rule with the UDFs' Python
    def _exec_rate(self, actual: str, budget: str) -> str:
        return catalogue.ratio("预算执行率").formula(actual, budget)   # checked values (v_…) or their sums

    def _adjust_rate(self, adjustment: str, initial: str) -> str:
        return catalogue.ratio("预算调整率").formula(adjustment, initial)

    def _control_rate(self, actual: str, budget: str) -> str:
        return catalogue.ratio("控制率").formula(actual, budget)

    def hint(self, row, score: str, keys: list[str]) -> str:
        """The 提示 beside a score: why it is #N/A — every input missing or wrong, in words — or,
        when each is fine, what else to look at."""
        reason = (f"请检查{row.level3}的填写" if row.indicator_part is None else
                  f"请检查绩效指标表：缺少数据或填写有误，或权重合计不为 {row.indicator_part.points:g} 分")
        return self._hint(score, keys, reason)

    def rate_hint(self, rate, cell: str) -> str:
        """The 提示 beside a computed rate."""
        return self._hint(cell, list(rate.num + rate.den), f"请检查{rate.label}的金额（预算数为0而有支出时无法计算）")

    def _hint(self, value: str, keys: list[str], otherwise: str) -> str:
        problems = [p for key in dict.fromkeys(keys) if (p := self._input_problem(key))]
        if not problems:
            return f'=IF(ISNUMBER({value}),"",{quote(otherwise)})'
        said = "&".join(problems)
        return f'=IF(ISNUMBER({value}),"",IF({said}="",{quote(otherwise)},{said}))'

    def _input_problem(self, key: str) -> str | None:
        """What is wrong with one input, as a sentence ("" when nothing is): missing, an amount in
        元 (its unit named, as recalc names it), or text where a number belongs."""
        spec = self.rs.inputs[key]
        missing = quote(f"缺少输入：{spec.label}。")
        if spec.kind in NUMERIC_KINDS:
            wrong = quote(f"{spec.label}填写有误（应填数字）。")
            if spec.kind in ("money", "signed_money"):
                typed = f'SUBSTITUTE(SUBSTITUTE({key}," ",""),"　","")'
                # text holding 元 but not 万元 (the ordinary functions only: README lists them)
                in_yuan = f'AND(NOT(ISNUMBER({key})),SUBSTITUTE({typed},"元","")<>{typed},SUBSTITUTE({typed},"万元","")={typed})'
                in_words = spec.label.removesuffix("（万元）")
                wrong = f'IF({in_yuan},{quote(f"{in_words}的单位应为万元（不能按元填写）。")},{wrong})'
            return f'IF(ISNUMBER({self.value(key)}),"",IF({self.blank(key)},{missing},{wrong}))'
        if not (spec.default is not None or spec.fallback or spec.sum_of):
            return f'IF({self.blank(key)},{missing},"")'
        return None

    # ----------------------------------------------------------- methods
    def _ratio_score(self, rate: str, weight: str, cap: str) -> str:
        return catalogue.RATIO_SCORE.formula(number(rate), weight, cap)

    def _tier_score(self, value: str, tiers: str) -> str:
        return self._tiers(number(value, signed=True), tiers, self._tables[tiers])

    @staticmethod
    def _tiers(value: str, table: str, ops: list[str]) -> str:
        """catalogue.tiers, each tier's bound and points read from the rule table's row."""
        rows = range(1, len(ops) + 1)
        return catalogue.tiers(tuple(ops)).formula(value, *(f"INDEX({table},{n},1)" for n in rows),
                                                   *(f"INDEX({table},{n},2)" for n in rows))

    def _deduct_score(self, full: str, count: str, per_item: str) -> str:
        return catalogue.DEDUCT_SCORE.formula(full, count, per_item)

    def _excess_deduct(self, rate: str, limit: str, per_point: str, full: str) -> str:
        rate = number(rate, signed=True)   # a rate cell is "" while its amounts are blank
        return catalogue.EXCESS_DEDUCT.formula(rate, limit, per_point, full)

    def _quarter_score(self, budget: str, q1: str, q2: str, q3: str, q4: str, quarter_points: str,
                       average_points: str) -> str:
        return catalogue.QUARTER_SCORE.formula(budget, q1, q2, q3, q4, quarter_points, average_points)

    def _check_score(self, value: str, maximum: str) -> str:
        """是 is the maximum and 否 is 0 (the native cell's contract), points are catalogue.check's."""
        points = catalogue.check("检查项").formula(value, maximum)
        return f'IF({either(value, "是")},{maximum},IF({either(value, "否")},0,IF(ISNUMBER({value}),{points},NA())))'

    def _perf_round(self, x: str, digits: str) -> str:
        return f"ROUND({x},{digits})"

    def _perf_total(self, scores: str) -> str:
        return catalogue.TOTAL.formula(f"SUM({scores})")

    def _perf_sum(self, *values: str) -> str:
        return f"({catalogue.amounts_sum(len(values)).formula(*values)})"   # checked values

    def _perf_grade(self, total: str, bands: str) -> str:
        return self._tiers(total, bands, [t.op for t in self.rs.grade_bands])

    # --------------------------------------------------------- indicators
    def completion(self, direction: str, target: str, actual: str, reverse_method: str) -> str:
        """COMPLETION_RATE: catalogue.COMPLETION, or QUALITATIVE for a 定性 target (its tier), each
        reading numbers only (the native cell's contract)."""
        d, t, a = direction, target, actual
        qualitative = catalogue.QUALITATIVE.formula(t, a)
        quantitative = catalogue.COMPLETION.formula(d, t, a, reverse_method)
        return (f'IF({d}="定性",IF(ISNUMBER({a}),{qualitative},NA()),'
                f"IF(AND(ISNUMBER({t}),ISNUMBER({a})),{quantitative},NA()))")

    _completion_rate = completion

    def _perf_score(self, direction: str, target: str, actual: str, weight: str, reverse_method: str) -> str:
        completion = self.completion(direction, target, actual, reverse_method)
        return catalogue.INDICATOR_SCORE.formula(completion, number(weight))

    def indicator_score(self, r: int, args: tuple[str, str, str], weight: str) -> str:
        """The score reads the completion beside it (one long formula, not two)."""
        from .layout import COMPLETION_COL
        return catalogue.INDICATOR_SCORE.formula(f"${COMPLETION_COL}{r}", number(weight))

    def indicator_weight(self, weight: str) -> str:
        return f"ROUND({number(weight)},2)"


class CheckedInputs:
    """Native: every input's value, checked once in a hidden cell named v_<key> beside it
    (a formula that repeated the checks inline would pass Excel's 8,192 characters)."""

    COLUMN = "Z"   # far right, hidden; 评分表 shows its 提示 in H

    @staticmethod
    def name(key: str) -> str:
        return f"v_{key}"
