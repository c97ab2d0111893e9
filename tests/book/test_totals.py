"""PERF_TOTAL sums rounded item scores (SPEC 4.8).  The catalogue defines the total once
(catalogue.TOTAL: the sum, rounded); the rounding of each item is the item's own.  In a
native workbook ROUND(SUM(range),2) therefore needs every summed cell to be a rounded score:
shown here on workbooks whose inputs carry more decimals than any score may."""
from __future__ import annotations

import pytest

from engine.book.evaluator import compiled_template
from engine.book.fastpath import FastBook
from engine.book.fill import fill, save_atomic
from engine.book.integrity import reference
from engine.book.template import build_template
from engine.book.xlparse import parse_formula
from engine.core import rulesets
from engine.core.arithmetic import perf_total
from engine.core.catalogue import TOTAL
from engine.core.rounding import excel_round
from engine.core.xlformula import Call, Num, Op, Ref, Unary
from helpers import load_sample

SAMPLES = {"dept-simple": "000", "mof2020": "002", "dept-common": "004"}


def summed_ranges(rule_set) -> list[tuple[str, Ref]]:
    """Every range a native template's totals sum: ROUND(SUM(range),2), as TOTAL prints it."""
    assert TOTAL.formula("SUM(A1:A3)") == "ROUND(SUM(A1:A3),2)"
    found = []

    def walk(node, sheet):
        if isinstance(node, Call):
            if node.name == "ROUND" and node.args[1:] == (Num(2.0),) and isinstance(node.args[0], Call) \
                    and node.args[0].name == "SUM":
                found.extend((sheet, r) for r in node.args[0].args if isinstance(r, Ref) and r.is_range)
        for child in (node.args if isinstance(node, Call) else (node.left, node.right) if isinstance(node, Op)
                      else (node.operand,) if isinstance(node, Unary) else ()):
            walk(child, sheet)
    for (sheet, _), text in reference(rule_set.path, "native").formulas.items():
        walk(parse_formula(text), sheet)
    return found


@pytest.mark.parametrize("rule_set_id", list(SAMPLES))
def test_every_cell_a_native_total_sums_is_a_rounded_score(tmp_path, rule_set_id):
    rule_set = rulesets.load(rule_set_id)
    data = {k: v for k, v in load_sample(SAMPLES[rule_set_id]).items() if not k.startswith("_")}
    for n, indicator in enumerate(data["indicators"]):   # weights and values past 2 decimals
        indicator["weight"] = float(indicator["weight"]) + (0.0049 if n == 0 else -0.0031)
        if indicator.get("direction") != "定性":
            indicator["actual"] = f"{float(str(indicator['actual']).rstrip('%亩个人次件万元天')) * 0.987654:.6f}"
    template = tmp_path / "template.xlsx"
    save_atomic(build_template(rule_set, flavour="native"), template)
    filled = fill(template, data, tmp_path / "filled.xlsx") or tmp_path / "filled.xlsx"
    model = compiled_template(rule_set.path, "native").model(FastBook(filled).typed)
    ranges = summed_ranges(rule_set)
    assert len(ranges) >= 3            # the item scores, the indicators' scores and weights
    numbers = 0
    for sheet, r in ranges:
        for row in range(r.row, r.row2 + 1):
            for col in range(r.col, r.col2 + 1):
                value = model.cell(r.sheet or sheet, row, col)
                if isinstance(value, float):
                    numbers += 1
                    assert value == excel_round(value, 2), (r.sheet or sheet, row, col, value)
    assert numbers > len(rule_set.rows)


def test_the_python_total_rounds_each_item_then_the_sum():
    assert perf_total([0.125, 0.125]) == 0.26          # 0.13 + 0.13, not round(0.25)
    assert perf_total([]) == 0.0
    assert perf_total([33.333, 33.333, 33.334]) == 99.99
