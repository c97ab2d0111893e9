"""A submitted workbook checked against its template: findings that point at cells,
typed or edited formulas restored, edited rule parameters, unknown templates, hostile
files refused before parsing, macros never run."""
from __future__ import annotations

import json

import openpyxl
import pytest

from engine.book.fill import fill
from engine.book.names import name_map
from engine.book.recalc import RecalcError, recalc
from helpers import SAMPLE_004_TOTAL, edited, hostile_files
from workbook import SAMPLES_DIR


def codes(evaluation) -> set[str]:
    return {f.code for f in evaluation.findings}


# ------------------------------------------------------------- finding codes
def test_clean_workbook_has_no_findings(samples):
    ev = recalc(samples["004"])
    assert ev.findings == [] and ev.total == SAMPLE_004_TOTAL and ev.grade == "优"


@pytest.mark.parametrize("sample, expected", [
    ("005", {"SCORE_MISMATCH", "TOTAL_MISMATCH"}),
    ("006", {"SCORE_MISMATCH", "TOTAL_MISMATCH", "DEVIATION_UNEXPLAINED"}),
    ("007", {"FORMULA_OVERWRITTEN", "SCORE_MISMATCH", "TOTAL_MISMATCH", "ZERO_BUDGET", "COMPLETION_AHEAD"}),
    ("008", {"SCORE_MISMATCH", "TOTAL_MISMATCH", "GRADE_MISMATCH", "STATED_RATE_MISMATCH", "UNSPENT",
             "COMPLETION_AHEAD"}),
    ("003", {"TOTAL_MISMATCH", "STATED_RATE_MISMATCH", "DEVIATION_UNEXPLAINED"}),
])
def test_sample_faults_are_found(samples, sample, expected):
    ev = recalc(samples[sample])
    assert codes(ev) == expected
    assert all("!" in f.where for f in ev.findings)


def test_typed_score_over_formula_is_recomputed(samples):
    ev = recalc(samples["007"])
    overwritten = [f for f in ev.findings if f.code == "FORMULA_OVERWRITTEN"]
    assert [f.where for f in overwritten] == ["评分表!F4"]
    assert {i["id"]: i["score"] for i in ev.items}["budget_execution"] == 0     # not the typed 10
    assert ev.total == 90        # the 90 indicator points; 0 of 10 for execution against a zero budget


def test_edited_formula_is_tampered_and_restored(samples, tmp_path):
    wb = openpyxl.load_workbook(samples["004"])
    cells = name_map(wb)
    wb[cells["score_key_tasks"].sheet][cells["score_key_tasks"].ref].value = "=8"
    wb["绩效指标"]["L5"].value = "=10"
    wb.save(tmp_path / "tampered.xlsx")
    ev = recalc(tmp_path / "tampered.xlsx")
    tampered = {f.where for f in ev.findings if f.code == "FORMULA_TAMPERED"}
    assert tampered == {str(cells["score_key_tasks"]), "绩效指标!L5"}
    assert ev.total == SAMPLE_004_TOTAL        # the template's formulas, not the edited ones


def test_edited_rule_parameter_is_reported(samples, tmp_path):
    wb = openpyxl.load_workbook(samples["004"])
    cell = name_map(wb)["p_key_tasks_per_item"]
    wb[cell.sheet][cell.ref].value = 1
    wb.save(tmp_path / "params.xlsx")
    found = [f for f in recalc(tmp_path / "params.xlsx").findings if f.code == "FORMULA_TAMPERED"]
    assert [f.where for f in found] == [str(cell)] and "评分规则参数被修改" in found[0].message


@pytest.mark.parametrize("names, code", [
    ({"budget_total": None}, "MISSING_INPUT"),
    ({"budget_total": "3,335,800元"}, "BAD_VALUE"),
])
def test_input_problems_point_at_the_input_cell(samples, tmp_path, names, code):
    ev = recalc(edited(samples["004"], tmp_path / "x.xlsx", **names))
    found = [f for f in ev.findings if f.code == code]
    budget = name_map(openpyxl.load_workbook(samples["004"]))["budget_total"]
    assert found and found[0].where == str(budget) and "全年预算数" in found[0].message
    assert ev.total is None


def test_weight_sum(samples, tmp_path):
    wb = openpyxl.load_workbook(samples["004"])
    wb["绩效指标"]["I5"].value = 12
    wb.save(tmp_path / "w.xlsx")
    assert "WEIGHT_SUM" in codes(recalc(tmp_path / "w.xlsx"))


