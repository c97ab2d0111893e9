"""The native template: ordinary spreadsheet functions only, computed by LibreOffice — an
independent spreadsheet — to the same points as evaluate() and as the headless engine."""
from __future__ import annotations

import copy
import os

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl.formula.tokenizer import Token, Tokenizer

from engine import evaluate, recalc
from engine.book.fastpath import try_fast
from engine.book.fill import fill
from engine.book.names import name_map
from engine.book.template import build_template, formula_cells
from engine.core import rulesets
from helpers import COMMON_INDICATORS, COMMON_INPUTS, build_templates, load_sample
from office import soffice
from strategies import submissions
from udfs import FUNCTIONS

RULE_SETS = rulesets.available()
ORACLE_EXAMPLES = int(os.environ.get("ORACLE_EXAMPLES", "25"))
NATIVE_FUNCTIONS = {"IF", "AND", "OR", "NOT", "MIN", "MAX", "ROUND", "ABS", "SUM", "INDEX", "ISNUMBER", "NA",
                    "SUBSTITUTE", "CLEAN", "VLOOKUP"}


@pytest.fixture(scope="module")
def native_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("native"), flavour="native")


@pytest.mark.parametrize("rule_set", RULE_SETS)
def test_only_ordinary_functions_and_no_catalogue_function(native_templates, rule_set):
    wb = openpyxl.load_workbook(native_templates[rule_set])
    used = set()
    for formula in formula_cells(wb).values():
        assert len(formula) < 8192, "Excel's limit for one formula"
        used |= {t.value[:-1].upper() for t in Tokenizer(formula).items if t.type == Token.FUNC and t.subtype == Token.OPEN}
    assert used <= NATIVE_FUNCTIONS, used - NATIVE_FUNCTIONS
    assert not used & set(FUNCTIONS)
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True)}
    assert meta["formula_flavour"] == "native"


# the boundary cases the formulas library also computes from the native formulas: 6.93 / 7.7 (a rounding edge), a budget
# of 0 (the IFs that keep a division by zero out) and a budget left blank (a missing input's hint) — the other cases' full
# recalculation is a file's compilation more (15 s) for no formula these do not reach
FULL_ENGINE_CASES = (0, 2, 6)


def _boundary_cases() -> list[dict]:
    """Edges a binary double misses and Excel does not: 6.93 / 7.7 is 90.00%."""
    base = {"rule_set": "dept-common", "dept_name": "边界局", "fiscal_year": 2024,
            "inputs": copy.deepcopy(COMMON_INPUTS), "indicators": copy.deepcopy(COMMON_INDICATORS)}
    cases = []
    for inputs in ({"asset_total": 7.7, "asset_in_use": 6.93}, {"sangong_budget": 7.7, "sangong_spend": 6.93},
                   {"budget_total": 0, "spend_total": 0, "spend_q1": 0, "spend_q2": 0, "spend_q3": 0, "spend_q4": 0},
                   {"procurement_plan": 0, "procurement_spend": 0}, {"budget_initial": 1000, "adjust_amount": 100},
                   {"satisfaction": 0.95}, {"budget_total": None}, {"staff_outside": 5, "staff_actual": 95}):
        case = copy.deepcopy(base)
        case["inputs"].update(inputs)
        cases.append(case)
    qualitative = copy.deepcopy(base)
    qualitative["indicators"][1].update(target="部分达成并具有一定效果", coefficient=0.6)
    cases.append(qualitative)
    for sample in ("000", "002", "003", "004", "006", "008"):
        cases.append({k: v for k, v in load_sample(sample).items() if not k.startswith("_")})
    return cases


@pytest.fixture(scope="module")
def generated():
    """Hypothesis-drawn submissions for every rule set, drawn once for the one LibreOffice run."""
    drawn = []

    @settings(max_examples=ORACLE_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def draw(data):
        drawn.append(data.draw(submissions(rule_set)))

    for rule_set in RULE_SETS:
        draw()
    return drawn


def _scores(wb) -> dict:
    names = name_map(wb)

    def value(name):
        cell = names[name]
        v = wb[cell.sheet][cell.ref].value
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    return names, value


def test_libreoffice_computes_what_evaluate_computes(native_templates, generated, tmp_path):
    cases = _boundary_cases() + generated
    paths = []
    for n, data in enumerate(cases):
        data = dict(data)
        rule_set = rulesets.load(data["rule_set"])
        data["inputs"] = {k: v for k, v in data.get("inputs", {}).items() if k in rule_set.inputs}
        cases[n] = data
        paths.append(tmp_path / f"case{n:03d}.xlsx")
        fill(native_templates[rule_set.id], data, paths[-1])
    result = soffice(tmp_path, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"),
                     *map(str, paths), recalc=True, timeout=900)
    assert result.returncode == 0, result.stderr
    for n, (data, path) in enumerate(zip(cases, paths)):
        expected = evaluate(data)
        wb = openpyxl.load_workbook(tmp_path / "lo" / path.name, data_only=True)
        names, value = _scores(wb)
        computed = {i["id"]: value(f"score_{i['id']}") for i in expected.items}
        assert computed == {i["id"]: i["score"] for i in expected.items}, (data, computed)
        assert value("total") == expected.total, data
        grade = wb[names["grade"].sheet][names["grade"].ref].value
        assert (grade if isinstance(grade, str) and not grade.startswith("#") else None) == expected.grade, data
        for item in expected.items:                            # a score that is missing says why
            row = names[f"score_{item['id']}"]
            hint = wb[row.sheet][f"H{row.ref[1:]}"].value
            assert (hint or "") == "" if item["score"] is not None else hint and not str(hint).startswith("#")
        if data.get("dept_name") == "边界局" and data["inputs"].get("budget_total", 0) is None:
            row = names["score_budget_execution"]
            assert wb[row.sheet][f"H{row.ref[1:]}"].value == "缺少输入：全年预算数（万元）。"
        for saved in (path, tmp_path / "lo" / path.name):   # as filled, and as LibreOffice saved it
            fast = try_fast(saved)
            assert fast is not None and [i["score"] for i in fast.items] == [i["score"] for i in expected.items]
        if n in FULL_ENGINE_CASES:   # the headless engine on the native formulas (15 s of CPU a file)
            full = recalc(path, fast=False)
            assert [i["score"] for i in full.items] == [i["score"] for i in expected.items], data
            assert full.total == expected.total


@pytest.mark.parametrize("rule_set", RULE_SETS)
def test_the_native_workbooks_that_ship_are_current(rule_set):
    from engine.book.names import read_meta
    from engine.book.template import fingerprint
    from workbook import WORKBOOK_DIR
    path = WORKBOOK_DIR / f"perfscore-{rule_set}.xlsx"
    meta = read_meta(openpyxl.load_workbook(path))
    fresh = build_template(rulesets.load(rule_set), flavour="native")
    assert meta["formula_flavour"] == "native"
    assert meta["formula_fingerprint"] == fingerprint(fresh)[0], f"stale: make workbooks ({path.name})"


def test_template_command_builds_a_native_template(tmp_path):
    from engine.cli import main
    assert main(["template", "mof2020", "--formulas", "native", "-o", str(tmp_path / "n.xlsx")]) == 0
    assert main(["template", "mof2020", "--formulas", "native", "-o", str(tmp_path / "n.xlsm")]) == 2
    wb = openpyxl.load_workbook(tmp_path / "n.xlsx")
    assert not any(name in formula for formula in formula_cells(wb).values() for name in ("PERF_", "_RATE("))
