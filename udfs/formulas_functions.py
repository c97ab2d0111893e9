"""The registry's functions for the `formulas` library (the headless engine).

`register()` must run before `formulas.ExcelModel().loads()`: formulas resolves
function names while parsing, and an unknown name silently becomes #NAME?.
"""
from __future__ import annotations

import functools

import numpy as np
import schedula as sh
from formulas.errors import FoundError
from formulas.functions import get_functions, wrap_func
from formulas.tokens.operand import Error, XlError

from engine.core.errors import CellError
from engine.core.rounding import excel_compare

from .registry import FUNCTIONS, REGISTRY, ExcelFunction

RANGE_KINDS = ("tiers", "bands", "scores", "amounts")


def _cell(value: object) -> object:
    """A formulas cell value as the registry expects it: None for blank, "#N/A" for errors."""
    if value is sh.EMPTY:
        return None
    if isinstance(value, XlError):
        return str(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def _argument(value: object, keep_range: bool) -> object:
    if isinstance(value, np.ndarray):
        if value.size == 1 and not keep_range:
            return _cell(value.ravel()[0])
        if not keep_range:
            return "#VALUE!"  # a range where Excel expects one value
        return [[_cell(v) for v in row] for row in np.atleast_2d(value).tolist()]
    return _cell(value)


def formulas_function(spec: ExcelFunction):
    """A formulas-callable for `spec`: cell values in, a value or an Excel error out."""
    range_params = [p.kind in RANGE_KINDS for p in spec.params]

    def call(*args):
        values = [_argument(a, range_params[min(i, len(range_params) - 1)]) for i, a in enumerate(args)]
        try:
            return spec(*values)
        except CellError as exc:
            raise FoundError(err=Error.errors[exc.code]) from None

    return wrap_func(functools.update_wrapper(call, spec.compute), ranges=False)


def _excel_comparison(op: str):
    """formulas' comparison operator `op`, comparing two numbers as Excel does (15 significant
    digits); other pairs (text, booleans, errors) as formulas compares them, by type first."""
    def compare(x, y):
        (x_type, x_value), (y_type, y_value) = x, y
        if x_type == y_type == 0:
            return excel_compare(float(x_value), op, float(y_value))
        return {">=": x >= y, "<=": x <= y, "<>": x != y, "<": x < y, ">": x > y, "=": x == y}[op]
    return compare


@functools.lru_cache(maxsize=None)
def register() -> dict:
    """Add every registry function (and its `_xludf.` alias) and Excel-exact ROUND to formulas,
    and make its comparison operators compare numbers as Excel does."""
    from formulas.functions import operators
    table = get_functions()
    for spec in REGISTRY:
        fn = formulas_function(spec)
        table[spec.name] = fn
        table[f"_XLUDF.{spec.name}"] = fn
    table["ROUND"] = formulas_function(FUNCTIONS["PERF_ROUND"])
    for op in operators.LOGIC_OPERATORS:
        operators.OPERATORS[op] = operators.logic_wrap(_excel_comparison(op))
    return table


__all__ = ["register", "formulas_function"]
