"""The fast path: a workbook whose formulas and rule parameters are exactly its template's
is scored without loading its formula graph.

Its values are read with python-calamine and its formulas straight from the sheet XML;
when the formula fingerprint equals that of a fresh build of the template and every
parameter on 评分规则 equals the rule set, the workbook computes what `evaluate()`
computes on the same inputs — the round-trip tests hold the two equal for all three rule
sets.  Anything else (edited formulas or parameters, a write-back) takes the full
`formulas` path in `headless.recalc`.
"""
from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import zipfile
from html import unescape
from pathlib import Path

from ..core import rulesets
from ..core.evaluation import Evaluation, evaluate
from ..core.indicators import INDICATOR_COLUMNS
from .layout import META, RULES_SHEET, TEMPLATE_VERSION
from .names import Cell, Locator, indicator_cell
from .readback import submission_data

INDICATOR_SHEET = indicator_cell(1, "name").sheet

# a formula cell as Excel and openpyxl write it: r first, <f> right after the tag.  A file
# written otherwise does not match the template's fingerprint and takes the full path.
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"[^>]*[^/]><f>([^<]*)</f>')
SHEETS_READ = ("基本信息", "预算数据", "绩效指标", "评分表", RULES_SHEET, META)
_REF = re.compile(r"^([A-Z]+)([0-9]+)$")


@functools.lru_cache(maxsize=4096)
def _position(ref: str) -> tuple[int, int] | None:
    """"B7" → (6, 1): zero-based row and column."""
    match = _REF.match(ref)
    if not match:
        return None
    n = 0
    for ch in match[1]:
        n = n * 26 + ord(ch) - 64
    return int(match[2]) - 1, n - 1


class FastBook:
    """A workbook read without openpyxl: sheet values, defined names, formula texts."""

    def __init__(self, path: Path):
        from python_calamine import CalamineWorkbook
        with zipfile.ZipFile(path) as archive:
            workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
            parts = _sheet_parts(workbook_xml, archive.read("xl/_rels/workbook.xml.rels").decode("utf-8"))
            present = set(archive.namelist())
            self.formulas = {name: _FORMULA_CELL.findall(archive.read(part).decode("utf-8"))
                             for name, part in parts.items() if part in present}
            self.names = _defined_names(workbook_xml)
        self.sheet_order = list(parts)
        book = CalamineWorkbook.from_path(str(path))
        self.values = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                       for name in book.sheet_names if name in SHEETS_READ}

    def value(self, cell: Cell | None) -> object:
        if cell is None:
            return None
        rows, position = self.values.get(cell.sheet), _position(cell.ref)
        if rows is None or position is None:
            return None
        return self.at(rows, *position)

    @staticmethod
    def at(rows: list, r: int, c: int) -> object:
        value = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
        return None if value == "" else value

    def fingerprint(self) -> str:
        """As template.fingerprint: every formula cell's sheet, address and text, in order."""
        digest = hashlib.sha256()
        for sheet in self.sheet_order:
            for ref, text in self.formulas.get(sheet, ()):
                digest.update(f"{sheet}!{ref}=={unescape(text)}\n".encode("utf-8"))  # text has no "="
        return digest.hexdigest()

    def meta(self) -> dict:
        return {row[0]: row[1] for row in self.values.get(META, []) if row and row[0]}


_SHEET = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_RELATIONSHIP = re.compile(r'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
                           r'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _sheet_parts(workbook_xml: str, rels_xml: str) -> dict[str, str]:
    """As writeback.sheet_parts, by regex (a writer with other attribute orders gets the
    full path through a missing sheet, never a wrong answer: the fingerprint would differ)."""
    targets = {}
    for id1, target1, target2, id2 in _RELATIONSHIP.findall(rels_xml):
        targets[id1 or id2] = target1 or target2
    parts = {}
    for name, rid in _SHEET.findall(workbook_xml):
        target = targets.get(rid, "")
        parts[unescape(name)] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
    return parts


_DEFINED_NAME = re.compile(r'<(?:\w+:)?definedName\b([^>]*)>([^<]*)</(?:\w+:)?definedName>')
_NAME_ATTR = re.compile(r'\bname="([^"]*)"')


def _defined_names(workbook_xml: str) -> dict[str, Cell]:
    """Workbook-level names of single cells (a regex: ElementTree costs more than the rest)."""
    names = {}
    for attrs, text in _DEFINED_NAME.findall(workbook_xml):
        name = _NAME_ATTR.search(attrs)
        if not name or "localSheetId" in attrs:
            continue
        text = unescape(text).replace("$", "")
        sheet, _, ref = text.rpartition("!")
        if ":" in ref or not sheet:
            continue
        names[unescape(name.group(1))] = Cell(sheet.strip("'").replace("''", "'"), ref)
    return names


def _same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 1e-12
    return a == b


def try_fast(path: str | Path) -> Evaluation | None:
    """The evaluation by the fast path, or None when the file needs the full path.

    `path` must have passed `safety.check_workbook` (headless.recalc checks it first)."""
    from .integrity import reference
    path = Path(path)
    try:
        book = FastBook(path)
    except Exception:   # anything unusual: let the full path read it and say what is wrong
        return None
    meta = book.meta()
    try:
        rule_set = rulesets.load(str(meta.get("rule_set") or ""))
    except rulesets.RuleSetError:
        return None
    if str(meta.get("template_version")) != TEMPLATE_VERSION or str(meta.get("rule_set_version")) != rule_set.version:
        return None
    ref = reference(rule_set.path)
    if book.fingerprint() != ref.fingerprint or meta.get("formula_fingerprint") != ref.fingerprint:
        return None
    if not all(_same(book.value(Cell(sheet, coordinate)), expected)
               for (sheet, coordinate), expected in ref.params.items()):
        return None
    return evaluate(read_data(book, rule_set), source=str(path), locate=Locator(book.names))


def read_data(book: FastBook, rule_set) -> dict:
    """As readback.read_submission, from calamine values."""
    sheet = book.values.get(INDICATOR_SHEET, [])
    first_row = _position(indicator_cell(1, "name").ref)[0]
    columns = {k: _position(indicator_cell(1, k).ref)[1] for k in INDICATOR_COLUMNS}
    return submission_data(rule_set, lambda name: book.value(book.names.get(name)),
                           lambda n, key: book.at(sheet, first_row + n - 1, columns[key]))
