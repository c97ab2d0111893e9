"""Other programs' saves, for the tests: LibreOffice for real (installed by `make test`), and
an Excel-style re-storer that writes a workbook the way Excel stores it."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>{mode}</value></prop></item>
</oor:items>
"""


def soffice(workdir: Path, *args: str, recalc: bool = False, timeout: int = 300,
            profile_name: str = "lo-profile") -> subprocess.CompletedProcess:
    """soffice --headless with a profile of its own; `recalc`: recalculate on load (OOXMLRecalcMode 0)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    assert binary, "LibreOffice is missing: make test installs it (apt-get install libreoffice-calc-nogui)"
    profile = workdir / (f"{profile_name}-recalc" if recalc else profile_name)
    settings = profile / "user" / "registrymodifications.xcu"
    if not settings.exists():   # once: LibreOffice keeps its own state there too (a profile rewritten
        settings.parent.mkdir(parents=True, exist_ok=True)     # each time starts as new each time)
        settings.write_text(PROFILE.format(mode=0 if recalc else 1), encoding="utf-8")
    return subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
                          capture_output=True, text=True, timeout=timeout)


def libreoffice_resave(files: list[Path], out: Path) -> list[Path]:
    """Open each workbook in LibreOffice Calc and save it again as .xlsx (one soffice run)."""
    out.mkdir(parents=True, exist_ok=True)
    result = soffice(out.parent, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                     *map(str, files))
    saved = [out / f"{Path(f).stem}.xlsx" for f in files]
    assert result.returncode == 0 and all(p.exists() for p in saved), result.stdout + result.stderr
    return saved


# a Basic macro in the profile's own library (trusted, as "My Macros" are): the edit is made by
# LibreOffice itself, in the document it opened, then stored as .xlsx
EDIT_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub EditCell(src As String, dst As String, sheetName As String, cellName As String, v As Double)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  doc.Sheets.getByName(sheetName).getCellRangeByName(cellName).setValue(v)
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
</script:module>
"""


def libreoffice_edit(source: Path, target: Path, sheet: str, cell: str, value: float) -> Path:
    """`source` opened in LibreOffice Calc, the number `value` typed into sheet!cell, saved as `target`."""
    workdir = target.parent
    module = workdir / "lo-profile-macro" / "user" / "basic" / "Standard" / "Module1.xba"
    for _ in range(3):   # a new profile's first starts write (and rewrite) its own Standard library
        if "EditCell" not in (module.read_text(encoding="utf-8") if module.exists() else ""):
            module.parent.mkdir(parents=True, exist_ok=True)
            module.write_text(EDIT_MACRO, encoding="utf-8")
        result = soffice(workdir, f'macro:///Standard.Module1.EditCell("{source}","{target}","{sheet}","{cell}",{value})',
                         profile_name="lo-profile-macro")
        if target.exists():
            return target
    raise AssertionError(f"LibreOffice did not save {target.name}: {result.stdout}{result.stderr}")


# ------------------------------------------------------------------ Excel-style
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OUR_FUNCTIONS = re.compile(r"\b(PERF_[A-Z]+|EXEC_RATE|ADJUST_RATE|CONTROL_RATE|COMPLETION_RATE|RATIO_SCORE|TIER_SCORE|"
                           r"DEDUCT_SCORE|EXCESS_DEDUCT|QUARTER_SCORE|CHECK_SCORE)\(")
QUOTED = re.compile(r"'([\w\u4e00-\u9fff]+)'!")


def excel_text(formula: str) -> str:
    """A formula as Excel writes it: add-in functions with _xludf., no quotes it does not need."""
    return QUOTED.sub(r"\1!", OUR_FUNCTIONS.sub(lambda m: f"_xludf.{m[1]}(", formula))


