"""评分表 read as they arrive: levels and a 得分 column only, each name carrying its points in brackets
("科技(制度、方法)创新(5分)"), its 合计 row with no 分值; one cell a line with the rule between 分值 and
得分 and the cells of merged levels left out; and a budget said after an adjustment's aside."""
from __future__ import annotations

from reading import amounts, checked, error_codes, indicator_values

LEVELS_ONLY = """关于2024年度部门整体支出绩效自评的报告
一、自评结论
    经自评，综合得分{said}分，评价等级为“优”。

附件：部门整体支出绩效评价得分表
| 一级指标 | 二级指标 | 三级指标 | 得分 |
| 部门决策(20分) | 目标设定(10分) | 绩效目标合理性(5分) | 5 |
| | | 绩效指标明确性(5分) | 4.5 |
| | 预算配置(10分) | 在职人员控制率(5分) | 5 |
| | | 重点支出安排率(5分) | 5 |
| 部门管理(30分) | 资金管理(15分) | 预算执行率(8分) | 7.6 |
| | | 资金使用合规性(7分) | 7 |
| | 制度管理(15分) | 管理制度健全性(8分) | 8 |
| | | 资产(含公物仓)管理规范性(7分) | 6.5 |
| 部门绩效(50分) | 履职效能(35分) | 重点改革(专项工作)完成情况(20分) | 19 |
| | | 科技(制度、方法)创新(15分) | 14 |
| | 满意度(15分) | 服务对象满意度(15分) | 14.6 |
| 合计 | | | {table} |
"""


def test_names_with_brackets_inside_are_read_with_their_points(tmp_path):
    result = checked(tmp_path, LEVELS_ONLY.format(said="96.2", table="96.2"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items["重点改革(专项工作)完成情况"] == (20, 19) and items["科技(制度、方法)创新"] == (15, 14)
    assert items["资产(含公物仓)管理规范性"] == (7, 6.5)
    assert error_codes(result) == [] and result.findings == []


def test_a_total_row_under_no_points_column_is_the_tables_total(tmp_path):
    # the rows add up to 96.2, as the 自评结论 says; the 合计 row says 97.2
    result = checked(tmp_path, LEVELS_ONLY.format(said="96.2", table="97.2"))
    assert [(f.code, f.severity, f.where) for f in result.findings] == [("TOTAL_MISMATCH", "error", "第18行")]


RULE_BETWEEN = "\n".join("""2024年度部门整体支出绩效自评评分表
一级指标
二级指标
三级指标
分值
评分说明
得分
投入
（20分）
目标设定
绩效目标合理性
5
目标与三定职责相符
5


绩效指标明确性
5
2项指标未细化，扣1分
4

预算配置
在职人员控制率
5
38÷40＝95%，不超过100%得满分
5


预算编制
5
编制规范
5
过程
（30分）
预算执行
预算执行率
15
1,862.40÷1,960.00＝95.02%，得分＝执行率×分值
{execution}


资金管理
15
发现一处票据不规范，扣0.5分
14.5
产出
（30分）
职责履行
病媒生物监测点次
15
目标240点次，完成252点次
15
爱国卫生宣传场次
15
目标40场，完成36场，按完成比例计分
13.5
效果
（20分）
满意度
群众满意度
20
目标90%，实际92.5%
20
合计
100
{total}""".splitlines()) + "\n"


def test_a_rule_between_points_and_score_one_cell_a_line_with_merged_levels_left_out(tmp_path):
    result = checked(tmp_path, RULE_BETWEEN.format(execution="14.25", total="96.25"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"绩效目标合理性": (5, 5), "绩效指标明确性": (5, 4), "在职人员控制率": (5, 5), "预算编制": (5, 5),
                     "预算执行率": (15, 14.25), "资金管理": (15, 14.5), "病媒生物监测点次": (15, 15),
                     "爱国卫生宣传场次": (15, 13.5), "群众满意度": (20, 20)}
    assert error_codes(result) == []


def test_a_score_off_its_rule_in_such_a_table_is_found(tmp_path):
    # 15 × 95.02% = 14.25, written 14.52 (the total follows it)
    result = checked(tmp_path, RULE_BETWEEN.format(execution="14.52", total="96.52"))
    assert "SCORE_MISMATCH" in error_codes(result)


def test_the_budget_after_an_adjustments_aside_is_the_whole_years(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、部门预算情况\n"
            "    2024年年初预算612.40万元。年中项目支出追加305.00万元（中央农业生产发展专项资金200.00万元、"
            "省级农田建设补助105.00万元），全年预算调整为917.40万元。全年支出893.15万元，预算执行率97.36%。\n")
    read = amounts(checked(tmp_path, text))
    assert read["budget_total"] == 917.4 and read["budget_initial"] == 612.4 and read["spend_total"] == 893.15


# a form one cell a line, each cell ending "|", two cells wrapped inside their boxes (the bar on the last line only)
WRAPPED_IN_BOX = "\n".join("""项目支出绩效自评表 |
项目资金
（万元） |
全年预算数
（A） |
全年执行数
（B） |
分值 |
执行率
（B/A） |
得分 |
年度资金总额 |
4500.00 |
4312.80 |
10 |
95.84% |
9.58 |
一级指标 |
二级指标 |
三级指标 |
年度指标值 |
实际完成值 |
完成率 |
分值 |
得分 |
产出指标 |
数量指标 |
新建雨污分流管网长度 |
≥11.5公里 |
11.8公里 |
102.61% |
40 |
40 |
成本指标 |
管网改造综合单价 |
≤360万元/公
里 |
{cost}万元/公里 |
{completion} |
50 |
{score} |""".splitlines()) + "\n"


def test_a_cell_wrapped_inside_its_box_is_one_cell(tmp_path):
    result = checked(tmp_path, WRAPPED_IN_BOX.format(cost="352.60", completion="100%", score="50"))
    assert amounts(result)["budget_total"] == 4500 and amounts(result)["spend_total"] == 4312.8
    assert indicator_values(result)["管网改造综合单价"] == (360, 352.6, 50, 50)
    assert error_codes(result) == []
    # a ceiling exceeded (374.02 > 360), its own completion cell 96.25%, yet full points
    over = checked(tmp_path, WRAPPED_IN_BOX.format(cost="374.02", completion="96.25%", score="50"))
    assert "SCORE_MISMATCH" in error_codes(over)
