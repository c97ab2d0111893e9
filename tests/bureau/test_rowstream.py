"""The summary's long sheets are written as XML rows by rowstream: what a reader gets back."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from engine.bureau.results import EVALUATED, FileResult
from engine.bureau.rowstream import RowStream, cell_xml, splice
from engine.bureau.summary import SummaryWriter


def test_cells_are_typed_and_escaped():
    assert cell_xml("B2", 3, 0) == '<c r="B2"><v>3</v></c>'
    assert cell_xml("B2", 0.1, 4) == '<c r="B2" s="4"><v>0.1</v></c>'
    assert cell_xml("B2", True, 0) == '<c r="B2" t="b"><v>1</v></c>'
    assert "<t>a&lt;b&amp;c&gt;</t>" in cell_xml("B2", "a<b&c>", 0)
    assert "<t>=SUM(A1)</t>" in cell_xml("B2", "=SUM(A1)", 0)          # text, never a formula
    assert "<f>" not in cell_xml("B2", "=SUM(A1)", 0)
    assert "<t>ab</t>" in cell_xml("B2", "a\x01\x0bb", 0)               # no XML can hold these
    assert 'xml:space="preserve"> x </t>' in cell_xml("B2", " x ", 0)
    assert "<t>nan</t>" in cell_xml("B2", float("nan"), 0)              # not an invalid <v>


def _skeleton(rows_before: int = 1) -> io.BytesIO:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("明细")
    for n in range(rows_before):
        ws.append([f"header {n}"])
    wb.create_sheet("其他").append(["x"])
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def test_rows_are_spliced_after_the_header():
    stream = RowStream([0, 0, 0])
    stream.append(["文件一", 12.5, None])
    stream.append(["文件二", None, "<&>"])
    out = io.BytesIO()
    splice(_skeleton(), out, {"明细": stream})
    out.seek(0)
    wb = openpyxl.load_workbook(out)
    assert [list(r) for r in wb["明细"].iter_rows(values_only=True)] == [
        ["header 0", None, None], ["文件一", 12.5, None], ["文件二", None, "<&>"]]
    assert wb["其他"]["A1"].value == "x"
    assert stream.last_row == 3


def test_a_sheet_without_its_sheet_data_is_refused():
    broken = io.BytesIO()
    with zipfile.ZipFile(_skeleton()) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data.replace(b"</sheetData>", b"") if info.filename.endswith("sheet1.xml") else data)
    broken.seek(0)
    with pytest.raises(ValueError, match="sheetData"):
        splice(broken, io.BytesIO(), {"明细": RowStream([0])})


def test_text_a_spreadsheet_cannot_hold_does_not_stop_the_summary(tmp_path):
    """A department name with a control character (Excel stores them as _x0001_) and a
    formula-like item name: the summary is written, the text kept as text."""
    evaluation = {"dept_name": "测试\x01局", "total": 90.0, "self_total": 91.0, "rule_set": "dept-common",
                  "items": [{"id": "x", "name": "=1+1\x02", "weight": 10, "score": 9.5, "self_score": 10}],
                  "findings": [{"severity": "error", "code": "SCORE_MISMATCH", "where": "@x\x03", "message": "m"}]}
    result = FileResult(str(tmp_path / "a.xlsx"), EVALUATED, evaluation=evaluation)
    writer = SummaryWriter(tmp_path / "summary.xlsx")
    writer.add(result)
    writer.close()
    book = CalamineWorkbook.from_path(str(tmp_path / "summary.xlsx"))
    summary, details, findings = (book.get_sheet_by_name(n).to_python() for n in ("汇总", "明细", "问题清单"))
    assert summary[1][1] == details[1][1] == findings[1][1] == "测试局"
    assert details[1][3] == "'=1+1" and details[1][5] == 9.5
    assert findings[1][5] == "'@x"
