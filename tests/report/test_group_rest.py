"""A group's scores said by exception after a table that gives each indicator its 一级指标 and 分值."""
from __future__ import annotations

from reading import checked, indicator_values

TABLE = """某旗农牧局2023年度户厕改造奖补项目绩效自评报告
一、绩效目标
| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
| 产出指标 | 数量指标 | 改造户厕数量 | ≥1200户 | 8 |
| | 数量指标 | 整村推进嘎查村数 | 24个 | 8 |
| | 质量指标 | 改造户厕使用率 | ≥95% | 8 |
| 效益指标 | 社会效益指标 | 卫生厕所普及率 | ≥68% | 10 |
| | 可持续影响指标 | 户厕长效管护机制 | 健全 | 10 |
| 满意度指标 | 服务对象满意度指标 | 受益农牧户满意度 | ≥90% | 10 |
二、自评得分情况
自评结果：产出指标除改造户厕数量一项按完成比例得7.57分外，其余{rest}项均得满分；效益指标2项和满意度指标均达到目标值，得满分。
"""


def test_the_named_ones_take_their_scores_the_rest_their_points(tmp_path):
    """改造户厕数量 is named whole (改造户厕使用率 shares only 改造户厕 with the sentence): it takes 7.57, the other
    two 产出 indicators their points; 效益 (two, as said) and 满意度 in full."""
    values = indicator_values(checked(tmp_path, TABLE.format(rest="2")))
    scores = {name: (v[2], v[3]) for name, v in values.items()}
    assert scores == {"改造户厕数量": (8, 7.57), "整村推进嘎查村数": (8, 8), "改造户厕使用率": (8, 8),
                      "卫生厕所普及率": (10, 10), "户厕长效管护机制": (10, 10), "受益农牧户满意度": (10, 10)}


def test_nothing_is_scored_where_the_count_is_not_the_reports(tmp_path):
    """"其余5项" of a group of three: the sentence is about indicators the table does not list — no score."""
    values = indicator_values(checked(tmp_path, TABLE.format(rest="5")))
    assert {name: v[3] for name, v in values.items() if name in ("改造户厕数量", "整村推进嘎查村数")} == \
        {"改造户厕数量": None, "整村推进嘎查村数": None}
    said_three = TABLE.format(rest="2").replace("效益指标2项", "效益指标3项")
    assert indicator_values(checked(tmp_path, said_three))["卫生厕所普及率"][3] is None
