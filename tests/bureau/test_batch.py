"""The bureau's batch: hostile files reported while the batch goes on, the time limit,
folders collected, the summary workbook read back."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import openpyxl
import pandas as pd

from engine.book.fill import fill
from engine.bureau import batch
from engine.bureau.summary import write_summary
from engine.core import rulesets
from helpers import SAMPLE_004_TOTAL, hostile_files
from nofork import run_without_fork
from workbook import SAMPLES_DIR


def digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_hostile_files_are_reported_and_the_batch_goes_on(samples, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    reasons = hostile_files(folder)
    for key in ("004", "008"):
        shutil.copy(samples[key], folder / samples[key].name)
    before = digest(folder)
    out = tmp_path / "summary.xlsx"
    result = run_without_fork(["batch", folder, "-o", out, "--jobs", "2"],
                            capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert digest(folder) == before                        # inputs untouched
    summary = pd.read_excel(out, sheet_name="汇总", engine="calamine")
    assert len(summary) == len(reasons) + 2
    rows = summary.set_index("文件")
    for name, fragment in reasons.items():
        assert rows.loc[name, "状态"] == "无法评分", name
        assert fragment in rows.loc[name, "原因"], (name, rows.loc[name, "原因"])
    assert rows.loc["004_agriculture_bureau_2024.xlsx", "状态"] == "通过"
    assert rows.loc["004_agriculture_bureau_2024.xlsx", "复核总分"] == SAMPLE_004_TOTAL
    assert rows.loc["008_housing_bureau_2024.xlsx", "状态"] == "有错误"
    assert rows.loc["008_housing_bureau_2024.xlsx", "等级"] == "良"


def _hangs(path):
    import time
    time.sleep(60)   # a parser stuck on a hostile file


def test_a_file_over_the_time_limit_is_stopped(samples):
    start = __import__("time").monotonic()
    results = list(batch.run([samples["004"], samples["000"]], jobs=2, timeout=0.5, evaluate_one=_hangs))
    assert {r.status for r in results} == {batch.FAILED}
    assert all("超过时间限制" in r.reason for r in results)
    assert __import__("time").monotonic() - start < 10       # killed, not waited for


def _hangs_on_000(path):
    if path.name.startswith("000"):
        _hangs(path)
    return batch.FileResult(str(path), batch.EVALUATED)


def test_the_jobs_queued_behind_a_stuck_file_are_evaluated(samples):
    """A worker holds more than one job: those behind the one it is stuck on go to its replacement."""
    files = [samples["000"], samples["004"], samples["008"], samples["003"]]
    results = list(batch.run(files, jobs=1, timeout=0.5, evaluate_one=_hangs_on_000))
    assert sorted(r.file for r in results) == sorted(map(str, files))
    assert {Path(r.file).name[:3]: r.status for r in results} == {
        "000": batch.FAILED, "004": batch.EVALUATED, "008": batch.EVALUATED, "003": batch.EVALUATED}


def _crashes_on_000(path):
    import os
    if path.name.startswith("000"):
        os._exit(3)   # a parser that takes its process down
    return batch.FileResult(str(path), batch.EVALUATED)


def test_a_worker_that_dies_is_replaced_and_every_file_has_one_result(samples):
    files = [samples[k] for k in sorted(samples)] * 3
    results = list(batch.run(files, jobs=2, evaluate_one=_crashes_on_000))
    assert len(results) == len(files)
    crashed = [r for r in results if r.status == batch.FAILED]
    assert len(crashed) == 3 and all("worker crashed" in r.reason for r in crashed)
    assert sorted(r.file for r in results) == sorted(map(str, files))


def _hangs_on_7_crashes_on_13(path):
    if path.name == "7.xlsx":
        _hangs(path)
    if path.name == "13.xlsx":
        _crashes_on_000(Path("000"))
    return batch.FileResult(str(path), batch.EVALUATED)


def test_many_files_a_few_to_a_task_each_judged_alone_when_its_task_fails(tmp_path):
    """Jobs go to the workers a few at a time; when a task hangs or dies, its other files are
    evaluated again one by one and only the guilty one is reported."""
    files = [tmp_path / f"{i}.xlsx" for i in range(60)]
    results = list(batch.run(files, jobs=2, timeout=2.0, evaluate_one=_hangs_on_7_crashes_on_13))
    assert sorted(r.file for r in results) == sorted(map(str, files))   # one result each
    failed = {Path(r.file).name: r.reason for r in results if r.status == batch.FAILED}
    assert set(failed) == {"7.xlsx", "13.xlsx"}
    assert "超过时间限制" in failed["7.xlsx"] and "worker crashed" in failed["13.xlsx"]


def test_nothing_in_the_engine_forks_by_name():
    """Windows has neither fork nor forkserver; the batch (and everything else) asks for neither."""
    import re
    root = Path(batch.__file__).resolve().parents[1]
    asks = [(p.name, m.group()) for p in root.rglob("*.py")
            for m in re.finditer(r"get_context\(\s*['\"](fork|forkserver)['\"]|os\.fork\(|set_start_method\(\s*['\"]fork",
                                 p.read_text("utf-8"))]
    assert asks == []


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
    assert list(sheets) == ["汇总", "明细", "问题清单", "统计", "说明"]
    summary = sheets["汇总"].set_index("文件")
    assert len(summary) == len(files)
    assert summary.loc["000_gaoxin_office_2024.xlsx", "复核总分"] == 100
    assert summary.loc["003_karamay_party_office_2023.xlsx", "复核总分"] == 99.66
    assert summary.loc["003_karamay_party_office_2023.xlsx", "差异"] == 0.34
    assert summary.loc["008_housing_bureau_2024.xlsx", "错误"] == 5
    assert summary.loc["evil.xlsx", "单位名称"] == "'" + data["dept_name"]   # escaped, still text
    details = sheets["明细"]
    assert len(details[details["文件"] == "004_agriculture_bureau_2024.xlsx"]) == len(rulesets.load("dept-common").rows)
    findings = sheets["问题清单"]
    assert set(findings[findings["文件"] == "007_culture_tourism_2024.xlsx"]["代码"]) >= {"FORMULA_OVERWRITTEN"}
    levels = list(findings["级别"])
    assert levels == sorted(levels, key=lambda level: level != "错误")     # errors first
    errors = findings[findings["级别"] == "错误"]
    assert list(errors["文件"]) == sorted(errors["文件"])                    # then by file
    wb = openpyxl.load_workbook(tmp_path / "summary.xlsx")
    assert len(wb["统计"]._charts) >= 3
    assert wb["汇总"].freeze_panes == "A2" and wb["汇总"].auto_filter.ref
    for ws in wb.worksheets:
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)   # no formula at all




def test_two_reports_of_one_department_are_not_paired_by_guess(samples, tmp_path):
    """By 单位名称 and 年度, as by name: a pair is exactly one workbook and one report."""
    from engine.bureau.samples import build_reports
    reports = build_reports(SAMPLES_DIR, tmp_path / "reports")
    by_department = next(r for r in reports if r.name.startswith("高新区"))
    second = shutil.copy(by_department, tmp_path / "reports" / "另一份.docx")
    files = [samples["000"], by_department, second]
    results = list(batch.run(files, jobs=2))
    assert sorted(r.file for r in results) == sorted(map(str, files))
    assert all(r.status == batch.EVALUATED and not r.paired_with for r in results)
    alone = list(batch.run([samples["000"], by_department], jobs=2))
    assert {r.paired_with for r in alone} == {str(samples["000"]), str(by_department)}


def test_the_summary_names_sub_folders_duplicates_titles_and_counts_in_whole_numbers(samples, tmp_path):
    folder = tmp_path / "收到"
    (folder / "区县A").mkdir(parents=True)
    shutil.copy(samples["004"], folder / samples["004"].name)
    shutil.copy(samples["004"], folder / "区县A" / "再次提交.xlsx")          # the same department and year
    shutil.copy(samples["000"], folder / "区县A" / samples["000"].name)
    results = list(batch.run(batch.collect([folder]), jobs=2))
    write_summary(results, tmp_path / "summary.xlsx", roots=[folder])
    sheets = pd.read_excel(tmp_path / "summary.xlsx", sheet_name=None, engine="calamine")
    summary = sheets["汇总"].set_index("文件")
    assert set(summary.index) == {samples["004"].name, "区县A/再次提交.xlsx", f"区县A/{samples['000'].name}"}
    assert summary.loc["区县A/再次提交.xlsx", "评价体系"] == rulesets.load("dept-common").title
    duplicates = sheets["问题清单"][sheets["问题清单"]["代码"] == "DUPLICATE_SUBMISSION"]
    assert set(duplicates["文件"]) == {samples["004"].name, "区县A/再次提交.xlsx"}
    assert (duplicates["级别"] == "提示").all()
    assert summary.loc["区县A/再次提交.xlsx", "提示"] == 1 and summary.loc[f"区县A/{samples['000'].name}", "提示"] == 0
    wb = openpyxl.load_workbook(tmp_path / "summary.xlsx")
    stats = wb["统计"]
    captions = [c.value for c in stats["A"] if c.value and "（" in str(c.value)]
    assert any("工作簿、数据和报告各算一个" in c for c in captions) and any("报告不计" in c for c in captions)
    for chart in stats._charts:
        if hasattr(chart, "y_axis"):
            assert chart.y_axis.majorUnit >= 1 and float(chart.y_axis.majorUnit).is_integer()
