"""`evaluate(data)`: score a submission given as data (SPEC 7.3) → `Evaluation` (SPEC 7.4)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from . import arithmetic, audit, parsing, rulesets
from .errors import CellError
from .findings import Finding, FindingList
from .indicators import IndicatorResult, score_indicators
from .rounding import excel_round
from .scoring import ItemResult, score_rows, total_of
from .submission import Submission

TOP_LEVEL_KEYS = ("rule_set", "dept_name", "fiscal_year", "inputs", "indicators",
                  "self_scores", "stated_rates", "self_grade")

# where a finding points: a data path such as "inputs.budget_total"; the workbook
# engine passes a function that turns these into cell addresses such as "评分表!G7"
Locate = Callable[[str], str]


@dataclass
class Evaluation:
    source: str | None
    rule_set: str | None
    dept_name: str | None
    fiscal_year: int | None
    items: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    rates: dict[str, float | None] = field(default_factory=dict)
    total: float | None = None
    self_total: float | None = None
    grade: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def evaluated(self) -> bool:
        """False when the submission could not be scored at all (unknown rule set)."""
        return self.rule_set is not None

    def to_dict(self) -> dict:
        return {
            "source": self.source, "rule_set": self.rule_set, "dept_name": self.dept_name,
            "fiscal_year": self.fiscal_year, "items": self.items, "indicators": self.indicators,
            "rates": self.rates, "total": self.total, "self_total": self.self_total,
            "grade": self.grade, "findings": [f.to_dict() for f in self.findings],
        }


def _identity(path: str) -> str:
    return path


@dataclass
class Computed:
    """Results a workbook's own formulas gave; they take the place of the Python scores.

    Values are numbers, strings (the grade) or Excel error codes such as "#N/A"."""
    items: dict[str, object] = field(default_factory=dict)
    indicators: dict[int, tuple[object, object]] = field(default_factory=dict)   # row → (score, completion)
    rates: dict[str, object] = field(default_factory=dict)
    total: object = None
    grade: object = None


def evaluate(data: Mapping[str, object], source: str | None = None, locate: Locate = _identity,
             computed: Computed | None = None, prior: list[tuple[str, str, str, str]] = (),
             contract: str = "udf", rule_set: rulesets.RuleSet | None = None) -> Evaluation:
    """Score `data`; never raises on bad data: every problem is a finding.

    `contract` is how typed values are read (core.contract): a workbook's formula flavour;
    data given as JSON is read as SPEC 2 reads it ("udf").  `rule_set`: the rule set to score by,
    when the caller has it (else the one `data["rule_set"]` names).

    With `computed` (from `recalc`), the workbook's formula results are the scores, and the
    Python scoring explains any that are errors.  `prior` findings (severity, code, where,
    message) come first: what the workbook check found."""
    report = FindingList(locate)
    for severity, code, where, message in prior:
        report.add(severity, code, where, message)
    if not isinstance(data, Mapping):
        report.error("BAD_VALUE", "", f"提交的数据应为 JSON 对象，实际为 {type(data).__name__}")
        return Evaluation(source, None, None, None, findings=report.findings)
    for key in data:
        if key not in TOP_LEVEL_KEYS and not str(key).startswith("_"):
            report.error("BAD_VALUE", str(key), f"未知的数据项：{key}")
    inputs = _mapping(data, "inputs", report)
    try:
        rule_set = rulesets.load(rule_set or str(data.get("rule_set") or ""))
    except rulesets.RuleSetError as exc:
        report.error("TEMPLATE_UNKNOWN", "rule_set", str(exc))
        return Evaluation(source, None, _text(data.get("dept_name") or inputs.get("dept_name")), None,
                          findings=report.findings)

    merged = dict(inputs)
    for key in ("dept_name", "fiscal_year"):
        if not parsing.is_blank(data.get(key)):
            if not parsing.is_blank(inputs.get(key)) and str(inputs[key]) != str(data[key]):
                report.error("BAD_VALUE", f"inputs.{key}", f"{key} 填写了两个不同的值：{data[key]} / {inputs[key]}")
            merged[key] = data[key]
    sub = Submission(rule_set, merged, contract)
    indicator_rows = _rows(data.get("indicators"), report)
    indicators = score_indicators(rule_set.reverse_method, indicator_rows, contract, _computed_rows(computed))
    items = score_rows(rule_set, sub, indicators, _scored(computed))
    total = total_of(items)
    grade = arithmetic.perf_grade(total, rule_set.grade_bands) if total is not None else None
    if computed is not None:
        total, grade = _number(computed.total), _text_result(computed.grade)
        _take_computed(computed, items, indicators, report)

    self_scores = _mapping(data, "self_scores", report)
    evaluation = Evaluation(
        source=source, rule_set=rule_set.id,
        dept_name=_safe(sub, "dept_name"), fiscal_year=_safe(sub, "fiscal_year"),
        items=[_item_dict(i, self_scores, report) for i in items],
        indicators=[_indicator_dict(i, indicator_rows[i.row - 1], report) for i in indicators],
        rates=_rates(sub, computed), total=total, grade=grade,
        self_total=audit.self_number(self_scores.get("total"), "self_scores.total", "自评总分", report),
    )
    audit.run(report, rule_set, sub, items, indicators, indicator_rows, evaluation,
              self_scores, _mapping(data, "stated_rates", report), data.get("self_grade"))
    evaluation.findings = report.findings
    return evaluation


def _computed_rows(computed: Computed | None) -> Mapping[int, tuple[float, float]]:
    """The indicator rows whose formulas gave a score and a completion."""
    if computed is None:
        return {}
    rows = {}
    for n, (score, completion) in computed.indicators.items():
        score, completion = _number(score), _number(completion)
        if score is not None and completion is not None:
            rows[n] = (score, completion)
    return rows


def _scored(computed: Computed | None) -> Mapping[str, float]:
    """The rows the workbook's formulas gave a number: nothing for the Python scoring to explain."""
    if computed is None:
        return {}
    return {key: number for key, value in computed.items.items() if (number := _number(value)) is not None}


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _text_result(value: object) -> str | None:
    return value if isinstance(value, str) and value and not value.startswith("#") else None


