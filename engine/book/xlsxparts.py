"""The parts of an .xlsx that say what a workbook computes, read from its XML: the sheets
and their parts, the workbook-level defined names, and every formula cell — shared
formulas expanded, array formulas marked.  One reader for the fast path, the integrity
check and write-back, whichever program saved the file (attribute order, namespace
prefixes, extra attributes and entities do not matter to an XML parser).

Submitted files are hostile: a part with a DTD is refused (OOXML never has one, and a DTD
is how entity bombs and external entities arrive), and the parser neither resolves
entities nor touches the network.
"""
from __future__ import annotations

import functools
import posixpath
import re
import zipfile
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from lxml import etree

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          collect_ids=False)
# an <f> element, with or without a namespace prefix (<f>, <f t="shared" …/>, <x:f>); <formula1>
# of a data validation and <fill> are not one.  A part without any needs no parsing.
_F_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_TAG_C, _TAG_F = f"{{{NS_MAIN}}}c", f"{{{NS_MAIN}}}f"


class BadPart(ValueError):
    """A part that is not well-formed XML, or carries a DTD."""


def parse(data: bytes) -> etree._Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise BadPart("XML 部件含 DTD/实体声明，拒绝读取 / DTD in a workbook part")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise BadPart(f"XML 部件格式错误 / malformed XML: {exc}") from None


@dataclass(frozen=True)
class Formula:
    text: str            # without the leading "="
    array: bool = False  # an array (CSE) formula


@dataclass(frozen=True, eq=False)
class WorkbookParts:
    """Shared by every file with the same workbook part: not to be changed (and hashed by identity)."""
    sheets: Mapping[str, str]    # sheet name → zip path of its part, in workbook order
    names: Mapping[str, str]     # workbook-level defined name → target text


def workbook_parts(archive: zipfile.ZipFile) -> WorkbookParts:
    return _workbook_parts(archive.read("xl/workbook.xml"), archive.read("xl/_rels/workbook.xml.rels"))


@functools.lru_cache(maxsize=32)   # the submissions of a template, saved by one program, carry the same two parts
def _workbook_parts(workbook_xml: bytes, rels_xml: bytes) -> WorkbookParts:
    workbook, rels = parse(workbook_xml), parse(rels_xml)
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{{{NS_PKG_REL}}}Relationship")}
    sheets = {}
    for sheet in workbook.iter(f"{{{NS_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{NS_REL}}}id"), "")
        sheets[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
    names = {}
    for defined in workbook.iter(f"{{{NS_MAIN}}}definedName"):
        if defined.get("localSheetId") is None and defined.get("name"):
            names[defined.get("name")] = defined.text or ""
    return WorkbookParts(MappingProxyType(sheets), MappingProxyType(names))


def sheet_formulas(data: bytes) -> dict[str, Formula]:
    """Every formula cell of a sheet part: "B7" → its formula, shared formulas expanded.

    A part as Excel, LibreOffice and openpyxl write it is scanned (scan_formulas: a tenth of
    the parse); anything the scan does not expect is parsed."""
    if not _F_ELEMENT.search(data):
        return {}
    cells = scan_formulas(data)
    return _expanded(parsed_formulas(data) if cells is None else cells)


Cells = list[tuple[str | None, str, str | None, str | None]]   # (cell, text, t, si) in document order


def parsed_formulas(data: bytes) -> Cells:
    """The formulas of a sheet part by parsing it (BadPart if it cannot be)."""
    if not _F_ELEMENT.search(data):
        return []
    return [(f.getparent().get("r"), f.text or "", f.get("t"), f.get("si")) for f in parse(data).iter(_TAG_F)]


def _expanded(cells: Cells) -> dict[str, Formula]:
    """(cell, text, kind, shared index) in document order → "B7" → formula."""
    from .canonical import translate
    formulas, masters = {}, {}
    for ref, text, kind, si in cells:
        if ref is None:
            continue
        if kind == "shared":
            if text:
                masters[si] = (text, ref)
            elif si in masters:
                master, origin = masters[si]
                text = translate(master, origin, ref)
        formulas[ref] = Formula(text.removeprefix("="), kind == "array")
    return formulas


# The scan: <f> elements of the main namespace, each the first child of a <c r="…"> (r first,
# as every program writes it, and no "/" in its attributes).  It reads a part only when the
# parse would read the same: one default namespace (the main one, declared on the root, so
# that no prefix can be bound to it), no comment, CDATA, processing instruction or DTD,
# attributes in double quotes, only XML's own entities in a formula, and every <f …> tag of
# the part read.  Otherwise it answers None and the part is parsed.
_SCAN_F = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>/]*>\s*<f(\s[^>]*?)?(?:/>|>([^<]*)</f>)')
_ATTRIBUTES = re.compile(rb'(?:\s+[A-Za-z][\w.:-]*="[^"<&]*")*\s*')
_ATTRIBUTE = re.compile(rb'([A-Za-z][\w.:-]*)="([^"]*)"')
_PLAIN_F = re.compile(rb"<f[\s/>]")
_ENTITY = re.compile(rb"&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));")
_NAMED = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"', b"apos": "'"}
_NAMESPACES = re.compile(rb"""xmlns(:[A-Za-z_][\w.-]*)?\s*=\s*["']([^"']*)["']""")
_MAIN = NS_MAIN.encode()
_MARKUP_DECLARATION = re.compile(rb"<[!?]")


