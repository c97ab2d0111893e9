"""The .xlsm and the xlwings that is installed belong together (xlwings says the Python package
and the VBA module must always be the same version): the DLL the VBA loads, the pin, and the
VBA wrapper xlwings' own generator writes for our UDF module on Windows."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from oletools.olevba import VBA_Parser

from engine.book.template import build_template_file
from udfs import REGISTRY
from workbook import WORKBOOK_DIR

ROOT = Path(__file__).resolve().parents[2]
# VBA's reserved words: a UDF parameter so named breaks the whole generated module
VBA_KEYWORDS = set("""and as boolean byref byte byval call case const currency date declare dim do double each else
elseif empty end enum erase error event exit false for friend function get global goto if implements in integer is let
like long loop me mod new next not nothing null on option optional or paramarray preserve private property public
raiseevent redim resume return select set single static step stop string sub then to true type typeof until variant
wend while with withevents xor""".split())
DLL = re.compile(r'Lib\s+"xlwings(?:32|64)-([0-9][0-9.]*)\.dll"')


def dll_versions(path: Path) -> set[str]:
    """The versions in the DLL names that the workbook's xlwings VBA module declares."""
    parser = VBA_Parser(str(path))
    try:
        code = "\n".join(text for _, _, name, text in parser.extract_macros() if name.lower().startswith("xlwings"))
    finally:
        parser.close()
    return set(DLL.findall(code))


def test_the_pin_is_the_installed_xlwings():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    pins = [d for d in deps if d.startswith("xlwings")]
    assert pins == [f"xlwings=={version('xlwings')}"]


@pytest.mark.parametrize("shipped", sorted(WORKBOOK_DIR.glob("*.xlsm")), ids=lambda p: p.name)
def test_every_shipped_xlsm_loads_the_dll_of_the_installed_xlwings(shipped):
    assert dll_versions(shipped) == {version("xlwings")}


def test_a_new_xlsm_loads_the_dll_of_the_installed_xlwings(tmp_path):
    build_template_file("mof2020", tmp_path / "t.xlsm")
    assert dll_versions(tmp_path / "t.xlsm") == {version("xlwings")}


# xlwings.udfs needs pywin32 at import; its generator itself needs none of it: stubbed here
GENERATE = r"""
import io, json, sys, types
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["win32com.client"].Dispatch = None
import xlwings.udfs as xu
from udfs import REGISTRY
from udfs.xl import build_udf

module = types.ModuleType("udfs.xl")
for spec in REGISTRY:    # as udfs.xl builds them on Windows, where xw.func and xw.arg are these
    setattr(module, spec.name, build_udf(spec, xu.xlfunc, xu.xlarg))

class Workbook:
    Name = "perfscore-mof2020.xlsm"

out = io.StringIO()
xu.generate_vba_wrapper("udfs.xl", module, out, Workbook())
print(out.getvalue())
"""


def test_xlwings_own_generator_writes_a_vba_function_for_every_registry_function():
    result = subprocess.run([sys.executable, "-c", GENERATE], capture_output=True, text=True, encoding="utf-8",
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    vba = result.stdout
    declared = re.findall(r"^Function (\w+)\((.*)\)\s*$", vba, re.M)
    assert sorted(name for name, _ in declared) == sorted(spec.name for spec in REGISTRY)
    for name, args in declared:
        spec = next(s for s in REGISTRY if s.name == name)
        expected = [("ParamArray " if p.variadic else "Optional " if p.optional else "") + p.name
                    + ("()" if p.variadic else "") for p in spec.params]
        assert [a.strip() for a in args.split(",") if a.strip()] == expected, name
        assert not {p.name.lower() for p in spec.params} & VBA_KEYWORDS, name   # the module would not compile
        body = vba[vba.index(f"Function {name}("):]
        body = body[:body.index("End Function")]
        assert f'XLPy.CallUDF("udfs.xl", "{name}"' in body
    # every block the generator opened is closed: VBA's editor would refuse the module otherwise
    assert vba.count("\nFunction ") + vba.startswith("Function ") == vba.count("End Function")
    assert vba.count("#If ") == vba.count("#End If")


def test_every_sheet_has_its_own_code_name(tmp_path):
    """VBA refers to a sheet by its code name; each is a VBA identifier, none a module of the
    VBA project or a table name."""
    import openpyxl
    build_template_file("dept-common", tmp_path / "t.xlsm")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsm", keep_vba=True)
    code_names = [ws.sheet_properties.codeName for ws in wb.worksheets]
    assert all(c and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", c) for c in code_names), code_names
    assert len(set(map(str.lower, code_names))) == len(code_names)
    parser = VBA_Parser(str(tmp_path / "t.xlsm"))
    modules = {name.rsplit(".", 1)[0].lower() for _, _, name, _ in parser.extract_macros()}
    parser.close()
    documents = {"thisworkbook", "sheet1", "sheet2"}   # the workbook's and xlwings' own sheets' modules
    assert not (set(map(str.lower, code_names)) & (modules - documents))
    assert not {c.lower() for c in code_names} & {t.lower() for ws in wb.worksheets for t in ws.tables}
