"""Template → fill → recalc: the workbook's own formulas give what evaluate() gives."""
from __future__ import annotations

import copy
import hashlib
import os
import json
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from helpers import COMMON_TOTAL, ROOT, build_templates, load_sample
from engine import evaluate
from engine.core import rulesets
from engine.book.recalc import recalc
from engine.book.template import SHEETS, build_template, fingerprint
from engine.book.fill import FillError, fill
from engine.book.names import name_map, rate_name, read_meta
from strategies import submissions
from workbook import WORKBOOK_DIR, xlwings_base

RULE_SETS = rulesets.available()
# each example costs a formulas load (5–10 s a workbook, its compilation: 2026-12-07); ROUNDTRIP_EXAMPLES=60 for a
# deeper run
ROUNDTRIP_EXAMPLES = int(os.environ.get("ROUNDTRIP_EXAMPLES", "6"))


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("templates"))


def _r(value):
    # openpyxl writes floats with 16 significant digits ("%.16g"): a typed self score may
    # come back one unit in the last place off, which no finding can see
    return float(f"{value:.12g}") if isinstance(value, float) else value


def comparable(ev) -> dict:
    out = ev.to_dict()
    return {
        "items": [(i["id"], i["score"], _r(i["self_score"])) for i in out["items"]],
        "indicators": [(i["row"], i["name"], i["score"], i["completion"], _r(i["self_score"]))
                       for i in out["indicators"]],
        "rates": out["rates"], "total": out["total"], "self_total": _r(out["self_total"]), "grade": out["grade"],
        "dept": (out["dept_name"], out["fiscal_year"]),
        "findings": sorted((f["severity"], f["code"], f["message"]) for f in out["findings"]),
    }


def assert_same(got, expected) -> None:
    a, b = comparable(got), comparable(expected)
    for key in a:
        if isinstance(a[key], list):
            differing = [(x, y) for x, y in zip(a[key], b[key]) if x != y]
            assert not differing and len(a[key]) == len(b[key]), (key, differing or (a[key], b[key]))
        else:
            assert a[key] == b[key], (key, a[key], b[key])


def roundtrip(templates, tmp_path, data):
    """recalc(fill(template, data)) by the full formulas path, checked equal to the fast path."""
    filled = tmp_path / "filled.xlsx"
    fill(templates[data["rule_set"]], data, filled)
    full = recalc(filled, fast=False)
    from engine.book.fastpath import try_fast
    fast = try_fast(filled)
    assert fast is not None, "an untouched workbook must take the fast path"
    assert fast.to_dict() == full.to_dict()
    return full


# ------------------------------------------------------------------ round trip
@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_samples_roundtrip(templates, tmp_path, prefix):
    data = load_sample(prefix)
    data = {k: v for k, v in data.items() if not k.startswith("_")}
    assert comparable(roundtrip(templates, tmp_path, data)) == comparable(evaluate(data))


def test_complete_dept_common_roundtrip(templates, tmp_path, common_submission):
    got = roundtrip(templates, tmp_path, common_submission)
    assert got.total == COMMON_TOTAL and got.findings == []
    assert comparable(got) == comparable(evaluate(common_submission))


@pytest.mark.parametrize("rule_set", RULE_SETS)
@settings(max_examples=ROUNDTRIP_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=submissions())
def test_generated_roundtrip(templates, tmp_path, rule_set, data):
    data = dict(data, rule_set=rule_set)
    data["inputs"] = {k: v for k, v in data["inputs"].items() if k in rulesets.load(rule_set).inputs}
    data["self_scores"] = {k: v for k, v in data["self_scores"].items()
                           if k in {r.id for r in rulesets.load(rule_set).rows}}
    data["stated_rates"] = {k: v for k, v in data["stated_rates"].items() if k in rulesets.load(rule_set).rates}
    got, expected = roundtrip(templates, tmp_path, data), evaluate(data)
    assert_same(got, expected)
    for finding in got.findings:
        assert "!" in finding.where, finding     # every finding points at a cell