def _take_computed(computed: Computed, items: list[ItemResult], indicators: list[IndicatorResult],
                   report: FindingList) -> None:
    for item in items:
        value = computed.items.get(item.row.id)
        item.score = _number(value)
        if item.score is None and not item.errors and not _explained(item):
            report.error("BAD_VALUE", f"items.{item.row.id}", f"「{item.row.name}」的公式结果为 {value}")
    for ind in indicators:
        score, completion = computed.indicators.get(ind.row, (None, None))
        ind.score, ind.completion = _number(score), _number(completion)


def _explained(item: ItemResult) -> bool:
    """An indicator subtotal that is null because of its indicators or their weights."""
    if item.row.indicator_part is None:
        return False
    return any(m.errors for m in item.members) or item.indicator_weight is None or item.weight_mismatch


def _rates(sub: Submission, computed: Computed | None) -> dict[str, float | None]:
    """Every rate whose inputs are given: the formula's when a workbook computed them."""
    return audit.rates(sub, None if computed is None else lambda key: _number(computed.rates.get(key)))


def _item_dict(item: ItemResult, self_scores: Mapping, report: FindingList) -> dict:
    row = item.row
    return {"id": row.id, "name": row.name, "weight": row.weight, "score": item.score,
            "self_score": audit.self_number(self_scores.get(row.id), f"self_scores.{row.id}",
                                            f"「{row.name}」的自评得分", report)}


def _indicator_dict(result: IndicatorResult, raw: Mapping, report: FindingList) -> dict:
    completion = None if result.completion is None else excel_round(result.completion, 4)
    return {"row": result.row, "name": result.name, "completion": completion, "score": result.score,
            "self_score": audit.self_number(raw.get("self_score"), f"indicators[{result.row}].self_score",
                                            f"第{result.row}行指标「{result.name}」的自评得分", report)}


def _safe(sub: Submission, key: str) -> object:
    try:
        return sub.value(key)
    except CellError:
        return None


def _text(value: object) -> str | None:
    return None if parsing.is_blank(value) else str(value).strip()


def _mapping(data: Mapping, key: str, report: FindingList) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        report.error("BAD_VALUE", key, f"{key} 应为 JSON 对象（键: 值），实际为 {type(value).__name__}")
        return {}
    return dict(value)


def _rows(value: object, report: FindingList) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
        report.error("BAD_VALUE", "indicators", "indicators 应为指标对象的列表")
        return []
    return [dict(r) for r in value]
