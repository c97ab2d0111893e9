"""The evaluator's semantics with LibreOffice as the oracle: the facts of
tests/core/test_xlformula.py, each written into a workbook LibreOffice recalculates."""
from __future__ import annotations

import openpyxl

from office import soffice

from core.test_xlformula import CELLS, calc, test_excel_semantics

# Where LibreOffice is not Excel (the evaluator follows Excel); no template formula depends on
# these: they compare or join logicals, SUM text given directly, or INDEX out of its range.
LIBREOFFICE_IS_NOT_EXCEL = {
    "=TRUE>1": False,               # LibreOffice: TRUE is 1; Excel ranks logicals above numbers
    '=SUM("5",1)': "#VALUE!",      # LibreOffice's default refuses text given directly to SUM
    "=INDEX(A3:B4,3,1)": "#VALUE!",  # both an error; Excel's is #REF!
    '="a"&1&TRUE': "a11",           # LibreOffice joins TRUE as 1
}


def _facts():
    marker = next(m for m in test_excel_semantics.pytestmark if m.name == "parametrize")
    return [(f, e) for f, e in marker.args[1] if "NOSUCH" not in f.upper()]   # our #NAME? is not LO's Err:


def test_libreoffice_computes_every_fact_as_the_evaluator_does(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for (_, row, col), value in CELLS.items():
        ws.cell(row, col, value)
    facts = _facts()
    for n, (formula, _) in enumerate(facts, 1):
        ws[f"Z{n}"] = formula
    wb.save(tmp_path / "facts.xlsx")
    result = soffice(tmp_path, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"),
                     str(tmp_path / "facts.xlsx"), recalc=True)
    assert result.returncode == 0, result.stderr
    shown = openpyxl.load_workbook(tmp_path / "lo" / "facts.xlsx", data_only=True)["S"]
    differences = []
    for n, (formula, expected) in enumerate(facts, 1):
        value = shown[f"Z{n}"].value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = round(float(value), 10)
        ours = calc(formula)
        if isinstance(ours, float):
            ours = round(ours, 10)
        if value != ours:
            differences.append((formula, value, ours))
    assert {f: lo for f, lo, _ in differences} == LIBREOFFICE_IS_NOT_EXCEL, differences
