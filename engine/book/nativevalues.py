"""What `fill` writes into a native template: numbers, not the text people type.

Native formulas compute with ordinary spreadsheet functions, which cannot read "2,935.01",
"564.36万元" or "95%"; so the values are parsed here by the same parsers the Python path
uses (SPEC 2), and the native cells hold what those parsers give.  A value that does not
parse is written as it was typed: the native formula then shows #N/A and the audit names
the field, as for a UDF workbook."""
from __future__ import annotations

import copy
from typing import Callable, Mapping

from ..core import parsing
from ..core.errors import CellError
from ..core.rounding import excel_round
from ..core.indicators import uses_coefficient

_YES_NO = {True: "是", False: "否"}


def _kept(parse: Callable[[object], object], value: object) -> object:
    """parse(value), or the value as typed when it does not parse."""
    if parsing.is_blank(value):
        return None
    try:
        return parse(value)
    except CellError:
        return value


def _check(value: object) -> object:
    answer = parsing.parse_check(value, "")
    return _YES_NO[answer] if isinstance(answer, bool) else answer


PARSERS: dict[str, Callable[[object], object]] = {
    "money": lambda v: parsing.parse_money(v, ""),
    "signed_money": lambda v: parsing.parse_money(v, "", signed=True),
    "count": lambda v: parsing.parse_count(v, ""),
    "rate": lambda v: parsing.parse_rate(v, ""),
    "check": _check,
    "flag": lambda v: _YES_NO[parsing.parse_flag(v, "")],
}
_POINTS = lambda v: parsing.parse_number(v, "", ("分",), allow_percent=False)  # noqa: E731


def native_data(data: Mapping, rule_set) -> dict:
    out = copy.deepcopy(dict(data))
    inputs = out.get("inputs") or {}
    for key, value in list(inputs.items()):
        spec = rule_set.inputs.get(key)
        if spec is not None and spec.kind in PARSERS:
            inputs[key] = _kept(PARSERS[spec.kind], value)
    for key, value in list((out.get("self_scores") or {}).items()):
        out["self_scores"][key] = _kept(_POINTS, value)
    for key, value in list((out.get("stated_rates") or {}).items()):
        out["stated_rates"][key] = _kept(PARSERS["rate"], value)
    for row in out.get("indicators") or []:
        _indicator(row)
    return out


PERCENT_UNITS = ("", "%", "％")
_FIGURES = ("target", "actual", "midyear_actual")


def _percent_text(value: object) -> bool:
    return isinstance(value, str) and parsing.normalize(value).endswith("%")


def _in_percent(row: dict) -> bool:
    """Every figure of a quantitative row typed as a percentage ("95%", "97.5%"), its unit % or
    none: the native cells hold 95 and 97.5 with the unit %, as the report states them (0.95 with
    the unit % would read 0.95%); the completion, a ratio, is the same."""
    figures = [row[c] for c in _FIGURES if not parsing.is_blank(row.get(c))]
    return bool(figures) and all(_percent_text(v) for v in figures) and \
        str(row.get("unit") or "").strip() in PERCENT_UNITS


def _indicator(row: dict) -> None:
    qualitative = parsing.text_key(row.get("direction")) == "定性"
    if not qualitative and _in_percent(row):
        for column in _FIGURES:
            if not parsing.is_blank(row.get(column)):
                row[column] = _kept(lambda v: excel_round(parsing.parse_indicator_value(v, "") * 100, 10), row[column])
        row["unit"] = "%"
    coefficient_col = "coefficient" if uses_coefficient(row) else "actual"
    if "direction" in row:
        row["direction"] = _kept(lambda v: parsing.DIRECTION_SYMBOLS[parsing.parse_direction(v)], row["direction"])
    for column in ("target", "actual", "midyear_actual", "coefficient"):
        if column not in row:
            continue
        if qualitative and column == "target":
            continue   # the tier's name
        if qualitative and column == coefficient_col:
            row[column] = _kept(lambda v: parsing.parse_rate(v, ""), row[column])
        else:
            row[column] = _kept(lambda v: parsing.parse_indicator_value(v, ""), row[column])
    if "weight" in row:
        row["weight"] = _kept(lambda v: parsing.parse_amount(v, ""), row["weight"])
    if "self_score" in row:
        row["self_score"] = _kept(_POINTS, row["self_score"])
