"""The XML reader of formulas and names, on files Excel itself saved (calamine's test files)
and on hostile parts."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from engine.book.canonical import canonical
from engine.book.fill import save_atomic
from engine.book.template import build_template
from engine.book.xlsxparts import (BadPart, parse, parsed_formulas, read_formulas, scan_formulas, sheet_formulas,
                                   workbook_parts)
from engine.core import rulesets
from office import excel_style

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


def sheet_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {sheet: archive.read(part) for sheet, part in workbook_parts(archive).sheets.items()}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    """Every template as perfscore writes it (each rule set, both flavours), and as Excel stores it."""
    folder = tmp_path_factory.mktemp("scan")
    made = []
    for rule_set in rulesets.available():
        for flavour in ("udf", "native"):
            path = folder / f"{rule_set}-{flavour}.xlsx"
            save_atomic(build_template(rulesets.load(rule_set), flavour=flavour), path)
            made += [path, excel_style(path, folder / f"excel-{path.name}")]
    return made


def test_the_scan_reads_every_formula_the_parse_reads(written):
    """Our templates, stored as Excel stores them, and files Excel saved: the scan (the fast
    path's reader) is used and gives what the parse gives, cell for cell."""
    scanned = 0
    for path in [*written, *EXCEL_SAVED]:
        for sheet, data in sheet_parts(path).items():
            cells = scan_formulas(data)
            assert cells is not None, (path.name, sheet)
            assert cells == parsed_formulas(data), (path.name, sheet)
            scanned += len(cells)
    assert scanned > 1000


ROOT = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"{extra}><sheetData>{rows}</sheetData></worksheet>'


def part(rows: str, extra: str = "", declaration: bool = True) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' if declaration else ""
    return (head + ROOT.format(extra=extra, rows=rows)).encode()


@pytest.mark.parametrize("data", [
    part('<row r="1"><!-- <c r="A1"><f>SUM(B1)</f></c> --><c r="A2"><f>1+1</f></c></row>'),   # a comment
    part('<row r="1"><c r="A1"><f><![CDATA[1<2]]></f></c></row>'),
    part('<row r="1"><c s="1" r="A1"><f>1+1</f></c></row>'),                  # r not first
    part("<row r='1'><c r='A1'><f>1+1</f></c></row>"),                        # single quotes
    part('<row r="1"><x:c r="A1"><x:f>1+1</x:f></x:c></row>',
         ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),   # main bound to a prefix
    part('<row r="1"><c r="A1" xmlns="urn:other"><f>1+1</f></c></row>'),     # another default namespace
    part('<row r="1"><c r="A1"><f>&#1;</f></c></row>'.replace("&#1;", "&#x41;+&#0;")),
    part('<row r="1"><c r="A1"><v>2</v><f>1+1</f></c></row>'),               # f after v
    part('<row r="1"><c r="A1"/><f>1+1</f></row>'),                          # f outside its cell
    part('<row r="1"><c r="A1"><f>1+1</f></c></row><?pi <c r="B1"><f>2</f></c>?>'),
])
def test_a_part_the_scan_does_not_expect_is_parsed(data):
    assert scan_formulas(data) is None


def test_a_part_with_a_dtd_is_refused_even_when_its_formulas_could_be_scanned():
    data = part('<row r="1"><c r="A1"><f>1+1</f></c></row>').replace(
        b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet', 1)
    with pytest.raises(BadPart):
        sheet_formulas(data)


def test_references_and_attributes_read_as_the_parser_reads_them():
    data = part('<row r="1"><c r="A1" s="2"><f t="shared" ref="A1:A3" si="0">IF(B1&lt;&gt;&quot;&#12288;&quot;,'
                '&#x5b9a;&amp;&apos;x&apos;,1)</f><v>1</v></c><c r="A2"><f t="shared" si="0"/></c></row>',
                declaration=False)
    assert scan_formulas(data) == parsed_formulas(data) == [
        ("A1", "IF(B1<>\"\u3000\",定&'x',1)", "shared", "0"), ("A2", "", "shared", "0")]


FORMULA_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('<>&"\'　\t'),
                       min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(FORMULA_TEXT, min_size=1, max_size=4))
def test_any_formula_text_openpyxl_writes_scans_as_it_parses(tmp_path_factory, texts):
    wb = openpyxl.Workbook()
    for n, text in enumerate(texts, 1):
        wb.active.cell(n, 1).value = "=" + text
        wb.active.cell(n, 2).value = "'" + text   # a string beside it, as a sheet holds (never itself a formula)
    path = tmp_path_factory.mktemp("any") / "any.xlsx"
    wb.save(path)
    data = next(iter(sheet_parts(path).values()))
    assert scan_formulas(data) == parsed_formulas(data)
    assert [text for _, text, *_ in scan_formulas(data)] == texts
