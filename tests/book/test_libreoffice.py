"""Interoperability: LibreOffice opens our files and shows the written-back values.

LibreOffice is installed by `make test` (the Makefile's soffice target); these tests do not
skip without it."""
from __future__ import annotations

import csv

import openpyxl
import pytest

from helpers import load_sample
from office import soffice
from engine.core import rulesets
from engine.book.recalc import recalc
from engine.book.template import build_template
from engine.book.fill import fill, save_atomic


@pytest.fixture
def written_back(tmp_path):
    template = tmp_path / "template.xlsx"
    save_atomic(build_template(rulesets.load("dept-simple")), template)
    data = {k: v for k, v in load_sample("003").items() if not k.startswith("_")}
    fill(template, data, tmp_path / "filled.xlsx")
    evaluation = recalc(tmp_path / "filled.xlsx", tmp_path / "written.xlsx")
    return tmp_path / "written.xlsx", evaluation


def test_libreoffice_shows_written_back_total_and_grade(tmp_path, written_back):
    path, evaluation = written_back
    out = tmp_path / "csv"
    result = soffice(tmp_path, "--convert-to",
                     "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                     "--outdir", str(out), str(path))
    assert result.returncode == 0, result.stderr
    sheet = out / f"{path.stem}-评分表.csv"
    rows = list(csv.reader(sheet.open(encoding="utf-8")))
    by_label = {row[2]: row for row in rows if len(row) > 6}
    assert float(by_label["合计"][5]) == evaluation.total == 99.66
    assert by_label["等级"][5] == evaluation.grade == "优"
    assert float(by_label["预算执行率"][5]) == 9.66
    assert "#NAME" not in sheet.read_text(encoding="utf-8")     # nothing was recalculated


@pytest.mark.parametrize("rule_set", ["dept-common", "mof2020"])
def test_template_opens_in_libreoffice(tmp_path, rule_set):
    template = tmp_path / f"{rule_set}.xlsx"
    save_atomic(build_template(rulesets.load(rule_set)), template)
    out = tmp_path / "out"
    result = soffice(tmp_path, "--convert-to", "ods", "--outdir", str(out), str(template))
    assert result.returncode == 0 and (out / f"{rule_set}.ods").stat().st_size > 5000, result.stderr
    assert "error" not in result.stderr.lower()
    # and back to xlsx: the sheets and names survive a LibreOffice round trip
    back = soffice(tmp_path, "--convert-to", "xlsx", "--outdir", str(tmp_path / "back"), str(out / f"{rule_set}.ods"))
    assert back.returncode == 0, back.stderr
    wb = openpyxl.load_workbook(tmp_path / "back" / f"{rule_set}.xlsx")
    assert {"评分表", "绩效指标", "评分规则"} <= set(wb.sheetnames)
    assert "total" in wb.defined_names
