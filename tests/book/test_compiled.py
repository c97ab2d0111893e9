"""The headless engine compiles a formula once per process: a workbook computed after another one
must give exactly what a fresh `formulas` model gives it, whatever changed between the two."""
import os

import formulas
import pytest
from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from engine.book import compiled
from engine.book.recalc import compute, _KEY, _plain

os.environ.setdefault("TQDM_DISABLE", "1")


def _book(path, *, total="=SUM(B1:B3)", rate_cell="$B$1", low=10):
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    ws["B1"], ws["B2"], ws["B3"] = low, 20, 30
    ws["C1"] = total
    ws["C2"] = "=IF(C1>50,\"高\",\"低\")"
    ws["C3"] = "=ROUND(rate*100/C1,2)"
    ws["D1"] = ws["D2"] = "=C1*2"   # one text in two cells: two compiled cells
    wb.defined_names["rate"] = DefinedName("rate", attr_text=f"'表'!{rate_cell}")
    wb.save(path)
    return path


def _fresh(path) -> dict:
    """What a model of the library's own, compiled from nothing, computes."""
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    return {(m["sheet"].upper(), m["ref"]): _plain(v) for k, v in solution.items() if (m := _KEY.match(k))}


@pytest.mark.parametrize("change", [
    {"total": "=SUM(B1:B2)"},          # one formula typed over
    {"rate_cell": "$B$3"},             # a defined name pointed elsewhere
    {"low": 70},                       # only a value
])
def test_a_book_computed_after_another_gives_what_a_fresh_model_gives(tmp_path, change):
    compute(_book(tmp_path / "first.xlsx"))
    second = _book(tmp_path / "second.xlsx", **change)
    assert compute(second).values == _fresh(second)
    assert compute(second).values != compute(tmp_path / "first.xlsx").values


def test_an_unchanged_formula_is_compiled_once(tmp_path):
    compiled._cells.clear()
    compute(_book(tmp_path / "first.xlsx"))
    kept = len(compiled._cells)
    compute(_book(tmp_path / "again.xlsx", low=5))                    # other name, other value
    assert len(compiled._cells) == kept
    compute(_book(tmp_path / "typed_over.xlsx", total="=B1+B2+B3"))
    assert len(compiled._cells) == kept + 1