def test_findings_point_at_cells(templates, tmp_path):
    ev = roundtrip(templates, tmp_path, {k: v for k, v in load_sample("003").items() if not k.startswith("_")})
    wheres = {f.code: f.where for f in ev.findings}
    names = name_map(openpyxl.load_workbook(templates["dept-simple"]))
    assert wheres["TOTAL_MISMATCH"] == str(names["self_total"])
    assert wheres["STATED_RATE_MISMATCH"] == str(names["stated_project_exec_rate"])
    assert wheres["DEVIATION_UNEXPLAINED"] == "绩效指标!M10"


# --------------------------------------------------------- edits change scores
def _edit(path, out, **names):
    wb = openpyxl.load_workbook(path)
    cells = name_map(wb)
    for name, value in names.items():
        cell = cells[name]
        wb[cell.sheet][cell.ref].value = value
    wb.save(out)


def test_editing_an_input_changes_the_score(templates, tmp_path, common_submission):
    filled = tmp_path / "filled.xlsx"
    fill(templates["dept-common"], common_submission, filled)
    _edit(filled, tmp_path / "edited.xlsx", key_tasks_incomplete=1)
    assert [i["score"] for i in recalc(tmp_path / "edited.xlsx").items if i["id"] == "key_tasks"] == [4]


def test_a_department_editing_a_threshold_is_found_and_the_rule_set_scores(templates, tmp_path, common_submission):
    """The rule set is authoritative (README: Parameters): a department that eases a rule on
    its own 评分规则 is named for it, and scored by the rule set's parameters."""
    data = copy.deepcopy(common_submission)
    data["inputs"]["key_tasks_incomplete"] = 1
    filled = tmp_path / "filled.xlsx"
    fill(templates["dept-common"], data, filled)
    before = recalc(filled)
    wb = openpyxl.load_workbook(filled)
    cell = name_map(wb)["p_key_tasks_per_item"]
    wb[cell.sheet][cell.ref].value = 2                                   # 4 → 2 points per missed task
    sheet, ref = next(wb.defined_names["p_satisfaction_tiers"].destinations)
    tier_cell = ref.replace("$", "").split(":")[0]
    wb[sheet][tier_cell].value = ">=97%"                                 # 96% would no longer earn 6
    wb.save(tmp_path / "rules.xlsx")
    for engine_path in (True, False):                                     # ours and the formulas library
        after = recalc(tmp_path / "rules.xlsx", fast=engine_path)
        assert {i["id"]: i["score"] for i in after.items} == {i["id"]: i["score"] for i in before.items}
        tampered = {f.where for f in after.findings if f.code == "FORMULA_TAMPERED"}
        assert tampered == {str(cell), f"{sheet}!{tier_cell}"}
        assert after.total == before.total == COMMON_TOTAL - 4        # one unfinished key task: 8 − 4


# ------------------------------------------------------------------ the template
@pytest.mark.parametrize("rule_set", RULE_SETS)
def test_template_follows_the_workbook_contract(templates, rule_set):
    rs = rulesets.load(rule_set)
    wb = openpyxl.load_workbook(templates[rule_set])
    assert wb.sheetnames == list(SHEETS) + ["_meta"]
    assert wb["_meta"].sheet_state == "hidden"
    names = name_map(wb)
    expected = set(rs.inputs) | {f"score_{r.id}" for r in rs.rows} | {f"self_{r.id}" for r in rs.rows} | \
        {"total", "self_total", "grade"} | {rate_name(k) for k in rs.rates} | {f"stated_{k}" for k in rs.rates}
    assert expected <= set(names)
    table = wb["绩效指标"].tables["Indicators"]
    header = [c.value for c in wb["绩效指标"][table.ref.split(":")[0][1:]]][:14]
    assert header == ["level1", "level2", "name", "direction", "target", "unit", "midyear_actual", "actual",
                      "weight", "coefficient", "self_score", "score", "deviation_reason", "improvement"]
    first, last = table.ref.split(":")
    assert int(last[1:]) - int(first[1:]) >= 30
    for key in rs.inputs:
        cell = wb[names[key].sheet][names[key].ref]
        assert cell.protection.locked is False and cell.fill.fgColor.rgb.endswith("FFF2CC")
    for row in rs.rows:
        cell = wb[names[f"score_{row.id}"].sheet][names[f"score_{row.id}"].ref]
        assert cell.data_type == "f" and cell.protection.locked is True
    for key in map(rate_name, rs.rates):
        assert wb[names[key].sheet][names[key].ref].number_format == "0.00%"
    lists = [dv.formula1 for ws in wb.worksheets for dv in ws.data_validations.dataValidation]
    assert '"≥,>,＝,≤,<,定性"' in lists and '"是,否"' in lists
    meta = read_meta(wb)
    assert meta["rule_set"] == rs.id and meta["rule_set_version"] == rs.version
    assert meta["formula_fingerprint"] == fingerprint(wb)[0]
    formulas_text = " ".join(c.value for ws in wb.worksheets for r in ws.iter_rows() for c in r
                             if c.data_type == "f")
    assert "[" not in formulas_text            # no structured references: formulas cannot read them


