"""The engine gives what the department's spreadsheet shows (SPEC 6), on what people type.

Text typed or pasted into the input cells of a native workbook — `3,402.67万元`, `２７１．５５`,
`93.6%` as text, a 元 amount, 是 with a space, a direction the list does not offer — is
written into the cells as text (not through `fill`), LibreOffice recalculates every
workbook in one run, and its scores, total, grade and error cells are the oracle: the engine
must give the same, and name each text cell whose #N/A it explains.  The formulas library
computes the same files too.
"""
from __future__ import annotations

import random

import openpyxl
import pytest

from engine import recalc
from engine.book.fill import fill
from engine.book.names import name_map
from engine.core import rulesets
from engine.core.contract import NUMBER_KINDS
from helpers import build_templates, load_sample, type_into
from office import soffice

SAMPLES = {"dept-simple": "000", "mof2020": "006", "dept-common": "004"}
PER_RULE_SET = 10
FULL_PATH_FILES = 1   # per rule set: the formulas library takes ~2 s a file
# what people type into a number cell, beside numbers
NUMBER_TEXT = ["3,402.67万元", "２７１．５５", "93.6%", "75%", " 564.36 ", "564.36", "12元", "１２３", "-", "n/a",
               "2，935.01"]
NUMBERS = [0, 12.5, 100, 3402.67, 0.936, 1.2]
ANSWERS = ["是", "否", " 是", "是 ", "√", "×", "Y", 1, 0, 0.5, True]
CHOICES = ["按规定公开", "公开但不符合要求", "未公开", " 未公开", "按规定公开 ", "不知道"]
DIRECTIONS = ["≥", ">=", "≤", "=", "＝", "等于", " ≥", "大于等于", "不低于", "定性", "＞＝", "≧", "≦"]
INDICATOR_VALUES = ["95%", "150件", 95, 0.95, 150, "１００", 0, "很多"]


def _typed_value(kind: str, rng: random.Random) -> object:
    if kind in NUMBER_KINDS:
        return rng.choice(NUMBER_TEXT if rng.random() < 0.5 else NUMBERS)
    if kind in ("check", "flag"):
        return rng.choice(ANSWERS)
    if kind == "choice":
        return rng.choice(CHOICES)
    return None


def _cases(rule_set_id: str, seed: int) -> list[dict]:
    """Three to five cells of a complete sample, each retyped as people type."""
    rule_set = rulesets.load(rule_set_id)
    rng = random.Random(seed)
    keys = sorted(k for k, spec in rule_set.inputs.items() if _typed_value(spec.kind, rng) is not None)
    cases = []
    for _ in range(PER_RULE_SET):
        edits = {}
        for key in rng.sample(keys, rng.randint(1, 3)):
            edits[key] = _typed_value(rule_set.inputs[key].kind, rng)
        if rng.random() < 0.6:
            column = rng.choice(["direction", "target", "actual", "weight"])
            value = rng.choice(DIRECTIONS if column == "direction" else INDICATOR_VALUES)
            edits[f"indicator:{rng.randint(1, 2)}:{column}"] = value
        cases.append(edits)
    return cases


@pytest.fixture(scope="module")
def oracle(tmp_path_factory):
    """Every case written, LibreOffice's recalculation of all of them (one soffice run)."""
    folder = tmp_path_factory.mktemp("shows")
    (folder / "templates").mkdir()
    templates = build_templates(folder / "templates", "native")
    files = []
    for n, (rule_set, sample) in enumerate(SAMPLES.items()):
        filled = folder / f"{rule_set}.xlsx"
        fill(templates[rule_set], {k: v for k, v in load_sample(sample).items() if not k.startswith("_")}, filled)
        for m, edits in enumerate(_cases(rule_set, seed=17 * (n + 1))):
            wb = openpyxl.load_workbook(filled)
            where = type_into(wb, edits)                 # typed: text stays text
            path = folder / f"{rule_set}-{m:02d}.xlsx"
            wb.save(path)
            files.append((rule_set, path, edits, where))
    result = soffice(folder, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder / "lo"),
                     *(str(p) for _, p, _, _ in files), recalc=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return folder, files


def _shown(wb, names, name: str) -> object:
    cell = names[name]
    value = wb[cell.sheet][cell.ref].value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), 2)
    return value if isinstance(value, str) and value and not value.startswith("#") else None


