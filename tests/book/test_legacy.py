"""Old submissions stay readable: a workbook of template version 1.2.0 (rate cells named by their
key, `exec_rate`, since renamed `calc_exec_rate`) is checked against that version's frozen
reference and scored as that version scored it.  And no defined name of today's templates is
a function name, case ignored, as Excel ignores it."""
from __future__ import annotations

import json
from pathlib import Path

import formulas
import openpyxl
import pytest

from engine import recalc
from engine.book.layout import TEMPLATE_VERSION
from engine.book.names import RATES_NAMED_BY_KEY, rate_name
from engine.core import rulesets
from helpers import build_templates, codes
from office import libreoffice_resave
from udfs import REGISTRY

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"
EXPECTED = json.loads((LEGACY / "expected.json").read_text("utf-8"))
FILES = sorted(LEGACY.glob("*.xlsx"))


def same_as_then(evaluation, expected: dict) -> None:
    assert evaluation.total == expected["total"] and evaluation.grade == expected["grade"]
    assert {i["id"]: i["score"] for i in evaluation.to_dict()["items"]} == expected["items"]
    assert evaluation.to_dict()["rates"] == expected["rates"]
    assert sorted(codes(evaluation)) == expected["findings"]


@pytest.mark.parametrize("fast", [True, False], ids=["fast path", "formulas library"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_submission_of_the_previous_template_scores_as_it_did(path, fast):
    assert TEMPLATE_VERSION not in RATES_NAMED_BY_KEY          # the files are of an older version
    same_as_then(recalc(path, fast=fast), EXPECTED[path.name])


def test_an_old_submission_is_still_checked_against_its_own_template(tmp_path):
    """A value typed over one of its formulas is found, by that version's formulas."""
    source = next(p for p in FILES if "dept-common-native" in p.name)
    wb = openpyxl.load_workbook(source)
    cell = wb.defined_names["exec_rate"].attr_text.split("!")[1].replace("$", "")
    wb["预算数据"][cell].value = 1
    wb.save(tmp_path / "typed-over.xlsx")
    evaluation = recalc(tmp_path / "typed-over.xlsx")
    assert "FORMULA_OVERWRITTEN" in codes(evaluation)
    assert evaluation.to_dict()["rates"]["exec_rate"] == EXPECTED[source.name]["rates"]["exec_rate"]


def test_an_old_submission_saved_by_libreoffice_scores_as_it_did(tmp_path):
    sources = [p for p in FILES if "native" in p.name]
    for source, saved in zip(sources, libreoffice_resave(sources, tmp_path / "lo")):
        same_as_then(recalc(saved), EXPECTED[source.name])


def test_a_template_version_without_a_reference_is_unknown(tmp_path):
    source = FILES[0]
    wb = openpyxl.load_workbook(source)
    meta = wb["_meta"]
    row = next(r for r in meta.iter_rows() if r[0].value == "template_version")
    row[1].value = "1.1.0"
    wb.save(tmp_path / "older.xlsx")
    evaluation = recalc(tmp_path / "older.xlsx")
    assert codes(evaluation) == ["TEMPLATE_UNKNOWN"] and "1.1.0" in evaluation.findings[0].message


# Excel's own functions (the formulas library's list of them) and ours
FUNCTION_NAMES = {name.upper() for name in formulas.get_functions()} | {spec.name.upper() for spec in REGISTRY}


@pytest.mark.parametrize("flavour", ["udf", "native"])
def test_no_defined_name_is_a_function_name(flavour, tmp_path):
    for rule_set, path in build_templates(tmp_path, flavour).items():
        wb = openpyxl.load_workbook(path)
        clashes = [n for n in wb.defined_names if n.upper() in FUNCTION_NAMES]
        assert clashes == [], rule_set
        for key in rulesets.load(rule_set).rates:
            assert rate_name(key) in wb.defined_names and key not in wb.defined_names


def test_the_shipped_workbooks_have_no_such_name():
    for path in sorted((Path(__file__).resolve().parents[2] / "workbook").glob("perfscore-*.xls*")):
        wb = openpyxl.load_workbook(path)
        assert [n for n in wb.defined_names if n.upper() in FUNCTION_NAMES] == [], path.name
        assert str(next(r[1].value for r in wb["_meta"].iter_rows() if r[0].value == "template_version")) \
            == TEMPLATE_VERSION


def test_the_legacy_references_are_package_data():
    import tomllib
    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    assert "book/legacy/*.json.gz" in project["tool"]["setuptools"]["package-data"]["engine"]
