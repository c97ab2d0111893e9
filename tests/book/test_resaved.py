"""Workbooks saved again by LibreOffice (for real) or stored the way Excel stores them are
still ours: compared by meaning, scored on the fast path, and real edits still caught."""
from __future__ import annotations

import datetime
import json

import openpyxl
import pytest

from engine import recalc
from engine.book.fastpath import try_fast
from engine.book.fill import fill, save_atomic
from engine.book.names import name_map
from engine.book.template import build_template
from engine.core import rulesets
from helpers import edited, load_sample
from office import excel_style, libreoffice_edit, libreoffice_resave

SAMPLES = {"dept-simple": "000", "mof2020": "002", "dept-common": "004"}
BOTH_FLAVOURS = list(SAMPLES) + [f"native:{rule_set}" for rule_set in SAMPLES]


def comparable(evaluation) -> dict:
    out = evaluation.to_dict()
    out.pop("source")
    return out


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    """Per rule set: the filled workbook, an input edited, a formula edited — each as written
    by perfscore and as saved again by LibreOffice (one soffice run for all of them)."""
    folder = tmp_path_factory.mktemp("resaved")
    made = {}
    for rule_set, sample in SAMPLES.items():
        template = folder / f"template-{rule_set}.xlsx"
        save_atomic(build_template(rulesets.load(rule_set)), template)
        data = {k: v for k, v in load_sample(sample).items() if not k.startswith("_")}
        filled = folder / f"{rule_set}.xlsx"
        fill(template, data, filled)
        made[rule_set] = {"filled": filled, "types": _typed_cells(filled, folder / f"{rule_set}-types.xlsx"),
                          "input": edited(filled, folder / f"{rule_set}-input.xlsx", spend_total="500",
                                          budget_total=2 * _amount(data["inputs"]["budget_total"])),
                          "formula": _edit_formula(filled, folder / f"{rule_set}-formula.xlsx")}
        native = folder / f"native-{rule_set}.xlsx"       # the native flavour: its inputs are numbers
        save_atomic(build_template(rulesets.load(rule_set), flavour="native"), folder / f"template-{native.name}")
        fill(folder / f"template-{native.name}", data, native)
        made[f"native:{rule_set}"] = {
            "filled": native, "formula": _edit_formula(native, folder / f"native-{rule_set}-formula.xlsx"),
            "input": edited(native, folder / f"native-{rule_set}-input.xlsx", spend_total=500,
                            budget_total=2 * _amount(data["inputs"]["budget_total"]))}
    saved = libreoffice_resave([p for kinds in made.values() for p in kinds.values()], folder / "lo")
    by_name = {p.stem: p for p in saved}
    return {rule_set: {kind: (path, by_name[path.stem]) for kind, path in kinds.items()}
            for rule_set, kinds in made.items()}


def _amount(value) -> float:
    return float(str(value).replace(",", "").removesuffix("万元"))


def _typed_cells(source, target):
    """Cells as a spreadsheet stores what people type: a date, a percent-formatted number, a
    number kept as text, a boolean, a space left in a cell to clear it."""
    wb = openpyxl.load_workbook(source)
    names = name_map(wb)

    def put(name, value, number_format=None):
        cell = wb[names[name].sheet][names[name].ref]
        cell.value = value
        if number_format:
            cell.number_format = number_format

    put("fill_date", datetime.datetime(2025, 3, 20), "yyyy-mm-dd")
    put("stated_exec_rate", 0.9664, "0.00%")
    put("budget_initial", "775.45")                  # typed into a cell formatted as text
    put("self_grade", " ")
    if "spend_compliance" in names:
        put("spend_compliance", True)
    wb.save(target)
    return target


def _edit_formula(source, target):
    """The grade formula's band table swapped for a literal one: one formula cell changed."""
    wb = openpyxl.load_workbook(source)
    grade = name_map(wb)["grade"]
    wb[grade.sheet][grade.ref].value = '=PERF_GRADE(total,">=50:优;else:差")'
    wb.save(target)
    return target


