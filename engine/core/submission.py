"""A submission's inputs, parsed on demand by the kind the rule set declares.

Every value is read through `Submission.value`, so a missing or malformed input raises
the same `CellError` (with its data path in `.field`) wherever it is used.
"""
from __future__ import annotations

from typing import Mapping

from . import parsing
from .contract import reader
from .errors import CellError, missing
from .rates import ratio
from .rulesets import InputSpec, RuleSet

_PARSERS = {
    "text": parsing.parse_text,
    "choice": parsing.parse_text,
    "year": parsing.parse_year,
    "flag": parsing.parse_flag,
    "check": parsing.parse_check,
    "money": parsing.parse_money,
    "signed_money": lambda v, label, field: parsing.parse_money(v, label, field, signed=True),
    "count": parsing.parse_count,
    "rate": parsing.parse_rate,
    "amount": parsing.parse_amount,
}
# how the Excel function of a rate (RuleSet.rate_function) reads its amounts: (numerator, denominator)
RATE_OPERANDS = {"EXEC_RATE": ("money", "money"), "ADJUST_RATE": ("signed_money", "money"),
                 "CONTROL_RATE": ("amount", "amount")}


def input_path(key: str) -> str:
    return f"inputs.{key}"


def rate_path(key: str) -> str:
    return f"rates.{key}"


class Submission:
    def __init__(self, rule_set: RuleSet, raw_inputs: Mapping[str, object], contract: str = "udf"):
        """`contract`: how typed values are read (core.contract) — the workbook's formula flavour."""
        self.rule_set = rule_set
        self.contract = contract
        self._raw = dict(raw_inputs)
        self._cache: dict[object, object] = {}   # key, or (key, kind) → value or CellError

    def spec(self, key: str) -> InputSpec:
        return self.rule_set.inputs[key]

    def label(self, key: str) -> str:
        spec = self.rule_set.inputs.get(key)
        return f"{spec.label}（{key}）" if spec else key

    def typed(self, key: str) -> bool:
        """The user typed a value for this input."""
        return not parsing.is_blank(self._raw.get(key))

    def given(self, key: str) -> bool:
        """A value exists without resorting to a default: typed, summed or a fallback."""
        if self.typed(key):
            return True
        spec = self.rule_set.inputs.get(key)
        if spec is None:
            return False
        return any(self.typed(p) for p in spec.sum_of) or bool(spec.fallback and self.given(spec.fallback))

    def value(self, key: str) -> object:
        if key not in self._cache:
            try:
                self._cache[key] = self._parse(key)
            except CellError as exc:
                self._cache[key] = exc
        result = self._cache[key]
        if isinstance(result, CellError):
            raise result
        return result

    def _parse(self, key: str, kind: str | None = None) -> object:
        spec = self.spec(key)
        raw = self._raw.get(key)
        if parsing.is_blank(raw):
            # as the formulas read them: the parts by PERF_SUM, the fallback by the total's reader
            if any(self.typed(p) for p in spec.sum_of):
                return sum(self.value_as(p, "amount") for p in spec.sum_of if self.typed(p))
            if spec.fallback and self.given(spec.fallback):
                return self.value_as(spec.fallback, kind or spec.kind)
            if spec.default is None:
                raise missing(self.label(key), input_path(key))
            raw = spec.default
        kind = kind or spec.kind
        return reader(self.contract, kind, _PARSERS[kind])(raw, self.label(key), input_path(key))

    def value_as(self, key: str, kind: str) -> object:
        """An input read as an Excel function reads it (a head count as CONTROL_RATE's amount)."""
        if kind == self.spec(key).kind:
            return self.value(key)
        if (key, kind) not in self._cache:
            try:
                self._cache[(key, kind)] = self._parse(key, kind)
            except CellError as exc:
                self._cache[(key, kind)] = exc
        result = self._cache[(key, kind)]
        if isinstance(result, CellError):
            self.value(key)    # the input's own message when it is wrong either way
            raise result
        return result

    def rate(self, key: str) -> tuple[float, bool]:
        """A derived rate (or an input of kind rate) and whether it is 0/0 (nothing planned)."""
        spec = self.rule_set.rates.get(key)
        if spec is None:
            return self.value(key), False
        num_kind, den_kind = RATE_OPERANDS[self.rule_set.rate_function(key)]
        num = sum(self.value_as(k, num_kind) for k in spec.num)
        den = sum(self.value_as(k, den_kind) for k in spec.den)
        empty = num == 0 and den == 0
        return ratio(num, den, spec.label, field=rate_path(key)), empty

    def rate_given(self, key: str) -> bool:
        spec = self.rule_set.rates[key]
        return all(self.given(k) for k in spec.num + spec.den)

    def unknown_keys(self) -> list[str]:
        return [k for k in self._raw if k not in self.rule_set.inputs]