def test_disclosure_options_are_offered(templates):
    wb = openpyxl.load_workbook(templates["dept-common"])
    lists = [dv.formula1 for ws in wb.worksheets for dv in ws.data_validations.dataValidation]
    assert '"按规定公开,公开但不符合要求,未公开"' in lists


# ------------------------------------------------------------------------ fill
def test_fill_keeps_text_as_text_and_never_touches_the_template(templates, tmp_path):
    before = hashlib.sha256(templates["dept-simple"].read_bytes()).hexdigest()
    data = {"rule_set": "dept-simple", "dept_name": '=HYPERLINK("http://evil","x")',
            "inputs": {"budget_total": "2,935.01", "spend_total": "2，900万元"}}
    fill(templates["dept-simple"], data, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    names = name_map(wb)
    cell = wb[names["dept_name"].sheet][names["dept_name"].ref]
    assert cell.value == '=HYPERLINK("http://evil","x")' and cell.data_type == "s"
    assert wb[names["budget_total"].sheet][names["budget_total"].ref].value == "2,935.01"
    assert hashlib.sha256(templates["dept-simple"].read_bytes()).hexdigest() == before


@pytest.mark.parametrize("data, fragment", [
    ({"inputs": {"budget_totl": 5}}, "budget_totl"),
    ({"self_scores": {"nope": 5}}, "self_scores.nope"),
    ({"stated_rates": {"bogus_rate": "1%"}}, "stated_rates.bogus_rate"),
    ({"indicators": [{"name": "x", "score": 5}]}, "score"),
    ({"indicators": [{"name": "x", "colour": 5}]}, "colour"),
    ({"favourite": 1}, "favourite"),
    ({"rule_set": "mof2020"}, "mof2020"),
])
def test_fill_refuses_what_has_no_place(templates, tmp_path, data, fragment):
    with pytest.raises(FillError) as err:
        fill(templates["dept-simple"], {"rule_set": "dept-simple", **data}, tmp_path / "out.xlsx")
    assert fragment in str(err.value)
    assert not (tmp_path / "out.xlsx").exists()


# ------------------------------------------------------------------ write-back
def test_write_back_keeps_formulas_and_caches_values(templates, tmp_path):
    data = {k: v for k, v in load_sample("003").items() if not k.startswith("_")}
    filled, written = tmp_path / "filled.xlsx", tmp_path / "written.xlsx"
    fill(templates["dept-simple"], data, filled)
    before = hashlib.sha256(filled.read_bytes()).hexdigest()
    ev = recalc(filled, written)
    assert hashlib.sha256(filled.read_bytes()).hexdigest() == before
    formulas_wb, values_wb = openpyxl.load_workbook(written), openpyxl.load_workbook(written, data_only=True)
    names = name_map(formulas_wb)
    total, grade = names["total"], names["grade"]
    assert formulas_wb[total.sheet][total.ref].value.startswith("=PERF_TOTAL(")
    assert values_wb[total.sheet][total.ref].value == ev.total == 99.66
    assert values_wb[grade.sheet][grade.ref].value == "优"
    rate = names[rate_name("project_exec_rate")]
    assert values_wb[rate.sheet][rate.ref].value == pytest.approx(181.18 / 213.18)
    assert formulas_wb["绩效指标"].tables["Indicators"].ref == openpyxl.load_workbook(filled)["绩效指标"].tables[
        "Indicators"].ref
    assert set(formulas_wb.defined_names) == set(openpyxl.load_workbook(filled).defined_names)
    with zipfile.ZipFile(written) as z:
        assert "fullCalcOnLoad" not in z.read("xl/workbook.xml").decode()


def test_recalc_again_from_a_written_back_file(templates, tmp_path):
    data = {k: v for k, v in load_sample("000").items() if not k.startswith("_")}
    fill(templates["dept-simple"], data, tmp_path / "a.xlsx")
    import engine
    engine.recalc(tmp_path / "a.xlsx", tmp_path / "b.xlsx")         # the SPEC 7.1 entry point
    assert comparable(engine.recalc(tmp_path / "b.xlsx")) == comparable(evaluate(data))


# -------------------------------------------------------------- the xlsm files
@pytest.mark.parametrize("rule_set", RULE_SETS)
def test_xlsm_keeps_vba_and_xlwings_conf_and_is_current(rule_set):
    path = WORKBOOK_DIR / f"perfscore-{rule_set}.xlsm"
    with zipfile.ZipFile(path) as built, zipfile.ZipFile(xlwings_base()) as base:
        assert built.read("xl/vbaProject.bin") == base.read("xl/vbaProject.bin")
        assert "macroEnabled" in built.read("[Content_Types].xml").decode()
    wb = openpyxl.load_workbook(path, keep_vba=True)
    conf = {row[0]: row[1] for row in wb["xlwings.conf"].iter_rows(values_only=True) if row[0]}
    assert conf["UDF Modules"] == "udfs.xl"
    fresh = build_template(rulesets.load(rule_set))
    assert read_meta(wb)["formula_fingerprint"] == fingerprint(fresh)[0], \
        f"stale: rebuild with perfscore template {rule_set} -o {path.relative_to(ROOT)}"
    assert read_meta(wb)["rule_set_version"] == rulesets.load(rule_set).version


def test_xlsm_build_keeps_vba(tmp_path):
    from engine.book.template import build_template_file
    build_template_file("dept-simple", tmp_path / "x.xlsm")
    with zipfile.ZipFile(tmp_path / "x.xlsm") as z:
        assert len(z.read("xl/vbaProject.bin")) > 1000


def test_recalc_json_is_the_evaluation(templates, tmp_path):
    import subprocess
    import sys
    data = {k: v for k, v in load_sample("003").items() if not k.startswith("_")}
    fill(templates["dept-simple"], data, tmp_path / "f.xlsx")
    result = subprocess.run([sys.executable, "-m", "engine.cli", "recalc", str(tmp_path / "f.xlsx"), "--json"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert out["total"] == 99.66 and out["rule_set"] == "dept-simple"
    assert any(f["code"] == "STATED_RATE_MISMATCH" and f["where"].startswith("预算数据!") for f in out["findings"])


# ------------------------------------------- one rule for choices typed with spaces
def test_spaces_around_a_choice_count_the_same_on_every_path(templates, tmp_path, common_submission):
    """一级指标, 定性 and the disclosure tiers are compared by one rule (parsing.text_key) in
    Python and in the formulas: a trailing space, half- or full-width, changes nothing."""
    mof = {k: v for k, v in load_sample("002").items() if not k.startswith("_")}
    clean = evaluate(mof)
    mof["indicators"][0]["level1"] += " "
    mof["indicators"][-1]["level1"] = "\u3000" + mof["indicators"][-1]["level1"]
    got = roundtrip(templates, tmp_path, mof)                  # the fast path equals the full path
    assert comparable(got) == comparable(evaluate(mof)) == comparable(clean)
    assert got.total == 100 and got.findings == []             # SPEC 9: seed 002 scores 100
    common = copy.deepcopy(common_submission)
    common["inputs"]["final_disclosure"] = "公开但不符合要求 "
    common["indicators"][1]["direction"] = " 定性"
    got = roundtrip(templates, tmp_path, common)
    assert comparable(got) == comparable(evaluate(common))
    assert {i["id"]: i["score"] for i in got.items}["disclosure"] == 2.5       # 1.5 + 1
    assert [i["score"] for i in got.indicators] == [15, 9]                      # 10 × 90%, the coefficient
