"""The scores of all of a framework's 一级指标 groups said one after another right before the total, in its sentence
("预算执行率得9.62分，产出指标得38.98分，成本指标得10分，效益指标得30分，满意度指标得10分，项目自评总分98.12分"): their sum
is the total (development round 90's 1609: a group's old score left in the prose). The 成本 group of the later project
forms is a group of its own (templates/_report_cues.toml [partitions])."""
from __future__ import annotations

from reading import checked, said


_SCORED = ("溪南县农业农村局2024年食用菌产业项目绩效自评报告\n"
           "按照自评表评分，预算执行率得9.62分，产出指标得{output}分，成本指标得10分，效益指标得30分，满意度指标得10分，"
           "项目自评总分98.12分，自评等级为优。\n")


def test_the_groups_said_before_the_total_add_up_to_it(tmp_path):
    assert said(checked(tmp_path, _SCORED.format(output="38.50"))) == []          # 9.62 + 38.50 + 10 + 30 + 10 = 98.12
    slip = checked(tmp_path, _SCORED.format(output="38.98"))                     # 98.60
    assert [f.code for f in slip.findings] == ["TOTAL_MISMATCH"] and "98.60" in slip.findings[0].message


def test_a_list_short_of_a_group_is_not_added_up(tmp_path):
    # (no 满意度: not all of the groups — what the rest scored is not said, so no sum is held to the total)
    short = _SCORED.format(output="38.98").replace("满意度指标得10分，", "")
    assert said(checked(tmp_path, short)) == []


def test_a_departments_four_groups_said_of_once(tmp_path):
    # (read as a list of scores before the total already: one finding, not a second from the groups' reading)
    text = ("溪南县文化馆2024年度部门整体支出绩效自评报告\n经评价，决策指标得14.5分，过程指标得24.5分，产出指标得34.9分，"
            "效益指标得25分，综合得分99.90分，等级为优。\n")
    slip = checked(tmp_path, text)      # 14.5 + 24.5 + 34.9 + 25 = 98.90
    assert [f.code for f in slip.findings] == ["TOTAL_MISMATCH"] and "98.90" in slip.findings[0].message
