"""The native sheet's 提示 is as clear as recalc: every bad input of a score named (not only the
first), an amount typed in 元 called by its unit, a 提示 beside every computed rate; and a blank
部门名称 is a MISSING_INPUT finding.  LibreOffice's own recalculation shows the 提示."""
from __future__ import annotations

import openpyxl

from engine import recalc
from engine.book.fill import fill
from engine.book.names import name_map, rate_name
from helpers import build_templates, codes, load_sample, type_into
from office import soffice


def test_the_hints_name_every_bad_input_and_the_unit_of_an_amount_in_yuan(tmp_path):
    template = build_templates(tmp_path / "t", "native")["dept-common"]
    filled = tmp_path / "filled.xlsx"
    fill(template, {k: v for k, v in load_sample("004").items() if not k.startswith("_")}, filled)
    wb = openpyxl.load_workbook(filled)
    type_into(wb, {"budget_total": "9,517,600元", "spend_q1": None, "spend_q3": "很多", "dept_name": None,
                   "spend_total": None})
    wb.save(tmp_path / "typed.xlsx")
    result = soffice(tmp_path, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"),
                     str(tmp_path / "typed.xlsx"), recalc=True)
    assert result.returncode == 0, result.stderr
    shown = openpyxl.load_workbook(tmp_path / "lo" / "typed.xlsx", data_only=True)
    names = name_map(openpyxl.load_workbook(tmp_path / "typed.xlsx"))

    score = names["score_budget_execution"]
    hint = shown[score.sheet][f"H{score.ref[1:]}"].value
    assert "全年预算数的单位应为万元（不能按元填写）" in hint                 # the unit named
    assert "缺少输入：一季度" in hint and "三季度" in hint and "填写有误" in hint   # every bad input, not the first

    rate = names[rate_name("exec_rate")]
    rate_hint = shown[rate.sheet][f"D{rate.ref[1:]}"].value
    assert "全年预算数的单位应为万元" in rate_hint and "缺少输入：全年执行数" in rate_hint
    fine = names[rate_name("adjust_rate")]
    assert shown[fine.sheet][f"D{fine.ref[1:]}"].value in (None, "")        # nothing to say where all is well

    evaluation = recalc(tmp_path / "typed.xlsx")                             # the engine says the same
    missing = [f for f in evaluation.findings if f.code == "MISSING_INPUT" and f.where == str(names["dept_name"])]
    assert missing and "部门（单位）名称" in missing[0].message
    budget = next(f for f in evaluation.findings if f.where == str(names["budget_total"]))
    assert "单位应为万元" in budget.message


def test_a_blank_department_name_is_missing_in_data_too(common_submission):
    from engine import evaluate
    common_submission["dept_name"] = "  "
    assert "MISSING_INPUT" in codes(evaluate(common_submission))
    common_submission["dept_name"] = "测试局"
    assert "MISSING_INPUT" not in codes(evaluate(common_submission))
