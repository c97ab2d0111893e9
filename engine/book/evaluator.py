"""The template's own formulas, computed on a submitted workbook's cells: what the
department's spreadsheet shows.

A rule set's reference formulas (integrity.reference: a fresh build of its template) are
parsed and compiled once per process (core.xlformula); a submission's typed cells feed
them.  The formulas are always the template's — a cell typed over or edited is computed
as the template computes it — and so are the rule parameters on 评分规则 (the rule set is
authoritative, README: Parameters).  In a UDF workbook the catalogue's functions run as
classic xlwings runs them in Excel: an error comes back as the text of its message
(ExcelFunction.cell_value) and an Excel error reaches a function as its code's text.
"""
from __future__ import annotations

import datetime
import functools
from typing import Callable, Mapping

from ..core.errors import CellError
from ..core.xlcompile import Compiled, compile_formula
from ..core.xlformula import Ref
from ..core.xlvalues import REF, Range, XlError, is_number
from ..core.evaluation import Computed
from .layout import COL, COMPLETION_COL, FIRST_INDICATOR_ROW, INDICATOR_ROWS, TEMPLATE_VERSION, cell_position
from .names import Cell, cell_of, current_names, rate_name
from .readback import plain
from .xlparse import parse_formula, reference as parse_reference

CYCLE = XlError(REF)
_UNSEEN = object()
Key = tuple[str, int, int]


def _argument(value: object, two_d: bool) -> object:
    """A value as xlwings hands it to a UDF: errors as their text, ranges as rows (tuples, which
    the functions read as xlwings' lists, so that a call with a range is cached too)."""
    if isinstance(value, Range):
        rows = tuple(tuple(v if v is None or type(v) is float or type(v) is str else _argument(v, False)
                           for v in row) for row in value.rows)
        return rows if two_d or len(rows) * len(rows[0]) > 1 else rows[0][0]
    if isinstance(value, XlError):
        return value.code
    return float(value) if is_number(value) else value


def _udf(spec) -> Callable[..., object]:
    from udfs.registry import TWO_D_KINDS
    two_d = [p.kind in TWO_D_KINDS for p in spec.params]

    # the catalogue's functions are pure: a call with the same values (CHECK_SCORE("是", 1) in
    # every file) is computed once; typed, so that TRUE and 1 stay apart
    @functools.lru_cache(maxsize=1 << 14, typed=True)
    def same_values(*values: object) -> object:
        return spec.cell_value(*values)

    def call(*args: object) -> object:
        if all(type(a) is float or type(a) is str or a is None for a in args):
            result = same_values(*args)           # the common case: plain values, as they are
        else:
            result = same_values(*(_argument(a, two_d[min(i, len(two_d) - 1)]) for i, a in enumerate(args)))
        return float(result) if is_number(result) else result
    return call


@functools.lru_cache(maxsize=1)
def udf_functions() -> dict[str, Callable[..., object]]:
    from udfs.registry import REGISTRY
    return {spec.name: _udf(spec) for spec in REGISTRY}


@functools.lru_cache(maxsize=16)
def compiled_template(rule_set_key: str, flavour: str, template_version: str = TEMPLATE_VERSION) -> "Template":
    from ..core import rulesets
    from .integrity import reference
    template = Template(reference(rule_set_key, flavour, template_version), flavour)
    template.cells = current_names(template.cells, rulesets.load(rule_set_key).rates, template_version)
    return template