def test_unknown_template_and_version(samples, tmp_path):
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "某局自制评分表"
    wb.save(plain)
    ev = recalc(plain)
    assert codes(ev) == {"TEMPLATE_UNKNOWN"} and not ev.evaluated
    wb = openpyxl.load_workbook(samples["004"])
    wb["_meta"]["B2"] = "0.1.0"
    wb.save(tmp_path / "old.xlsx")
    ev = recalc(tmp_path / "old.xlsx")
    assert codes(ev) == {"TEMPLATE_UNKNOWN"} and "0.1.0" in ev.findings[0].message



# ----------------------------------------------------------------- hostile files
def test_recalc_refuses_hostile_files_with_reasons(samples, tmp_path):
    reasons = hostile_files(tmp_path)
    for name in ("empty.xlsx", "random.xlsx", "bomb.xlsx", "password.xlsx", "huge.xlsx"):
        with pytest.raises(RecalcError) as err:
            recalc(tmp_path / name)
        assert reasons[name] in str(err.value)


def test_our_xlsm_is_evaluated_without_running_macros(tmp_path):
    from engine.book.template import build_template_file
    build_template_file("dept-simple", tmp_path / "t.xlsm")
    data = json.loads((SAMPLES_DIR / "000_gaoxin_office_2024.json").read_text("utf-8"))
    fill(tmp_path / "t.xlsm", data, tmp_path / "s.xlsm")
    ev = recalc(tmp_path / "s.xlsm")
    assert ev.findings == [] and ev.total == 100     # SPEC 9: seed 000 scores 100


def test_a_corrupt_reference_cache_is_rebuilt(samples, tmp_path, monkeypatch):
    from engine.book import integrity
    from engine.core import rulesets
    monkeypatch.setenv("PERFSCORE_CACHE", str(tmp_path / "cache"))
    integrity.reference.cache_clear()
    path = integrity._cache_file(rulesets.load("dept-common").path, "udf")
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    try:
        ev = recalc(samples["004"])
        assert ev.findings == [] and ev.total == SAMPLE_004_TOTAL
        assert json.loads(path.read_text(encoding="utf-8"))["fingerprint"]
    finally:
        integrity.reference.cache_clear()


def test_a_changed_constant_of_the_core_leaves_no_untouched_workbook_tampered(tmp_path):
    """A mutation: the engine with another SCORE_TOLERANCE (which its formulas carry) builds a
    template and scores it, with the template references the unchanged engine left on disk."""
    import os
    import shutil
    import subprocess
    import sys
    from helpers import ROOT
    cache = tmp_path / "cache"
    env = {**os.environ, "PERFSCORE_CACHE": str(cache)}
    warm = "from engine.book.integrity import reference; reference('dept-simple', 'udf'); reference('dept-simple', 'native')"
    subprocess.run([sys.executable, "-c", warm], cwd=ROOT, env=env, check=True)
    assert len(list(cache.glob("reference-*.json"))) == 2
    mutant = tmp_path / "mutant"
    for package in ("engine", "udfs", "templates", "workbook"):
        shutil.copytree(ROOT / package, mutant / package, ignore=shutil.ignore_patterns("__pycache__", "*.xls*"))
    findings = mutant / "engine" / "core" / "findings.py"
    source = findings.read_text(encoding="utf-8")
    assert "SCORE_TOLERANCE = 0.005" in source
    findings.write_text(source.replace("SCORE_TOLERANCE = 0.005", "SCORE_TOLERANCE = 0.004"), encoding="utf-8")
    sample = SAMPLES_DIR / "000_gaoxin_office_2024.json"
    script = f"""
import engine, sys
assert engine.__file__.startswith({str(mutant)!r}), engine.__file__
from engine.book.template import build_template_file
from engine.book.fill import fill
from engine.book.recalc import recalc
import json
data = json.loads(open({str(sample)!r}, encoding="utf-8").read())
for flavour in ("udf", "native"):
    build_template_file("dept-simple", "t.xlsx", flavour)
    fill("t.xlsx", data, f"{{flavour}}.xlsx")
    ev = recalc(f"{{flavour}}.xlsx")
    print(flavour, ev.total, sorted({{f.code for f in ev.findings}}))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=mutant, env={**env, "PYTHONPATH": str(mutant)},
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["udf 100.0 []", "native 100.0 []"], result.stdout
    assert len(list(cache.glob("reference-*.json"))) == 4    # the mutant's own references, beside the others
