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
    """Every formula cell of a sheet part: "B7" → its formula, shared formulas expanded."""
    from .canonical import translate
    if not _F_ELEMENT.search(data):
        return {}
    root = parse(data)
    formulas, masters = {}, {}
    for f in root.iter(_TAG_F):
        ref = f.getparent().get("r")
        if ref is None:
            continue
        text, kind = f.text or "", f.get("t")
        if kind == "shared":
            si = f.get("si")
            if text:
                masters[si] = (text, ref)
            elif si in masters:
                master, origin = masters[si]
                text = translate(master, origin, ref)
        formulas[ref] = Formula(text.removeprefix("="), kind == "array")
    return formulas


def read_formulas(archive: zipfile.ZipFile, parts: WorkbookParts) -> dict[tuple[str, str], Formula]:
    """(sheet, "B7") → formula, for every sheet of the workbook."""
    present = set(archive.namelist())
    found = {}
    for sheet, part in parts.sheets.items():
        if part in present:
            for ref, formula in sheet_formulas(archive.read(part)).items():
                found[(sheet, ref)] = formula
    return found