@pytest.mark.parametrize("rule_set", BOTH_FLAVOURS)
def test_saved_again_without_an_edit_is_untouched(workbooks, rule_set):
    ours, saved = workbooks[rule_set]["filled"]
    assert try_fast(saved) is not None, "a file LibreOffice saved again must take the fast path"
    assert comparable(recalc(saved)) == comparable(recalc(ours))
    assert comparable(recalc(saved, fast=False)) == comparable(recalc(ours))     # the formulas agree
    assert recalc(saved).findings == recalc(ours).findings


@pytest.mark.parametrize("rule_set", BOTH_FLAVOURS)
def test_an_input_edited_then_saved_changes_the_score(workbooks, rule_set):
    ours, saved = workbooks[rule_set]["input"]
    original = recalc(workbooks[rule_set]["filled"][0])
    ev = recalc(saved)
    assert comparable(ev) == comparable(recalc(ours)) == comparable(recalc(saved, fast=False))
    execution = {i["id"]: i for i in ev.items}["budget_execution"]
    before = {i["id"]: i for i in original.items}["budget_execution"]
    assert execution["score"] < before["score"]            # 500 of twice the budget
    assert any(f.code == "SCORE_MISMATCH" for f in ev.findings)  # the self score no longer holds


@pytest.fixture(scope="module")
def typed_in_libreoffice(tmp_path_factory):
    return tmp_path_factory.mktemp("typed")   # one LibreOffice profile for every edit


@pytest.mark.parametrize("rule_set", BOTH_FLAVOURS)
def test_an_input_typed_in_libreoffice_changes_the_score(workbooks, rule_set, typed_in_libreoffice):
    """The edit made in LibreOffice itself (a macro types the number into the open document),
    not before its save: the file still takes the fast path and scores the new number."""
    ours = workbooks[rule_set]["filled"][0]
    wb = openpyxl.load_workbook(ours)
    cell = name_map(wb)["budget_total"]
    doubled = 2 * _amount(wb[cell.sheet][cell.ref].value)
    name = rule_set.replace(":", "-")
    typed = libreoffice_edit(ours, typed_in_libreoffice / f"{name}.xlsx", cell.sheet, cell.ref, doubled)
    expected = edited(ours, typed_in_libreoffice / f"{name}-openpyxl.xlsx", budget_total=doubled)
    assert try_fast(typed) is not None
    ev = recalc(typed)
    assert comparable(ev) == comparable(recalc(expected)) == comparable(recalc(typed, fast=False))
    before = {i["id"]: i["score"] for i in recalc(ours).items}["budget_execution"]
    assert {i["id"]: i["score"] for i in ev.items}["budget_execution"] < before
    assert any(f.code == "SCORE_MISMATCH" for f in ev.findings)    # the self score no longer holds


@pytest.mark.parametrize("rule_set", BOTH_FLAVOURS)
def test_a_formula_edited_then_saved_is_one_finding_on_that_cell(workbooks, rule_set):
    ours, saved = workbooks[rule_set]["formula"]
    grade = name_map(openpyxl.load_workbook(ours))["grade"]
    ev = recalc(saved)
    tampered = [f for f in ev.findings if f.code.startswith("FORMULA_")]
    assert [(f.code, f.where) for f in tampered] == [("FORMULA_TAMPERED", str(grade))]
    assert ev.grade == recalc(workbooks[rule_set]["filled"][0]).grade     # scored by the template's formula


