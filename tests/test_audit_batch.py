"""The bureau's job: workbook-level findings, hostile files, the batch and its summary."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

from engine.bureau import batch
from engine.book.recalc import RecalcError, recalc
from engine.bureau.samples import build_samples
from engine.bureau.summary import write_summary
from engine.book.fill import fill
from engine.book.names import name_map
from workbook import SAMPLES_DIR, xlwings_base


@pytest.fixture(scope="session")
def samples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("samples")
    return {p.name[:3]: p for p in build_samples(SAMPLES_DIR, folder / "submissions", folder / "templates")}


def codes(evaluation) -> set[str]:
    return {f.code for f in evaluation.findings}


def edited(source, target, **names):
    wb = openpyxl.load_workbook(source)
    cells = name_map(wb)
    for name, value in names.items():
        wb[cells[name].sheet][cells[name].ref].value = value
    wb.save(target)
    return target


# ------------------------------------------------------------- finding codes
def test_clean_workbook_has_no_findings(samples):
    ev = recalc(samples["004"])
    assert ev.findings == [] and ev.total == 97.22 and ev.grade == "优"


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
    assert ev.total == 90


def test_edited_formula_is_tampered_and_restored(samples, tmp_path):
    wb = openpyxl.load_workbook(samples["004"])
    cells = name_map(wb)
    wb[cells["score_key_tasks"].sheet][cells["score_key_tasks"].ref].value = "=8"
    wb["绩效指标"]["L5"].value = "=10"
    wb.save(tmp_path / "tampered.xlsx")
    ev = recalc(tmp_path / "tampered.xlsx")
    tampered = {f.where for f in ev.findings if f.code == "FORMULA_TAMPERED"}
    assert tampered == {str(cells["score_key_tasks"]), "绩效指标!L5"}
    assert ev.total == 97.22


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
def hostile_files(folder, samples) -> dict[str, str]:
    """name → a fragment of the reason it must be refused with"""
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "random.xlsx").write_bytes(os.urandom(4096))
    (folder / "text.xlsx").write_text("部门名称,总分\n某局,100\n", encoding="utf-8")
    (folder / "password.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4088))
    plain = openpyxl.Workbook()
    plain.active["A1"] = "别的表"
    plain.save(folder / "plain.xlsx")
    with zipfile.ZipFile(folder / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (80 * 1024 * 1024))
    huge = openpyxl.Workbook()
    huge.active["A1"] = 1
    huge.active["A900000"] = 1
    huge.save(folder / "huge.xlsx")
    shutil.copy(xlwings_base(), folder / "macros.xlsm")
    return {"empty.xlsx": "空文件", "random.xlsx": "不是 Excel", "text.xlsx": "不是 Excel",
            "password.xlsx": "密码", "plain.xlsx": "不是 perfscore 模板", "bomb.xlsx": "压缩炸弹",
            "huge.xlsx": "行", "macros.xlsm": "不是 perfscore 模板"}


def digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_hostile_files_are_reported_and_the_batch_goes_on(samples, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    reasons = hostile_files(folder, samples)
    for key in ("004", "008"):
        shutil.copy(samples[key], folder / samples[key].name)
    before = digest(folder)
    out = tmp_path / "summary.xlsx"
    result = subprocess.run([sys.executable, "-m", "engine.cli", "batch", str(folder), "-o", str(out), "--jobs", "2"],
                            capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert digest(folder) == before                        # inputs untouched
    summary = pd.read_excel(out, sheet_name="汇总", engine="calamine")
    assert len(summary) == len(reasons) + 2
    rows = summary.set_index("file")
    for name, fragment in reasons.items():
        assert rows.loc[name, "status"] == "failed", name
        assert fragment in rows.loc[name, "reason"], (name, rows.loc[name, "reason"])
    assert rows.loc["004_agriculture_bureau_2024.xlsx", "status"] == "ok"
    assert rows.loc["004_agriculture_bureau_2024.xlsx", "total"] == 97.22
    assert rows.loc["008_housing_bureau_2024.xlsx", "status"] == "errors"
    assert rows.loc["008_housing_bureau_2024.xlsx", "grade"] == "良"


def test_recalc_refuses_hostile_files_with_reasons(samples, tmp_path):
    reasons = hostile_files(tmp_path, samples)
    for name in ("empty.xlsx", "random.xlsx", "bomb.xlsx", "password.xlsx", "huge.xlsx"):
        with pytest.raises(RecalcError) as err:
            recalc(tmp_path / name)
        assert reasons[name] in str(err.value)


def test_our_xlsm_is_evaluated_without_running_macros(tmp_path):
    from engine.cli import build_template_file
    build_template_file("dept-simple", tmp_path / "t.xlsm")
    data = json.loads((SAMPLES_DIR / "000_gaoxin_office_2024.json").read_text("utf-8"))
    fill(tmp_path / "t.xlsm", data, tmp_path / "s.xlsm")
    ev = recalc(tmp_path / "s.xlsm")
    assert ev.total == 100 and ev.findings == []


def _hangs(path):
    import time
    time.sleep(60)   # a parser stuck on a hostile file


def test_a_file_over_the_time_limit_is_stopped(samples):
    start = __import__("time").monotonic()
    results = list(batch.run([samples["004"], samples["000"]], jobs=2, timeout=0.5, evaluate_one=_hangs))
    assert {r.status for r in results} == {"failed"}
    assert all("超过时间限制" in r.reason for r in results)
    assert __import__("time").monotonic() - start < 10       # killed, not waited for


def test_collect_folders_and_files(samples, tmp_path):
    (tmp_path / "~$lock.xlsx").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    shutil.copy(samples["004"], tmp_path / "a.xlsx")
    files = batch.collect([tmp_path, tmp_path / "a.xlsx", tmp_path / "notes.txt"])
    assert [f.name for f in files] == ["a.xlsx", "notes.txt"]


# ------------------------------------------------------------------ the summary
def test_summary_read_back(samples, tmp_path):
    data = json.loads((SAMPLES_DIR / "004_agriculture_bureau_2024.json").read_text("utf-8"))
    data["dept_name"] = '=HYPERLINK("http://evil.example","点我")'
    fill(samples["004"].parent.parent / "templates" / "template-dept-common.xlsx", data, tmp_path / "evil.xlsx")
    files = [samples[k] for k in sorted(samples)] + [tmp_path / "evil.xlsx"]
    results = list(batch.run(files, jobs=2))
    write_summary(results, tmp_path / "summary.xlsx")
    sheets = pd.read_excel(tmp_path / "summary.xlsx", sheet_name=None, engine="calamine")
    assert list(sheets) == ["汇总", "明细", "问题清单", "统计"]
    summary = sheets["汇总"].set_index("file")
    assert len(summary) == len(files)
    assert summary.loc["000_gaoxin_office_2024.xlsx", "total"] == 100
    assert summary.loc["003_karamay_party_office_2023.xlsx", "total"] == 99.66
    assert summary.loc["008_housing_bureau_2024.xlsx", "errors"] == 5
    assert summary.loc["evil.xlsx", "dept_name"] == "'" + data["dept_name"]   # escaped, still text
    details = sheets["明细"]
    assert len(details[details["file"] == "004_agriculture_bureau_2024.xlsx"]) == 21
    findings = sheets["问题清单"]
    assert set(findings[findings["file"] == "007_culture_tourism_2024.xlsx"]["code"]) >= {"FORMULA_OVERWRITTEN"}
    wb = openpyxl.load_workbook(tmp_path / "summary.xlsx")
    assert len(wb["统计"]._charts) == 2
    assert wb["汇总"].freeze_panes == "A2" and wb["汇总"].auto_filter.ref
    for ws in wb.worksheets:
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)   # no formula at all


def test_a_corrupt_reference_cache_is_rebuilt(samples, tmp_path, monkeypatch):
    from engine.book import integrity
    from engine.core import rulesets
    monkeypatch.setenv("PERFSCORE_CACHE", str(tmp_path / "cache"))
    integrity.reference.cache_clear()
    path = integrity._cache_file(rulesets.load("dept-common").path)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    try:
        ev = recalc(samples["004"])
        assert ev.findings == [] and ev.total == 97.22
        assert json.loads(path.read_text(encoding="utf-8"))["fingerprint"]
    finally:
        integrity.reference.cache_clear()