def _share_runs(root) -> None:
    """Copied-down runs of a column become one shared formula, as Excel stores a fill-down."""
    from openpyxl.formula.translate import Translator
    cells = {c.get("r"): c for c in root.iter(f"{{{NS}}}c") if c.find(f"{{{NS}}}f") is not None}
    by_column: dict[str, list[tuple[int, str]]] = {}
    for ref in cells:
        column, row = re.match(r"([A-Z]+)(\d+)", ref).groups()
        by_column.setdefault(column, []).append((int(row), ref))
    si = 0
    for column, refs in by_column.items():
        refs.sort()
        n = 0
        while n < len(refs):
            master_row, master = refs[n]
            text = cells[master].find(f"{{{NS}}}f").text
            run = [master]
            for row, ref in refs[n + 1:]:
                expected = Translator("=" + text, origin=master).translate_formula(ref)[1:]
                if row != master_row + len(run) or cells[ref].find(f"{{{NS}}}f").text != expected:
                    break
                run.append(ref)
            if len(run) > 1:
                head = cells[master].find(f"{{{NS}}}f")
                head.set("t", "shared")
                head.set("ref", f"{master}:{run[-1]}")
                head.set("si", str(si))
                for ref in run[1:]:
                    f = cells[ref].find(f"{{{NS}}}f")
                    f.text = None
                    f.set("t", "shared")
                    f.set("si", str(si))
                si += 1
            n += len(run)


def _inline_strings(root, shared: list[str]) -> None:
    """Shared-string cells as inline strings (what other writers, and Excel for some cells, do)."""
    for c in root.iter(f"{{{NS}}}c"):
        v = c.find(f"{{{NS}}}v")
        if c.get("t") == "s" and v is not None:
            c.remove(v)
            c.set("t", "inlineStr")
            text = etree.SubElement(etree.SubElement(c, f"{{{NS}}}is"), f"{{{NS}}}t")
            text.text = shared[int(v.text)]


def excel_style(source: Path, target: Path, inline_strings: bool = False) -> Path:
    """`source` stored the way Excel stores it: shared formulas for fill-down runs, unquoted sheet
    names, _xludf. prefixes, formula attributes it adds, and a calcChain part; with
    `inline_strings`, text in the cells themselves instead of the shared-string table."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        shared = []
        if "xl/sharedStrings.xml" in src.namelist():
            shared = ["".join(si.itertext()) for si in etree.fromstring(src.read("xl/sharedStrings.xml"))]
        chain = []
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet") and info.filename.endswith(".xml"):
                root = etree.fromstring(data)
                sheet_id = int(re.search(r"sheet(\d+)\.xml", info.filename)[1])
                for f in root.iter(f"{{{NS}}}f"):
                    f.text = excel_text(f.text or "")
                    f.set("aca", "false")
                    chain.append((f.getparent().get("r"), sheet_id))
                _share_runs(root)
                if inline_strings:
                    _inline_strings(root, shared)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "xl/workbook.xml":
                root = etree.fromstring(data)
                for defined in root.iter(f"{{{NS}}}definedName"):
                    defined.text = QUOTED.sub(r"\1!", defined.text or "")
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdChain" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>'
                                    b"</Relationships>")
            dst.writestr(info, data)
        dst.writestr("xl/calcChain.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="{NS}">'
                     + "".join(f'<c r="{r}" i="{i}"/>' for r, i in chain) + "</calcChain>")
    return target


def libreoffice_text(formula: str) -> str:
    """A formula as LibreOffice 7.4 writes it back (SPEC 7.5): our function names lower-cased,
    TRUE()/FALSE() for TRUE/FALSE, sheet quotes dropped, numbers respelled."""
    from openpyxl.formula.tokenizer import Token, Tokenizer
    out = []
    for token in Tokenizer(formula if formula.startswith("=") else "=" + formula).items:
        value = token.value
        if token.type == Token.FUNC and token.subtype == Token.OPEN and OUR_FUNCTIONS.match(value):
            value = value.lower()
        elif token.type == Token.OPERAND and token.subtype == Token.LOGICAL:
            value = value.upper() + "()"
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            value = QUOTED.sub(r"\1!", value)
        elif token.type == Token.OPERAND and token.subtype == Token.NUMBER:
            value = value + ("0" if "." in value else ".0")
        out.append(value)
    return "=" + "".join(out)


def writer_pdf(files: list[Path], out: Path) -> list[Path]:
    """Word documents rendered to PDF by LibreOffice Writer (a soffice run for each hundred: one run given some 250
    long paths stopped after 232 of them and said nothing), as a user prints them."""
    out.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(files), _PER_RUN):
        batch = files[start:start + _PER_RUN]
        result = soffice(out.parent, "--convert-to", "pdf", "--outdir", str(out), *map(str, batch))
        made = [out / f"{Path(f).stem}.pdf" for f in batch]
        assert result.returncode == 0 and all(p.exists() for p in made), result.stdout + result.stderr
    return [out / f"{Path(f).stem}.pdf" for f in files]


_PER_RUN = 100
