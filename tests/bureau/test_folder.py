"""A bureau's folder as it arrives: workbooks with their reports, a report alone, data alone,
a scan, an empty document — through `perfscore batch`: a row for every file, the report that
disagrees with its workbook found with both figures, broken files 无法评分 with a reason, a
summary in Chinese with links, filters, fills and charts; nothing in the folder touched."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from engine.bureau.samples import build_reports
from helpers import ROOT
from nofork import run_without_fork
from workbook import SAMPLES_DIR

BLANK_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
             b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture(scope="module")
def folder(samples, tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    inbox = root / "收到的材料"
    (inbox / "第二批").mkdir(parents=True)
    for key in ("000", "004", "005"):
        shutil.copy(samples[key], inbox / samples[key].name)
    build_reports(SAMPLES_DIR, inbox)                 # 004 by name, 000 by 单位名称, 005 retyped
    shutil.move(inbox / "000_gaoxin_office_2024.xlsx", inbox / "第二批" / "000_gaoxin_office_2024.xlsx")
    shutil.copy(next((ROOT / "tests" / "data" / "seeds").glob("002_*.txt")), inbox / "考核办自评报告.txt")
    shutil.copy(SAMPLES_DIR / "006_health_commission_2024.json", inbox / "006_health_commission_2024.json")
    (inbox / "扫描件.pdf").write_bytes(BLANK_PDF)
    (inbox / "空白报告.docx").write_bytes(b"")
    import docx
    docx.Document().save(str(inbox / "没有文字的报告.docx"))   # a valid document with nothing in it
    return inbox


def digest(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def batch_run(folder, tmp_path_factory):
    before = digest(folder)
    out = tmp_path_factory.mktemp("out") / "汇总.xlsx"
    result = run_without_fork(["batch", folder, "-o", out, "--jobs", "2", "--json"], capture_output=True, text=True, encoding="utf-8", timeout=600, cwd=ROOT)
    assert digest(folder) == before                       # inputs never modified
    return result, out


def test_every_file_has_a_row_in_chinese(folder, batch_run):
    result, out = batch_run
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    summary = pd.read_excel(out, sheet_name="汇总", engine="calamine").set_index("文件")
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(summary.index) == files                     # below the folder given: 第二批/…
    assert list(summary.columns[:6]) == ["单位名称", "年度", "评价体系", "材料", "配对文件", "自评总分"]
    assert set(summary["状态"]) <= {"通过", "有错误", "无法评分"}
    rows = summary.to_dict("index")
    assert rows["004_agriculture_bureau_2024.xlsx"]["材料"] == "工作簿+报告"
    assert rows["004_agriculture_bureau_2024-自评报告.docx"]["配对文件"] == "004_agriculture_bureau_2024.xlsx"
    assert rows["第二批/000_gaoxin_office_2024.xlsx"]["配对文件"] == "高新区管委会办公室2024年度绩效自评报告.docx"   # by 单位名称
    assert rows["高新区管委会办公室2024年度绩效自评报告.docx"]["配对文件"] == "第二批/000_gaoxin_office_2024.xlsx"
    assert rows["考核办自评报告.txt"]["材料"] == "报告" and rows["考核办自评报告.txt"]["状态"] == "通过"
    assert rows["006_health_commission_2024.json"]["材料"] == "数据"
    for broken, fragment in (("扫描件.pdf", "没有文字层"), ("空白报告.docx", "空文件"), ("没有文字的报告.docx", "没有文字")):
        assert rows[broken]["状态"] == "无法评分" and fragment in rows[broken]["原因"]


def test_the_disagreement_names_both_figures(batch_run):
    _, out = batch_run
    findings = pd.read_excel(out, sheet_name="问题清单", engine="calamine")
    mine = findings[(findings["文件"] == "005_education_bureau_2024_报告.docx")
                    & (findings["代码"] == "REPORT_WORKBOOK_MISMATCH")]
    assert len(mine) == 1
    message = mine.iloc[0]["说明"]
    assert "报告写 12,666.15 万元" in message and "工作簿为 12,702.15 万元" in message
    assert mine.iloc[0]["问题"] == "报告与工作簿数字不一致" and mine.iloc[0]["级别"] == "错误"
    assert mine.iloc[0]["位置"].startswith("第") and mine.iloc[0]["位置"].endswith("段")


def test_links_filters_fills_and_charts(folder, batch_run):
    _, out = batch_run
    wb = openpyxl.load_workbook(out)
    ws = wb["汇总"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    links = {c.value: c.hyperlink.target for c in ws["A"][1:] if c.hyperlink}
    assert len(links) == ws.max_row - 1
    assert (out.parent / links["第二批/000_gaoxin_office_2024.xlsx"]).resolve() == \
        (folder / "第二批" / "000_gaoxin_office_2024.xlsx").resolve()      # relative to the summary
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert {r.formula[0].split("=")[1] for r in rules} == {'"有错误"', '"无法评分"'}
    assert ws["J1"].value == "预算执行率" and ws["J2"].number_format == "0.00%"
    assert len(wb["统计"]._charts) >= 3
    keys = {row[2] for row in wb["说明"].iter_rows(values_only=True) if row[0] == "汇总"}
    assert {"file", "dept_name", "status", "total"} <= keys


def test_json_lines_one_per_file(folder, batch_run):
    result, _ = batch_run
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == sum(1 for p in folder.rglob("*") if p.is_file())
    report = next(line for line in lines if line["file"].endswith("005_education_bureau_2024_报告.docx"))
    assert report["kind"] == "report" and {"claims", "stated_total", "findings", "read", "unread"} <= set(report)
    assert report["report_kind"] == "部门整体"     # which form it is, beside what kind of file
    book = next(line for line in lines if line["file"].endswith("004_agriculture_bureau_2024.xlsx"))
    assert book["total"] == 97.22 and "items" in book
