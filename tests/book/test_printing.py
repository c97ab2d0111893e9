"""The template prints like the paper form: A4, each sheet fitted to its width (the wide tables
landscape), its header repeated, its print area ending at its last readable column and row, no
wrapped text cut; the whole workbook on at most ten pages, as LibreOffice prints it."""
from __future__ import annotations

import openpyxl
import pdfplumber
import pytest

from engine.book.fill import fill
from engine.book.layout import FIRST_INDICATOR_ROW
from engine.book.printing import MOST_PAGES, PRINTS, _display_width
from helpers import build_templates
from office import soffice

WIDE = {"绩效指标", "评分表"}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    paths = {}
    for flavour in ("udf", "native"):
        for rule_set, path in build_templates(folder / flavour, flavour).items():
            paths[(rule_set, flavour)] = path
    return paths


def test_every_visible_sheet_is_set_up_for_a4_fitted_to_its_width(templates):
    for key, path in templates.items():
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            setup = ws.page_setup
            assert ws.title in PRINTS, key
            assert int(setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.sheet_properties.pageSetUpPr.fitToPage
            assert int(setup.fitToWidth) == 1
            assert setup.orientation == ("landscape" if ws.title in WIDE else "portrait"), (key, ws.title)
            area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
            assert area.endswith(f"${ws.max_row}") or ws.title == "绩效指标", (key, ws.title, area)
            if ws.title in ("绩效指标", "评分表"):
                assert ws.print_title_rows, (key, ws.title)


def test_no_grey_machine_name_column_is_printed(templates):
    wb = openpyxl.load_workbook(templates[("dept-common", "native")])
    for title in ("基本信息", "预算数据"):
        area = wb[title].print_area[0] if isinstance(wb[title].print_area, list) else wb[title].print_area
        last_column = area.split(":")[1].lstrip("$").split("$")[0]
        names = [c.value for c in wb[title][last_column] if c.value]
        assert not any(str(v).startswith(("calc_", "budget_", "dept_")) for v in names), (title, last_column)


def test_wrapped_text_rows_are_tall_enough(templates):
    wb = openpyxl.load_workbook(templates[("dept-common", "native")])
    ws = wb["评分表"]
    width = ws.column_dimensions["E"].width
    for row in range(4, 10):
        text = ws[f"E{row}"].value
        lines_needed = _display_width(text) / width
        height = ws.row_dimensions[row].height or 15
        assert height >= 14 * int(lines_needed), (row, text, height)


def test_a_filled_workbook_prints_its_indicators_to_the_last_one_filled(tmp_path, common_submission, templates):
    fill(templates[("dept-common", "native")], common_submission, tmp_path / "filled.xlsx")
    area = openpyxl.load_workbook(tmp_path / "filled.xlsx")["绩效指标"].print_area
    area = area[0] if isinstance(area, list) else area
    assert area.endswith(f"${FIRST_INDICATOR_ROW + len(common_submission['indicators']) - 1}")


def test_libreoffice_prints_each_template_on_at_most_ten_pages(templates, tmp_path):
    assert MOST_PAGES <= 10
    files = list(templates.values())
    out = tmp_path / "pdf"
    result = soffice(tmp_path, "--convert-to", "pdf", "--outdir", str(out), *map(str, files), timeout=600)
    assert result.returncode == 0, result.stderr
    for key, path in templates.items():
        pdf = out / f"{path.stem}.pdf"
        with pdfplumber.open(pdf) as document:
            pages = len(document.pages)
        assert 7 <= pages <= 10, (key, pages)    # every visible sheet printed, and no more than ten pages