def scan_formulas(data: bytes) -> Cells | None:
    """As parsed_formulas, by scanning; None when the part must be parsed."""
    if not _plain_part(data):
        return None
    cells = []
    try:
        for ref, attributes, text in _SCAN_F.findall(data):
            own = {}
            if attributes:
                if not _ATTRIBUTES.fullmatch(attributes):
                    return None
                own = dict(_ATTRIBUTE.findall(attributes))
            text = _text(text)
            if text is None:
                return None
            cells.append((ref.decode("ascii"), text,
                          own[b"t"].decode() if b"t" in own else None, own[b"si"].decode() if b"si" in own else None))
    except UnicodeDecodeError:
        return None
    return cells if len(cells) == len(_PLAIN_F.findall(data)) else None


def _plain_part(data: bytes) -> bool:
    """No comment, CDATA, DTD or processing instruction after the XML declaration, and the main
    namespace the one default namespace, declared on the root and bound to no prefix."""
    start = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
    if _MARKUP_DECLARATION.search(data, start):
        return False
    root_end = data.find(b">", data.find(b"<", start))
    declarations = _NAMESPACES.finditer(data)
    first = next(declarations, None)
    if first is None or first[1] is not None or first[2] != _MAIN or first.start() > root_end:
        return False
    return all(d[1] is not None and d[2] != _MAIN for d in declarations)


@functools.lru_cache(maxsize=1 << 13)   # a template's formulas are the same bytes in every submission
def _text(raw: bytes) -> str | None:
    """A formula's text, XML's references replaced; None for any other entity, a reference to no
    character XML allows, or bad UTF-8."""
    try:
        if b"&" in raw:
            if raw.count(b"&") != len(_ENTITY.findall(raw)):
                return None
            raw = _ENTITY.sub(_character, raw)
        return raw.decode("utf-8")
    except ValueError:
        return None


def _character(reference: re.Match) -> bytes:
    named, decimal, hexadecimal = reference.groups()
    if named:
        return _NAMED[named].encode()
    code = int(decimal, 10) if decimal else int(hexadecimal, 16)
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF):
        raise ValueError(code)
    return chr(code).encode()


def read_formulas(archive: zipfile.ZipFile, parts: WorkbookParts) -> dict[tuple[str, str], Formula]:
    """(sheet, "B7") → formula, for every sheet of the workbook."""
    present = set(archive.namelist())
    found = {}
    for sheet, part in parts.sheets.items():
        if part in present:
            for ref, formula in sheet_formulas(archive.read(part)).items():
                found[(sheet, ref)] = formula
    return found
