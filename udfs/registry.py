"""The one catalogue of perfscore's Excel functions (SPEC 4.9).

Each function is declared once: its Excel name, Chinese help, parameters (kind, label,
default, help) and the engine function it calls.  `ExcelFunction.__call__` is the single
place where Excel-like arguments are coerced and errors propagate, so the engine
functions stay plain arithmetic.  Both the xlwings module (`udfs.xl`) and the headless
engine take their functions from `REGISTRY`, so the two can never disagree.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Callable

from engine.core import arithmetic, parsing, rates
from engine.core.errors import CODES, NA, VALUE, CellError
from engine.core.methods import default_of
from engine.core.rounding import excel_round
from engine.core.xlvalues import host_value

REQUIRED = object()
OPTIONAL = object()   # optional, with the default of the engine function's own parameter

# kind → how an Excel-like argument becomes the engine's value (label names the field)
COERCE: dict[str, Callable[[object, str], object]] = {
    "money": parsing.parse_money,
    "signed_money": lambda v, label: parsing.parse_money(v, label, signed=True),
    "amount": parsing.parse_amount,
    "count": parsing.parse_count,
    "rate": parsing.parse_rate,
    "number": parsing.parse_number,
    "check": parsing.parse_check,
    "direction": parsing.parse_direction,
    "text": parsing.parse_text,
    "value": lambda v, label: v,             # parsed by the engine function itself
    "tiers": lambda v, label: _tiers(_hashable(v), True),
    "bands": lambda v, label: _tiers(_hashable(v), False),
    "scores": lambda v, label: parsing.parse_scores(v, label),
    "amounts": lambda v, label: parsing.parse_amounts(v, label),
}


def _hashable(value: object) -> object:
    return tuple(_hashable(v) for v in value) if isinstance(value, (list, tuple)) else value


@functools.lru_cache(maxsize=256)   # a rule set's tier tables are the same cells in every workbook
def _tiers(table: object, points_are_numbers: bool) -> tuple:
    return arithmetic.parse_tiers(table, points_are_numbers)


# the parameters xlwings hands over as a 2-D list (xl.build_udf: ndim=2): tables and score ranges
TWO_D_KINDS = ("tiers", "bands", "scores")
# Excel error values as they reach Python: xlwings' err_to_str, or our own message text
_HOST_ERROR = re.compile(r"^(#N/A|#VALUE!|#DIV/0!|#NUM!|#REF!|#NAME\?|#NULL!|#SPILL!|#CALC!)(\s|$)")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    label: str            # the field's name in error messages
    help: str             # shown in Excel's function wizard
    default: object = REQUIRED
    variadic: bool = False

    @property
    def optional(self) -> bool:
        return self.default is not REQUIRED


@dataclass(frozen=True)
class ExcelFunction:
    name: str
    help: str
    params: tuple[Param, ...]
    compute: Callable[..., object]
    example: str          # a worked call for the README and the tests: "=EXEC_RATE(919.76, 951.76)"
    result: str           # what the example gives

    def __post_init__(self):
        # OPTIONAL parameters take the engine function's own default: one place for each
        params = tuple(replace(p, default=default_of(self.compute, p.name)) if p.default is OPTIONAL else p
                       for p in self.params)
        object.__setattr__(self, "params", params)

    def __call__(self, *args: object) -> object:
        """Call with Excel-like values (numbers, strings, None for blank, nested lists)."""
        fixed = [p for p in self.params if not p.variadic]
        if len(args) > len(fixed) and not any(p.variadic for p in self.params):
            raise CellError(VALUE, f"{self.name} 最多 {len(fixed)} 个参数，实际 {len(args)} 个")
        values = [self._coerce(p, args[i] if i < len(args) else None) for i, p in enumerate(fixed)]
        for p in self.params:
            if p.variadic:
                values.append(self._coerce(p, [list(args[len(fixed):])]))
        return self.compute(*values)

    def cell_value(self, *args: object) -> object:
        """What the cell of a call shows in Excel through classic xlwings: the result, or for an
        error the text of its code and message (xlwings puts an exception's text in the cell)."""
        try:
            return self(*args)
        except CellError as exc:
            return str(exc)
        except Exception as exc:  # a bug must not put a traceback in a user's cell
            return f"{VALUE} 计算出错：{type(exc).__name__}"

    @staticmethod
    def _coerce(param: Param, value: object) -> object:
        if value is None or type(value) in (float, str, bool, int):
            return _coerced(param, value)
        return _coerce(param, value)


def _from_host(value: object) -> object:
    """What xlwings hands over beyond floats, text and blanks — Decimal (a currency-formatted
    cell), datetime (a date), in ranges too — as Excel's own formulas see it (a number)."""
    if isinstance(value, (list, tuple)):
        return [_from_host(v) for v in value]
    return host_value(value)


def _coerce(param: Param, value: object) -> object:
    """An argument as its parameter's engine function takes it; an Excel error's text is that error."""
    value = _from_host(value)
    for cell in parsing.flatten(value):
        if isinstance(cell, str):
            match = _HOST_ERROR.match(cell)
            if match:
                code = match[1] if match[1] in CODES else VALUE
                if param.kind == "scores":
                    code = NA
                raise CellError(code, f"{param.label}是错误值：{cell[:40]}")
    if parsing.is_blank(value) and param.optional:
        return param.default
    return COERCE[param.kind](value, param.label)


# a value is read the same way every time (a workbook's 是, a rule's 0.9): each (parameter,
# value) once a process; typed, so that TRUE and 1 stay apart.  An error is not kept.
_coerced = functools.lru_cache(maxsize=1 << 14, typed=True)(_coerce)


def _p(name: str, kind: str, label: str, help: str, default: object = REQUIRED, variadic: bool = False) -> Param:
    return Param(name, kind, label, help, default, variadic)


_DIRECTION = _p("direction", "direction", "指标性质", "指标性质：≥ > = ≤ < 或 定性")
_TARGET = _p("target", "value", "目标值", "目标值（定性指标填档次：达成年度指标/部分达成并具有一定效果/未达成且效果较差）")
_ACTUAL = _p("actual", "value", "实际完成值", "实际完成值（定性指标填系数，如 90%）")
_REVERSE = _p("reverse_method", "text", "反向指标计分方法", "反向指标超出目标时的计分方法：ratio（目标值÷实际值，默认）或 deviation", OPTIONAL)

REGISTRY: tuple[ExcelFunction, ...] = (
    ExcelFunction("EXEC_RATE", "预算执行率＝执行数÷预算数（预算为0且未支出时为0）", (
        _p("actual", "money", "执行数", "全年执行数（万元）"),
        _p("budget", "money", "预算数", "全年预算数（万元）")),
        rates.exec_rate, "=EXEC_RATE(919.76, 951.76)", "0.9664（96.64%）"),
    ExcelFunction("ADJUST_RATE", "预算调整率＝调整数÷年初预算数（调整数可为负）", (
        _p("adjustment", "signed_money", "预算调整数", "年中预算调整数（万元），调减为负数"),
        _p("initial", "money", "年初预算数", "年初预算数（万元）")),
        rates.adjust_rate, "=ADJUST_RATE(176.31, 775.45)", "0.2274（22.74%）"),
    ExcelFunction("CONTROL_RATE", "控制率＝实际数÷预算（核定）数，用于“三公”经费、公用经费、人员编制", (
        _p("actual", "amount", "实际数", "实际支出（万元）或实有人数"),
        _p("budget", "amount", "预算数", "预算数（万元）或核定编制数")),
        rates.control_rate, "=CONTROL_RATE(0, 0)", "0"),
    ExcelFunction("COMPLETION_RATE", "指标完成率（不封顶）：正向＝实际÷目标；反向未超目标为100%", (
        _DIRECTION, _TARGET, _ACTUAL, _REVERSE),
        arithmetic.indicator_completion, '=COMPLETION_RATE("≥", "95%", "100%")', "1.0526（105.26%）"),
    ExcelFunction("PERF_SCORE", "个性指标得分＝权重×min(完成率,1)，保留2位小数", (
        _DIRECTION, _TARGET, _ACTUAL,
        _p("weight", "amount", "权重", "该指标的权重分值"), _REVERSE),
        arithmetic.perf_score, '=PERF_SCORE("≥", "100人", "52人", 15)', "7.80"),
    ExcelFunction("RATIO_SCORE", "比率得分＝分值×min(比率,上限)，保留2位小数", (
        _p("rate", "rate", "比率", "比率，如预算执行率 93.16%"),
        _p("weight", "number", "分值", "该项分值"),
        _p("cap", "number", "上限", "比率上限，默认 1", OPTIONAL)),
        arithmetic.ratio_score, "=RATIO_SCORE(0.9316, 10)", "9.32"),
    ExcelFunction("TIER_SCORE", "分档计分：按条件自上而下匹配，返回第一档的分值", (
        _p("value", "rate", "比率", "被评价的数值或比率"),
        _p("tiers", "tiers", "分档规则", "两列区域（条件, 分值），或文本 \">=0.9:1;>=0.75:0.7;else:0\"")),
        arithmetic.tier_score, '=TIER_SCORE(0.9, ">=90%:1;>=75%:0.7;>=60%:0.4;else:0")', "1"),
    ExcelFunction("DEDUCT_SCORE", "扣分制：满分−次数×每次扣分，最低0分", (
        _p("full", "number", "满分", "该项满分"),
        _p("count", "count", "扣分次数", "发现问题的次数"),
        _p("per_item", "number", "每次扣分", "每次扣的分数")),
        arithmetic.deduct_score, "=DEDUCT_SCORE(8, 1, 4)", "4"),
    ExcelFunction("EXCESS_DEDUCT", "超限扣分：超过限额的每个百分点扣分（按超出幅度连续计算，不取整），最低0分", (
        _p("rate", "rate", "比率", "实际比率，如预算调整率 10.84%"),
        _p("limit", "rate", "限额", "限额，如 10%"),
        _p("per_point", "number", "每百分点扣分", "每超过1个百分点扣的分数"),
        _p("full", "number", "满分", "该项满分")),
        arithmetic.excess_deduct, "=EXCESS_DEDUCT(10.84%, 10%, 0.1, 1)", "0.916"),
    ExcelFunction("QUARTER_SCORE", "预算执行率按序时进度计分：每季度 min(进度÷序时进度,1)×季度分 + 平均完成比例×平均分，保留2位小数", (
        _p("budget", "money", "全年预算数", "全年预算数（万元）"),
        _p("q1", "money", "一季度末累计支出", "3月末累计支出（万元）"),
        _p("q2", "money", "二季度末累计支出", "6月末累计支出（万元）"),
        _p("q3", "money", "三季度末累计支出", "9月末累计支出（万元）"),
        _p("q4", "money", "四季度末累计支出", "12月末累计支出（万元）"),
        _p("quarter_points", "number", "每季度分值", "每季度分值，默认 1", OPTIONAL),
        _p("average_points", "number", "平均完成分值", "四季度平均完成比例的分值，默认 2", OPTIONAL)),
        arithmetic.quarter_score, "=QUARTER_SCORE(100, 45.67, 57.96, 65.97, 99.46)", "5.87（1＋1＋0.8796＋0.9946＋2）"),
    ExcelFunction("CHECK_SCORE", "检查项得分：是→满分，否→0，或直接填写 0～满分 之间的得分", (
        _p("value", "check", "检查项", "是/否、√/×，或酌情给出的分数"),
        _p("max", "number", "满分", "该检查项满分")),
        arithmetic.check_score,
        '=CHECK_SCORE("是", 1.5)', "1.5"),
    ExcelFunction("PERF_ROUND", "Excel 规则的四舍五入（按显示的15位有效数字，远离零方向）", (
        _p("number", "number", "数值", "要舍入的数值"),
        _p("digits", "number", "小数位数", "小数位数，默认 2", OPTIONAL)),
        excel_round, "=PERF_ROUND(1.005, 2)", "1.01"),
    ExcelFunction("PERF_TOTAL", "总分＝各评分项得分（各自保留2位小数）之和；任一项出错则为 #N/A", (
        _p("scores", "scores", "评分项得分", "一个或多个得分区域", variadic=True),),
        arithmetic.perf_total, "=PERF_TOTAL(9.32, 90)", "99.32"),
    ExcelFunction("PERF_SUM", "金额或人数求和（各项均须填写；可带“万元”“人”等单位），用于比率的分子分母", (
        _p("values", "amounts", "求和项", "要相加的金额或人数（单元格或区域）", variadic=True),),
        rates.amount_sum, '=PERF_SUM("48人", "2人")', "50"),
    ExcelFunction("PERF_GRADE", "等级：≥90 优，≥80 良，≥60 中，其余 差（可自定义分档）", (
        _p("total", "number", "总分", "综合得分"),
        _p("bands", "bands", "等级分档", "可选：两列区域（下限, 等级），或文本 \">=90:优;>=80:良;>=60:中;else:差\"", None)),
        arithmetic.perf_grade, "=PERF_GRADE(88.5)", "良"),
)

FUNCTIONS: dict[str, ExcelFunction] = {f.name: f for f in REGISTRY}
