"""Each scoring method is declared once (engine.core.methods.METHODS): a method added to the
table alone is checked by the rule-set loader, scored by evaluate() and written into the
template's formulas, which the headless engine computes to the same score."""
from __future__ import annotations

import shutil

import openpyxl
import pytest

from engine import evaluate, recalc
from engine.book.fill import fill, save_atomic
from engine.book.names import name_map
from engine.book.template import build_template
from engine.core import arithmetic, methods, rulesets
from engine.core.rulesets import RuleSetError
from udfs import FUNCTIONS


def _bonus_score(part, ctx):
    """Full points when the flag is 是, half of them when it is 否."""
    return part.points if ctx.sub.value(part.get("flag")) else part.points * part.get("share")


def _bonus_formula(part, w):
    points = w.param("points")
    answer = w.call("CHECK_SCORE", w.value(part.get("flag")), "1")
    return f"IF({answer}=1,{points},{points}*{w.param('share')})"


BONUS = methods.Method("bonus", {"flag": methods.ParamSpec("input:check"),
                                 "share": methods.ParamSpec("number", 0.5, "“否”时得分比例"),
                                 "points": methods.ParamSpec("number", methods.WEIGHT, "满分")},
                       None, _bonus_score, _bonus_formula)

RULE_SET = """
id = "with-bonus"
title = "含新计分方法的评分框架（测试用）"
version = "0.1"

[inputs]
innovated = { label = "有创新做法", kind = "check", sheet = "评分表" }

[[rows]]
id = "execution"
level1 = "预算执行"
level2 = "执行"
level3 = "预算执行率"
weight = 60
standard = "执行率×60"
parts = [{ method = "ratio", rate = "exec_rate" }]

[[rows]]
id = "innovation"
level1 = "管理"
level2 = "创新"
level3 = "创新做法"
weight = 40
standard = "有创新做法40分，否则20分"
parts = [{ method = "bonus", flag = "innovated" }]
"""


@pytest.fixture
def bonus_rule_set(tmp_path, monkeypatch):
    """The method in the table and a framework using it among the shipped ones (a copy of templates/)."""
    monkeypatch.setitem(methods.METHODS, "bonus", BONUS)
    shipped = tmp_path / "templates"
    shutil.copytree(rulesets.TEMPLATES_DIR, shipped, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (shipped / "with-bonus.toml").write_text(RULE_SET, encoding="utf-8")
    monkeypatch.setattr(rulesets, "TEMPLATES_DIR", shipped)
    rulesets._load.cache_clear()
    yield "with-bonus"
    rulesets._load.cache_clear()


def test_a_new_method_is_one_table_entry(bonus_rule_set, tmp_path):
    rs = rulesets.load(bonus_rule_set)
    assert rs.row("innovation").parts[0].params == {"flag": "innovated", "share": 0.5, "points": 40.0}
    data = {"rule_set": bonus_rule_set, "inputs": {"budget_total": 100, "spend_total": 90, "innovated": "否"}}
    ev = evaluate(data)
    assert {i["id"]: i["score"] for i in ev.items} == {"execution": 54, "innovation": 20}   # 60 × 90%; 40 × 0.5
    template = tmp_path / "template.xlsx"
    save_atomic(build_template(rs), template)
    wb = openpyxl.load_workbook(template)
    names = name_map(wb)
    score = names["score_innovation"]
    assert "CHECK_SCORE(innovated,1)" in wb[score.sheet][score.ref].value
    share = names["p_innovation_share"]
    assert wb[share.sheet][share.ref].value == 0.5                      # a parameter on 评分规则
    fill(template, data, tmp_path / "filled.xlsx")
    full = recalc(tmp_path / "filled.xlsx", fast=False)                  # the workbook's own formulas
    assert full.to_dict()["items"] == ev.to_dict()["items"] and full.total == 74


def test_the_loader_checks_a_new_method_by_its_table_entry(bonus_rule_set, tmp_path):
    broken = tmp_path / "broken.toml"   # loaded by path
    broken.write_text(RULE_SET.replace('flag = "innovated"', 'flag = "innovated", colour = "red"'), encoding="utf-8")
    with pytest.raises(RuleSetError, match="colour"):
        rulesets.load(str(broken))
    wrong_kind = tmp_path / "wrong.toml"
    wrong_kind.write_text(RULE_SET.replace('flag = "innovated"', 'flag = "budget_total"'), encoding="utf-8")
    with pytest.raises(RuleSetError, match="budget_total"):
        rulesets.load(str(wrong_kind))


def test_a_default_lives_in_the_arithmetic_function(tmp_path):
    """quarter_points / average_points / cap: omitted in a rule set, left out of an Excel call,
    they are the arithmetic function's own defaults."""
    part = rulesets.load("dept-common").row("budget_execution").parts[0]
    assert (part.get("quarter_points"), part.get("average_points")) == (
        methods.default_of(arithmetic.quarter_score, "quarter_points"),
        methods.default_of(arithmetic.quarter_score, "average_points"))
    assert part.points == 4 * part.get("quarter_points") + part.get("average_points") == 6
    assert FUNCTIONS["QUARTER_SCORE"](100, 25, 50, 75, 100) == arithmetic.quarter_score(100, 25, 50, 75, 100) == 6
