"""A 评分表's 加分项 row scoring more than the report's own rules allow ("6.加分项合计不超过2分"): a score the rules do
not allow (development's 1608: 1.5 + 1 = 2.50 added, the cap 2)."""
from __future__ import annotations

from reading import checked, said


_SCORED = ("淇东县应急管理局2024年度部门整体支出绩效自评报告\n"
           "| 一级指标 | 二级指标 | 分值 | 得分 |\n"
           "| 决策 | 目标设定 | 15 | 14 |\n"
           "| 过程 | 预算执行 | 25 | 23.62 |\n"
           "| 产出 | 产出数量 | 35 | 34.50 |\n"
           "| 效益 | 社会效益 | 25 | 25 |\n"
           "| 指标得分合计 |  | 100 | 97.12 |\n"
           "| 加分项 |  |  | {bonus} |\n"
           "| 综合得分 |  |  | {total} |\n"
           "评分说明：1.定量指标达到指标值得满分；2.{cap}；3.90分（含）以上为优。\n")


def test_a_bonus_above_the_rules_cap(tmp_path):
    assert said(checked(tmp_path, _SCORED.format(bonus="2.00", total="99.12", cap="加分项合计不超过2分"))) == []
    over = checked(tmp_path, _SCORED.format(bonus="2.50", total="99.62", cap="加分项合计不超过2分"))
    assert ("SCORE_MISMATCH", "error") in said(over)


def test_no_cap_said_no_finding(tmp_path):
    assert said(checked(tmp_path, _SCORED.format(bonus="2.50", total="99.62", cap="加分项按获奖级别计分"))) == []
