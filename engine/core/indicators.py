"""A department's own performance indicators (个性指标, SPEC 4.2): the table's columns,
one row's completion and score, and which scoring row an indicator belongs to."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import arithmetic, parsing
from .contract import native_direction, numbers_only
from .errors import CellError

INDICATOR_COLUMNS = ("level1", "level2", "name", "direction", "target", "unit", "midyear_actual",
                     "actual", "weight", "coefficient", "self_score", "score", "deviation_reason",
                     "improvement")
INDICATOR_LABELS = dict(zip(INDICATOR_COLUMNS, (
    "一级指标", "二级指标", "三级指标", "指标性质", "目标值", "计量单位", "年中完成值", "实际完成值",
    "权重", "定性系数", "自评得分", "得分", "偏差原因", "改进措施")))
DIRECTION_OPTIONS = ("≥", ">", "＝", "≤", "<", "定性")   # never a bare "=": Excel takes it for a formula
QUALITATIVE = "定性"


def indicator_path(row: int, column: str | None = None) -> str:
    return f"indicators[{row}]" + (f".{column}" if column else "")


def in_group(level1: object, wanted: Iterable[str]) -> bool:
    """Whether an indicator's 一级指标 is one of `wanted`, by parsing.text_key."""
    return parsing.text_key(level1) in {parsing.text_key(w) for w in wanted}


def uses_coefficient(raw: Mapping[str, object]) -> bool:
    """A 定性 indicator with its coefficient in the 定性系数 column (else it is in 实际完成值)."""
    return parsing.text_key(raw.get("direction")) == QUALITATIVE and not parsing.is_blank(raw.get("coefficient"))


@dataclass
class IndicatorResult:
    row: int                      # 1-based position in the submitted table
    name: str
    level1: str
    weight: float | None = None
    completion: float | None = None
    score: float | None = None
    errors: list[CellError] = field(default_factory=list)


def collect(errors: list[CellError], compute, *args) -> object:
    """compute(*args), or None with its CellError added to `errors`."""
    try:
        return compute(*args)
    except CellError as exc:
        errors.append(exc)
        return None


def score_indicator(n: int, raw: Mapping[str, object], reverse_method: str, contract: str = "udf",
                    computed: tuple[float, float] | None = None) -> IndicatorResult:
    """One row scored; with `computed` (the score and completion its formulas gave, numbers),
    only its weight is read: the formulas' result stands and there is nothing to explain."""
    name = str(raw.get("name") or "").strip()
    result = IndicatorResult(n, name, str(raw.get("level1") or "").strip())
    errors = result.errors

    def label(column: str) -> str:
        return f"第{n}行指标「{name}」的{INDICATOR_LABELS[column]}"

    def path(column: str) -> str:
        return indicator_path(n, column)

    native = contract == "native"

    def read_weight() -> None:
        # read as the template's PERF_SCORE and PERF_SUM read it (udfs.registry: kind "amount")
        read = numbers_only(parsing.parse_amount) if native else parsing.parse_amount
        result.weight = collect(errors, read, raw.get("weight"), label("weight"), path("weight"))

    if computed is not None:
        read_weight()
        result.score, result.completion = computed
        return result
    read_direction = native_direction if native else parsing.parse_direction
    direction = collect(errors, read_direction, raw.get("direction"), label("direction"), path("direction"))
    read_weight()
    actual_key = "coefficient" if uses_coefficient(raw) else "actual"
    if native and direction is not None:   # the native formulas read numbers only (a 定性 target is its tier)
        columns = (actual_key,) if direction == QUALITATIVE else ("target", actual_key)
        read = numbers_only(parsing.parse_rate if direction == QUALITATIVE else parsing.parse_indicator_value,
                            percent=direction == QUALITATIVE)
        if None in [collect(errors, read, raw.get(c), label(c), path(c)) for c in columns]:
            direction = None
    if direction is not None:
        result.completion = collect(
            errors, arithmetic.indicator_completion, direction, raw.get("target"), raw.get(actual_key),
            reverse_method, (label("target"), label(actual_key)), (path("target"), path(actual_key)))
    if result.completion is not None and result.weight is not None and not errors:
        result.score = arithmetic.indicator_score(result.completion, result.weight)
    return result


def score_indicators(reverse_method: str, rows: list[Mapping[str, object]],
                     contract: str = "udf", computed: Mapping[int, tuple[float, float]] = {}) -> list[IndicatorResult]:
    """Rows with no name are blank table rows: ignored, as in the workbook."""
    return [score_indicator(n, raw, reverse_method, contract, computed.get(n))
            for n, raw in enumerate(rows, 1) if not parsing.is_blank(raw.get("name"))]
