"""A form with no 分值 column, each row's points in its name ("良种供种数量（10分）"), read as the row's 分值; and a 评分表
row whose 评分标准 opens with its target and takes points for each point short ("目标≥95%，每低1个百分点扣1分")."""
from __future__ import annotations

from reading import checked, indicator_values

HEAD = "某县农业农村局2024年度项目支出绩效自评报告\n"
FORM = """项目支出绩效自评表
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 480.00 | 630.00 | 585.89 | 10 | 93.00% | 9.30 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标（50分） | 数量指标 | 小麦统一供种面积（10分） | ≥42万亩 | 41.26万亩 | 9.82 | 个别乡镇调减小麦种植面积 |
|  |  | 良种供种数量（10分） | ≥630万公斤 | 586.4万公斤 | 9.31 | 部分乡镇改种优质强筋小麦 |
|  | 质量指标 | 供种种子质量抽检合格率（10分） | =100% | 100% | 10 |  |
|  | 时效指标 | 良种播种前入户率（10分） | ≥95% | 98.7% | 10 |  |
|  | 成本指标 | 每亩统一供种补助（10分） | ≤15元/亩 | 14.2元/亩 | 10 |  |
| 效益指标（30分） | 经济效益指标 | 项目区小麦亩均增产（10分） | ≥20公斤 | 23.5公斤 | 10 |  |
|  | 社会效益指标 | 小麦良种覆盖率（10分） | ≥98% | 98.6% | 10 |  |
|  | 可持续影响指标 | 良种繁育推广体系（10分） | 健全 | 基本健全 | 8 | 乡镇种子服务力量不足 |
| 满意度指标（10分） | 服务对象满意度指标 | 种植户满意度（10分） | ≥90% | 93.8% | 10 |  |
| 总分 |  |  |  |  | {total} |  |
"""


def test_the_points_in_each_rows_name_are_its_weight(tmp_path):
    result = checked(tmp_path, HEAD + FORM.format(total="96.43"))
    assert indicator_values(result)["良种供种数量"] == (630, 586.4, 10, 9.31)
    assert [values[2] for name, values in indicator_values(result).items() if name != "预算执行率"] == [10] * 9
    assert result.findings == []


def test_a_total_off_the_rows_scored_in_their_names(tmp_path):
    found = checked(tmp_path, HEAD + FORM.format(total="96.34")).findings
    assert [f.code for f in found] == ["TOTAL_MISMATCH"] and "96.43" in found[0].message


SCORED = """部门整体支出绩效评分表
一级指标  二级指标  三级指标           分值  评分标准                  完成情况                      得分
效益      社会效益  城市管理案件结案率  6    目标≥95%，每低1个百分点扣1分。  受理1,250件，结案率{rate}。    {score}
"""


def test_a_rows_deduction_per_point_short_of_its_target(tmp_path):
    found = checked(tmp_path, HEAD + SCORED.format(rate="92.0%", score="4.5")).findings
    assert [f.code for f in found] == ["SCORE_MISMATCH"] and "应得 3 分" in found[0].message


def test_a_row_scored_by_its_deduction(tmp_path):
    assert checked(tmp_path, HEAD + SCORED.format(rate="92.0%", score="3")).findings == []
