"""Score a submission's rows by its rule set: each part by its method (methods.METHODS).

Errors are collected, not raised: every item comes back with a score or with the
`CellError`s that stopped it, so one bad cell never hides the rest of the sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from . import arithmetic
from .errors import CellError
from .findings import SCORE_TOLERANCE
from .indicators import IndicatorResult, collect
from .methods import METHODS, ScoringContext
from .rounding import excel_round
from .rulesets import Row, RuleSet
from .submission import Submission


@dataclass
class ItemResult:
    row: Row
    score: float | None = None
    errors: list[CellError] = field(default_factory=list)
    indicator_weight: float | None = None   # the sum of its indicators' weights
    members: list[IndicatorResult] = field(default_factory=list)

    @property
    def weight_mismatch(self) -> bool:
        """Its indicators' weights are known and do not add up to the row's indicator points."""
        part = self.row.indicator_part
        return part is not None and self.indicator_weight is not None and \
            abs(self.indicator_weight - part.points) >= SCORE_TOLERANCE


def score_row(row: Row, sub: Submission, indicators: list[IndicatorResult]) -> ItemResult:
    result = ItemResult(row)
    for override in row.overrides:
        if collect(result.errors, sub.value, override.input):
            result.score = row.weight if override.score is None else override.score
            return result
    if result.errors:
        return result
    ctx = ScoringContext(sub, indicators, result.errors)
    total = 0.0
    for part in row.parts:
        points = collect(ctx.errors, METHODS[part.method].score, part, ctx)
        if points is not None:
            total += points
    result.members, result.indicator_weight = ctx.members, ctx.indicator_weight
    if not result.errors and (row.indicator_part is None or _indicators_ok(result)):
        result.score = excel_round(total, 2)
    return result


def _indicators_ok(result: ItemResult) -> bool:
    return (all(m.score is not None for m in result.members)
            and result.indicator_weight is not None and not result.weight_mismatch)


def score_rows(rule_set: RuleSet, sub: Submission, indicators: list[IndicatorResult],
               scored: Mapping[str, float] = {}) -> list[ItemResult]:
    """Each row scored; a row in `scored` (its formula's number, which stands) is only taken,
    except an indicators row, whose members the audit reads."""
    return [ItemResult(row, scored[row.id]) if row.id in scored and row.indicator_part is None
            else score_row(row, sub, indicators) for row in rule_set.rows]


def total_of(items: list[ItemResult]) -> float | None:
    scores = [i.score for i in items]
    return None if None in scores else arithmetic.perf_total(scores)