class Template:
    """A reference's formulas compiled, its names resolved, its parameters by cell."""

    def __init__(self, ref, flavour: str):
        targets = {name: parse_reference(target) for name, target in ref.names.items()}
        functions = udf_functions() if flavour == "udf" else {}
        self.names: dict[str, Ref] = {n: r for n, r in targets.items() if r is not None}
        self.cells: dict[str, Cell] = {n: cell for n, target in ref.names.items() if (cell := cell_of(target))}
        self.functions = functions
        # a formula is parsed and compiled when first computed: a submission computes about
        # 150 of a template's 250 (the blank indicator rows' score cells never), and a cold
        # `recalc` of one file pays for those only
        self.texts: dict[Key, str] = {}
        for (sheet, coordinate), text in ref.formulas.items():
            row, col = cell_position(coordinate)
            self.texts[(sheet, row, col)] = text
        self.formulas: dict[Key, Compiled] = {}
        self.params: dict[Key, object] = {}
        for (sheet, coordinate), value in ref.params.items():
            row, col = cell_position(coordinate)
            self.params[(sheet, row, col)] = float(value) if is_number(value) else value

    def model(self, typed: Callable[[str, int, int], object]) -> "Model":
        return Model(self, typed)

    def compiled(self, key: Key) -> Compiled | None:
        """The formula of a cell, compiled (None: the cell holds none).  A formula the evaluator
        cannot read raises ValueError."""
        text = self.texts.get(key)
        if text is None:
            return None
        formula = self.formulas[key] = compile_formula(parse_formula(text), key[0], self.names.get, self.functions)
        return formula


def typed_value(value: object) -> object:
    """A typed cell's value as a formula reads it: as the data holds it (readback.plain: blank
    None, a date its serial number), numbers as floats, a duration in days."""
    if type(value) is float:
        return value
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400
    value = plain(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    return float(value) if is_number(value) else str(value)


class Model:
    """One submission: the template's formulas over its typed cells, each computed once."""

    def __init__(self, template: Template, typed: Callable[[str, int, int], object]):
        self.template, self.typed = template, typed
        self.formulas, self.params, self.texts = template.formulas, template.params, template.texts
        self.values: dict[Key, object] = {}

    def cell(self, sheet: str, row: int, col: int) -> object:
        key = (sheet, row, col)
        value = self.values.get(key, _UNSEEN)
        if value is not _UNSEEN:
            return value
        formula = self.formulas.get(key)
        if formula is None and key in self.texts:
            formula = self.template.compiled(key)
        if formula is None:
            value = self.params[key] if key in self.params else typed_value(self.typed(sheet, row, col))
        else:
            self.values[key] = CYCLE            # a cycle reads its own cell as an error
            value = formula(self)
            if isinstance(value, Range):
                value = value.scalar()
            if value is None:
                value = 0.0                     # a formula returning a blank cell shows 0
        self.values[key] = value
        return value

    def at(self, sheet: str, coordinate: str) -> object:
        row, col = cell_position(coordinate)
        return self.cell(sheet, row, col)

    def name(self, name: str) -> object:
        ref = self.template.names.get(name)
        if ref is None or ref.is_range:
            return None
        return self.cell(ref.sheet, ref.row, ref.col)


def shown(value: object) -> object:
    """A computed value as the Evaluation reads it: numbers and text, an error as its code."""
    return value.code if isinstance(value, (XlError, CellError)) else value


def computed(model, rule_set, names: Mapping[str, Cell], indicator_rows: int = INDICATOR_ROWS) -> Computed:
    """The results the Evaluation takes from a workbook's formulas: every score row, the score
    and completion of each of the first `indicator_rows` indicators (those the data holds), the
    rates, the total and the grade.  `model.at(sheet, cell)` gives a formula cell's value (this
    evaluator's Model, or the formulas library's)."""
    def at(cell: Cell | None) -> object:
        return None if cell is None else shown(model.at(cell.sheet, cell.ref))

    def indicator(n: int, column: str) -> object:
        return at(Cell("绩效指标", f"{column}{FIRST_INDICATOR_ROW + n - 1}"))
    return Computed(
        items={row.id: at(names.get(f"score_{row.id}")) for row in rule_set.rows},
        indicators={n: (indicator(n, COL["score"]), indicator(n, COMPLETION_COL))
                    for n in range(1, min(indicator_rows, INDICATOR_ROWS) + 1)},
        rates={key: at(names.get(rate_name(key))) for key in rule_set.rates},
        total=at(names.get("total")), grade=at(names.get("grade")),
    )
