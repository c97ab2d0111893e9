"""Write computed values into a workbook's formula cells as cached values.

openpyxl cannot write a formula and its cached value together, and `formulas` writes a
values-only copy; so the copy is made at the XML level: every part of the file is kept
byte for byte (VBA, styles, names, validation, tables) except the `<v>` of formula cells
and the workbook's calcPr, which no longer asks for a full recalculation on load.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from ..files.atomic import atomic_output
from .xlsxparts import workbook_parts

ERRORS = {"#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!"}

_CELL = re.compile(r"<(?P<p>(?:\w+:)?)c\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)c>)", re.S)
_REF = re.compile(r'\br="([A-Z]+[0-9]+)"')
_TYPE = re.compile(r'\s+t="[^"]*"')
_VALUE = re.compile(r"<(?:\w+:)?v>.*?</(?:\w+:)?v>|<(?:\w+:)?v\s*/>|<(?:\w+:)?is>.*?</(?:\w+:)?is>", re.S)
_FULL_CALC = re.compile(r'\s+fullCalcOnLoad="[^"]*"')


def _encode(value: object) -> tuple[str | None, str]:
    """(t attribute, <v> text) for a cached value."""
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        return None, repr(float(value)) if isinstance(value, float) else str(value)
    text = "" if value is None else str(value)
    if text in ERRORS:
        return "e", text
    return "str", escape(text)


def _patch_sheet(xml: str, value_of: Callable[[str], object]) -> str:
    def patch(match: re.Match) -> str:
        body = match["body"]
        if body is None or "<" + match["p"] + "f" not in body:
            return match.group(0)
        ref = _REF.search(match["attrs"])
        if not ref:
            return match.group(0)
        t, text = _encode(value_of(ref.group(1)))
        attrs = _TYPE.sub("", match["attrs"]) + (f' t="{t}"' if t else "")
        body = _VALUE.sub("", body) + f"<{match['p']}v>{text}</{match['p']}v>"
        return f"<{match['p']}c{attrs}>{body}</{match['p']}c>"

    return _CELL.sub(patch, xml)


def write_cached_values(source: str | Path, destination: str | Path,
                        value_of: Callable[[str, str], object]) -> None:
    """Copy `source` to `destination` with `value_of(sheet, "A1")` cached in every formula cell."""
    with atomic_output(destination) as tmp, zipfile.ZipFile(source) as src, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        by_part = {part: name for name, part in workbook_parts(src).sheets.items()}
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in by_part:
                sheet = by_part[info.filename]
                data = _patch_sheet(data.decode("utf-8"), lambda ref: value_of(sheet, ref)).encode("utf-8")
            elif info.filename == "xl/workbook.xml":
                data = _FULL_CALC.sub("", data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