def _ours(evaluation) -> dict:
    return {**{f"score_{i['id']}": i["score"] for i in evaluation.items},
            "total": evaluation.total, "grade": evaluation.grade}


def test_the_engine_gives_what_libreoffice_shows_on_typed_text(oracle):
    folder, files = oracle
    differences, totals = [], set()
    for rule_set, path, edits, where in files:
        shown = openpyxl.load_workbook(folder / "lo" / path.name, data_only=True)
        names = name_map(shown)
        expected = {name: _shown(shown, names, name) for name in _ours(recalc(path))}
        ours = recalc(path)
        if _ours(ours) != expected:
            differences.append((path.name, edits, {k: (v, expected[k]) for k, v in _ours(ours).items()
                                                  if v != expected[k]}))
        totals.add(expected["total"] is None)
        # every text typed where a number belongs is named, at its cell, when its score is #N/A
        flagged = {f.where for f in ours.findings if f.code in ("BAD_VALUE", "MISSING_INPUT")}
        for key, value in edits.items():
            spec = rulesets.load(rule_set).inputs.get(key)
            if spec is not None and spec.kind in NUMBER_KINDS and isinstance(value, str) and value.strip():
                assert where[key] in flagged, (path.name, key, value, ours.findings)
        if expected["total"] is None:
            assert ours.errors, (path.name, edits)
    assert not differences, differences
    assert totals == {True, False}     # the cases reach #N/A totals, and totals that still stand


def test_the_formulas_library_agrees(oracle):
    folder, files = oracle
    checked = {}
    for rule_set, path, edits, _ in files:
        if checked.get(rule_set, 0) >= FULL_PATH_FILES:
            continue
        checked[rule_set] = checked.get(rule_set, 0) + 1
        assert _ours(recalc(path, fast=False)) == _ours(recalc(path)), (path.name, edits)


def test_text_pasted_into_a_native_budget_is_what_the_sheet_shows(oracle, tmp_path):
    """The measured case: `3,402.67万元` pasted into 全年预算数 — LibreOffice shows #N/A for the
    total; the engine gives no total, names the cell and the text, and exits 1."""
    from engine.cli import main
    folder, files = oracle
    wb = openpyxl.load_workbook(folder / "dept-common.xlsx")
    cell = name_map(wb)["budget_total"]
    wb[cell.sheet][cell.ref].value = "3,402.67万元"
    wb.save(tmp_path / "pasted.xlsx")
    evaluation = recalc(tmp_path / "pasted.xlsx")
    assert evaluation.total is None and evaluation.grade is None
    finding = next(f for f in evaluation.findings if f.where == str(cell))
    assert finding.code == "BAD_VALUE" and "3,402.67万元" in finding.message and "3402.67" in finding.message
    assert main(["recalc", str(tmp_path / "pasted.xlsx")]) == 1


EDGE_CASES = {   # what Excel once showed as a score: a UDF's error text ranks above any number
    "procurement over a plan of 0": ("procurement", {"procurement_plan": 0, "procurement_spend": 5}),
    "zero_above with its amounts blank": ("procurement", {"procurement_plan": None, "procurement_spend": None}),
    "a tier value of text": ("satisfaction", {"satisfaction": "很好"}),
    "a bad override": ("fin_compliance", {"serious_violation": "也许"}),
}


@pytest.mark.parametrize("flavour", ["udf", "native"])
@pytest.mark.parametrize("case", EDGE_CASES)
def test_an_error_is_never_compared_as_a_number(flavour, case, tmp_path, common_submission):
    """The score the spreadsheet shows (the evaluator runs the UDFs as xlwings does: an error
    is text), the formulas library and evaluate() all say: no score, and why."""
    from engine import evaluate
    item_id, edits = EDGE_CASES[case]
    (tmp_path / "t").mkdir()
    template = build_templates(tmp_path / "t", flavour)["dept-common"]
    data = dict(common_submission, inputs={**common_submission["inputs"], **edits})
    data["inputs"] = {k: v for k, v in data["inputs"].items() if v is not None}
    fill(template, data, tmp_path / "case.xlsx")
    for evaluation in (recalc(tmp_path / "case.xlsx"), recalc(tmp_path / "case.xlsx", fast=False), evaluate(data)):
        assert next(i["score"] for i in evaluation.items if i["id"] == item_id) is None
        assert evaluation.total is None and evaluation.errors
