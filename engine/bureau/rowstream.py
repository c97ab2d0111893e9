"""Rows of a long summary sheet written as SpreadsheetML directly, then spliced into the sheet
part openpyxl writes around them (columns, panes, filters, page set-up).

openpyxl makes a cell object and an lxml element for every cell; for 明细 and 问题清单
(some 25 rows and 200 cells a file) that was most of the batch parent's time, which the
workers' time on two cores could not hide.  Here a row is one string.  Rows go to a
temporary file as they come, so memory does not grow with the batch.

Text is written as inline strings in UTF-8 (never a formula, whatever it starts with);
characters XML cannot hold (control characters) are dropped, as a spreadsheet would show
nothing for them anyway.
"""
from __future__ import annotations

import functools
import math
import re
import shutil
import tempfile
import zipfile
from html import escape
from typing import IO, Mapping, Sequence

from ..book.layout import column_letter
from ..book.xlsxparts import workbook_parts

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHEET_DATA_END = b"</sheetData>"
ROW_MARK = "\x00"   # where a rendered row's number goes: no text written holds it (xml_safe drops it)


def xml_safe(text: str) -> str:
    """`text` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


def cell_xml(ref: str, value: object, style: int) -> str:
    return f'<c r="{ref}"{_style(style)}{_content(value)}'


def _style(style: int) -> str:
    return f' s="{style}"' if style else ""


def _content(value: object) -> str:
    """A cell's value after its reference and style, to the end of the cell."""
    kind = type(value)
    if kind is str:
        return _text(value)
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)) and math.isfinite(value):
        return f"><v>{value!r}</v></c>"
    return _text(str(value))


@functools.lru_cache(maxsize=1 << 12)   # names of files, departments and items recur row after row
def _text(text: str) -> str:
    text = xml_safe(text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{escape(text, quote=False)}</t></is></c>'


class RowStream:
    """The rows of one sheet after its header row: `append` each, `splice` them in at the end."""

    def __init__(self, styles: Sequence[int], first_row: int = 2):
        self.openings = [f'<c r="{column_letter(n)}{ROW_MARK}"{_style(style)}' for n, style in enumerate(styles, 1)]
        self.next_row = first_row
        self.file: IO[bytes] = tempfile.TemporaryFile()

    @property
    def last_row(self) -> int:
        return self.next_row - 1

    def render(self, values: Sequence[object]) -> str:
        """A row's cells, its number left open (ROW_MARK): rows kept to be sorted are rendered
        as they come and numbered when written."""
        return "".join(opening + _content(value) for opening, value in zip(self.openings, values) if value is not None)

    def append(self, values: Sequence[object]) -> None:
        self.write(self.render(values))

    def write(self, rendered: str) -> None:
        r = str(self.next_row)
        self.file.write(f'<row r="{r}">{rendered.replace(ROW_MARK, r)}</row>'.encode("utf-8"))
        self.next_row += 1

    def close(self) -> None:
        self.file.close()


def splice(source: IO[bytes], destination: IO[bytes], streams: Mapping[str, RowStream]) -> None:
    """Copy the workbook `source` to `destination`, each sheet named in `streams` with that
    stream's rows at the end of its sheetData."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED,
                                                                    compresslevel=1) as zout:
        sheets = workbook_parts(zin).sheets
        streams = {sheets[name]: stream for name, stream in streams.items()}
        for info in zin.infolist():
            data = zin.read(info.filename)
            stream = streams.get(info.filename)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            if stream is None:
                zout.writestr(copy, data)
                continue
            head, end, tail = data.partition(SHEET_DATA_END)
            if not end or SHEET_DATA_END in tail:
                raise ValueError(f"{info.filename}: not one sheetData to add rows to")
            with zout.open(copy, "w") as part:
                part.write(head)
                stream.file.seek(0)
                shutil.copyfileobj(stream.file, part)
                part.write(end + tail)
