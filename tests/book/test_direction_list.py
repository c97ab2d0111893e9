"""The 指标性质 list offers the full-width ＝, never a bare "=" (typed into Excel, "=" starts a
formula); ＝, = and 等于 all mean equal, in both flavours and both engines."""
import openpyxl
import pytest

from engine import recalc
from engine.book.fill import fill
from engine.book.names import indicator_cell
from helpers import build_templates


@pytest.mark.parametrize("flavour", ["udf", "native"])
def test_an_equal_indicator_is_filled_as_text_and_scored(flavour, tmp_path, common_submission):
    template = build_templates(tmp_path, flavour)["dept-common"]
    data = common_submission
    data["indicators"][0].update(direction="=", target=100, actual=80, weight=10)
    fill(template, data, tmp_path / "filled.xlsx")
    cell = indicator_cell(1, "direction")
    written = openpyxl.load_workbook(tmp_path / "filled.xlsx")[cell.sheet][cell.ref]
    # text, never a formula; the native cell holds its list's ＝, the UDF cell the data as given
    assert written.data_type == "s" and written.value == ("＝" if flavour == "native" else "=")
    scores = set()
    for typed in ("＝", "等于", "="):
        wb = openpyxl.load_workbook(tmp_path / "filled.xlsx")
        wb[cell.sheet][cell.ref].value = typed
        wb[cell.sheet][cell.ref].data_type = "s"
        wb.save(tmp_path / "typed.xlsx")
        for fast in (True, False) if typed == "等于" else (True,):   # the formulas library once
            scores.add(recalc(tmp_path / "typed.xlsx", fast=fast).indicators[0]["score"])
    assert scores == {8.0}


@pytest.mark.parametrize("flavour", ["udf", "native"])
def test_no_list_offers_a_bare_equals(flavour, tmp_path):
    for path in build_templates(tmp_path, flavour).values():
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for dv in ws.data_validations.dataValidation:
                if dv.type == "list" and dv.formula1.startswith('"'):
                    assert "=" not in dv.formula1.strip('"').split(","), (ws.title, dv.formula1)
