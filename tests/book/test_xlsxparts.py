"""The XML reader of formulas and names, on files Excel itself saved (calamine's test files)
and on hostile parts."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from engine.book.canonical import canonical
from engine.book.xlsxparts import BadPart, parse, read_formulas, workbook_parts

EXCEL_SAVED = sorted((Path(__file__).resolve().parents[1] / "data" / "calamine").glob("*.xlsx"))


@pytest.mark.parametrize("path", EXCEL_SAVED, ids=lambda p: p.stem)
def test_shared_formulas_saved_by_excel_expand_as_openpyxl_expands_them(path):
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read(workbook_parts(archive).sheets[next(iter(workbook_parts(archive).sheets))])
        assert b't="shared"' in sheet                     # Excel stored a fill-down as one formula
        ours = read_formulas(archive, workbook_parts(archive))
    wb = openpyxl.load_workbook(path)
    theirs = {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
              if c.data_type == "f" and isinstance(c.value, str)}
    assert len(ours) == len(theirs) > 2
    assert {k: canonical(f.text) for k, f in ours.items()} == {k: canonical(v) for k, v in theirs.items()}


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>',
    b"<x><unclosed></x>",
])
def test_hostile_or_broken_parts_are_refused(payload):
    with pytest.raises(BadPart):
        parse(payload)