@pytest.mark.parametrize("rule_set", SAMPLES)
@pytest.mark.parametrize("inline", [False, True], ids=["shared-strings", "inline-strings"])
def test_excel_style_storage_is_untouched_and_fast(workbooks, rule_set, tmp_path, inline):
    ours, _ = workbooks[rule_set]["filled"]
    stored = excel_style(ours, tmp_path / "excel.xlsx", inline_strings=inline)
    with __import__("zipfile").ZipFile(stored) as z:
        sheet = z.read("xl/worksheets/sheet4.xml").decode()
        assert 't="shared"' in sheet and "_xludf." in sheet and "xl/calcChain.xml" in z.namelist()
    assert try_fast(stored) is not None
    assert comparable(recalc(stored)) == comparable(recalc(ours)) == comparable(recalc(stored, fast=False))


def test_a_repointed_defined_name_is_tampered_and_the_template_target_used(workbooks, tmp_path):
    ours, _ = workbooks["dept-simple"]["filled"]
    wb = openpyxl.load_workbook(ours)
    names = name_map(wb)
    spare = wb["评分规则"]["G1"]
    spare.value = 20                                     # 20 points for 预算执行率 instead of 10
    wb.defined_names["p_budget_execution_points"].attr_text = "'评分规则'!$G$1"
    wb.save(tmp_path / "names.xlsx")
    assert try_fast(tmp_path / "names.xlsx") is not None     # tampered files are scored on the fast path too
    for ev in (recalc(tmp_path / "names.xlsx"), recalc(tmp_path / "names.xlsx", tmp_path / "written.xlsx")):
        found = [f for f in ev.findings if f.code == "FORMULA_TAMPERED"]
        assert [f.where for f in found] == ["名称 p_budget_execution_points"], found
        assert ev.total == 100 and {i["id"]: i["score"] for i in ev.items}["budget_execution"] == 10
    assert names["p_budget_execution_points"].sheet == "评分规则"
    written = openpyxl.load_workbook(tmp_path / "written.xlsx", data_only=True)
    total = name_map(written)["total"]
    assert written[total.sheet][total.ref].value == 100


@pytest.mark.parametrize("rule_set", SAMPLES)
def test_typed_cell_kinds_read_alike_on_both_paths(workbooks, rule_set):
    for path in workbooks[rule_set]["types"]:                       # ours, and LibreOffice's save
        fast = try_fast(path)
        assert fast is not None
        assert comparable(fast) == comparable(recalc(path, fast=False))
        stated = [f for f in fast.findings if f.code == "STATED_RATE_MISMATCH" and "预算执行率" in f.message]
        assert stated and "96.64%" in stated[0].message             # 0.9664 shown as a percentage


def test_evaluations_are_json(workbooks):
    ours, saved = workbooks["dept-common"]["filled"]
    assert json.loads(json.dumps(recalc(saved).to_dict(), ensure_ascii=False))["total"] == recalc(ours).total


def test_write_back_of_a_libreoffice_save(workbooks, tmp_path):
    """The full path computes LibreOffice's spelling (perf_round(…), TRUE()) itself, and the
    copy it writes shows the values where LibreOffice had cached #NAME?."""
    ours, saved = workbooks["dept-common"]["filled"]
    ev = recalc(saved, tmp_path / "written.xlsx")
    assert comparable(ev) == comparable(recalc(ours))
    values = openpyxl.load_workbook(tmp_path / "written.xlsx", data_only=True)
    names = name_map(values)
    assert values[names["total"].sheet][names["total"].ref].value == ev.total
    assert values[names["grade"].sheet][names["grade"].ref].value == ev.grade


def test_formulas_libreoffice_saved_are_scanned_as_they_parse(workbooks):
    """The fast path's scan of formula cells reads LibreOffice's files (not only the parse)."""
    import zipfile
    from engine.book.xlsxparts import parsed_formulas, scan_formulas, workbook_parts
    scanned = 0
    for kinds in workbooks.values():
        for _, saved in kinds.values():
            with zipfile.ZipFile(saved) as archive:
                for sheet, name in workbook_parts(archive).sheets.items():
                    data = archive.read(name)
                    cells = scan_formulas(data)
                    assert cells is not None and cells == parsed_formulas(data), (saved.name, sheet)
                    scanned += len(cells)
    assert scanned > 1000
