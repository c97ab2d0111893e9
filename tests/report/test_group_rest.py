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


PROSE = """某县林草局2023年度天然林保护项目支出绩效自评报告
一、绩效目标完成情况
（一）产出指标。全年管护天然林186.40万亩，完成186.40万亩的目标；护林员巡护日志抽查完整率91.5%，低于95%的目标。
（二）效益指标。森林火灾受害率0.12‰，低于0.9‰的控制目标；森林覆盖率38.72%，高于38.5%的目标。
二、自评得分情况
按规定的分值结构，预算执行率10分、产出指标20分（共2项，每项10分）、效益指标20分（共2项，每项10分）。
1.产出指标得19.63分。其中巡护日志完整率完成率96.32%，得9.63分；其余1项指标均得满分。
2.效益指标得{benefit}分。
"""


def test_groups_by_the_paragraphs_their_results_lead_and_their_points_each(tmp_path):
    """Indicators read in paragraphs led by "（一）产出指标。": that group's; "产出指标20分（共2项，每项10分）" gives each
    its points, the named one its score, the other full marks; "效益指标得20分" — all its points — each in full."""
    values = indicator_values(checked(tmp_path, PROSE.format(benefit="20")))
    scores = {name: (v[2], v[3]) for name, v in values.items()}
    assert scores["护林员巡护日志抽查完整率"] == (10, 9.63) and scores["全年管护天然林"] == (10, 10)
    assert scores["森林火灾受害率"] == (10, 10) and scores["森林覆盖率"] == (10, 10)
    short = indicator_values(checked(tmp_path, PROSE.format(benefit="19")))
    assert short["森林覆盖率"][3] is None      # (a group short of its points: which one lost them is not said)
