"""A scoring rule the report states for a group of indicators (质量指标, 满意度指标, 产出指标 …), not for one by name:
each row is scored by its group's rule, else by its 一级 group's, before the usual proportion."""
from __future__ import annotations

import pytest

from reading import checked, error_codes

RULES = ("评分规则：1.数量指标按完成比例计分；2.质量指标每低于指标值1个百分点扣0.5分，扣完为止；"
         "3.满意度指标达到90%（含）以上的得满分，80%（含）至90%的得该项分值的80%，80%以下不得分。\n")
FORM = ("某县2023年度学前教育资助项目支出绩效自评报告\n\n{rules}\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 资助幼儿人次 | ≥5000人次 | 5120人次 | 20 | 20 |\n"
        "| | 质量指标 | 资助对象认定准确率 | ≥98% | 96% | 10 | {quality} |\n"
        "| 满意度指标 | 服务对象满意度指标 | 受助幼儿家长满意度 | ≥90% | 88.6% | 10 | {satisfied} |\n")


def report(quality: str, satisfied: str, rules: str = RULES) -> str:
    return FORM.format(rules=rules, quality=quality, satisfied=satisfied)


def test_each_row_by_its_groups_rule(tmp_path):
    """96% for 98%: two points short, 0.5 each, 9 of 10; 88.6% in the 80–90% band: 80% of 10."""
    assert checked(tmp_path, report("9", "8")).findings == []


@pytest.mark.parametrize("quality, satisfied", [("10", "8"), ("9", "10")])
def test_full_marks_the_groups_rule_does_not_give_are_an_error(tmp_path, quality, satisfied):
    found = checked(tmp_path, report(quality, satisfied)).findings
    assert [(f.severity, f.code) for f in found] == [("error", "SCORE_MISMATCH")]
    assert "该类指标评分规则" in found[0].message


def test_the_one_level_groups_rule_for_its_parts(tmp_path):
    """"产出指标按完成率分档计分": a 数量 row at 93.40% of its target scores 90% of its 8 points."""
    text = ("某县2023年度交通运输局部门整体支出绩效自评报告\n\n一、评分说明\n产出指标按完成率分档计分，完成率95%（含）以上得满分，"
            "90%（含）至95%得分值的90%，90%以下按完成率乘以分值计分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 通组硬化路管护里程 | 500公里 | 467公里 | 8 | {score} |\n")
    assert checked(tmp_path, text.format(score="7.2")).findings == []
    assert error_codes(checked(tmp_path, text.format(score="8"))) == ["SCORE_MISMATCH"]


def test_a_groups_results_are_no_rule_of_it(tmp_path):
    """"2.产出指标：…自评得10分；…": the group's results, listed, not its rule — 2760 of 3000 scored 4.8 of 5 is off
    the proportion (4.6) as before."""
    text = ("某县2023年度项目支出绩效自评报告\n\n本项目满意度指标10分，定量指标未完成的按完成比例计分。\n"
            "1.预算执行率：执行率94.96%，该项分值10分，自评得9.50分。\n"
            "2.产出指标：防控面积，指标值为不少于12万亩，实际完成12.6万亩，该项分值10分，自评得10分；培训种植户人次，"
            "指标值为不少于3000人次，实际培训2760人次，该项分值5分，自评得4.8分。\n")
    found = checked(tmp_path, text).findings
    assert [(f.code, "4.60" in f.message) for f in found if f.code == "SCORE_MISMATCH"] == [("SCORE_MISMATCH", True)]
