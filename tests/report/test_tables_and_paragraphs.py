"""Tables of amounts and the paragraphs beside them, as reports set them out (our own words): an indented paragraph
right under a table set in spaces is prose, not a row of it; a funds block's rows left empty ("其他资金  —  —") end it
before the indicators' header; a 其中 row right over the 合计 is a part of the row above it; rates said in the opening
and sentences of money handed out (发放)."""
from __future__ import annotations

from reading import checked, indicator_values, said as _said


PARAGRAPH_UNDER = """某县农业农村局2024年度高标准农田建设项目支出绩效自评报告
    （二）资金支出。全年支出1,200.00万元，预算执行率96.00%。分来源资金情况如下（单位：万元）：
    资金来源        全年预算      支出
    中央资金        1,000.00      960.00
    县级资金        250.00        240.00
    合计            1,250.00      1,200.00
    （三）支出用途。按工程类别分：土地平整工程300.00万元、灌溉与排水工程{irrigation}万元、田间道路工程{roads}万元，合计1,200.00万元。
"""


def test_an_indented_paragraph_under_a_table_set_in_spaces_is_prose(tmp_path):
    """300 + 620 + 280 = 1,200: no finding; 300 + 650 + 280 = 1,230: the list's 合计 is off — read from the paragraph."""
    assert _said(checked(tmp_path, PARAGRAPH_UNDER.format(irrigation="620.00", roads="280.00"))) == []
    assert ("SUM_MISMATCH", "error") in _said(checked(tmp_path, PARAGRAPH_UNDER.format(irrigation="650.00", roads="280.00")))


FORM = """某县农业农村局2024年度高标准农田建设项目支出绩效自评表
项目资金          年初预算数    全年预算数    全年执行数    分值    执行率    得分
（万元）
年度资金总额      600.00        4,000.00      3,800.00      10      95.00%    9.50
其中：当年财政    600.00        4,000.00      3,800.00      —       95.00%    —
拨款
上年结转资金      —             —             —             —       —         —
其他资金          —             —             —             —       —         —
一级指标  二级指标  三级指标                年度指标值       实际完成值       分值    得分
产出指标  数量指标  建成高标准农田面积      ≥2万亩           2万亩            40      40
          质量指标  工程质量验收合格率      =100%            100%             20      20
效益指标  经济效益  亩均粮食产能提升        ≥100公斤         90公斤           20      18
满意度    服务对象  受益农户满意度          ≥90%             94%              10      10
总分                                                                          100     97.50
"""


def test_the_indicators_header_under_a_funds_blocks_rows_left_empty(tmp_path):
    values = indicator_values(checked(tmp_path, FORM))
    assert values["建成高标准农田面积"] == (2, 2, 40, 40)
    assert values["亩均粮食产能提升"] == (100, 90, 20, 18)


DETAIL = """某县2024年度项目资金支出明细
| 序号 | 建设内容 | 预算数 | 实际支出 |
| 一 | 工程施工费 | 3,600.00 | 3,360.00 |
| 1 | 土地平整工程 | 1,600.00 | 1,500.00 |
| 2 | 灌溉与排水工程 | 2,000.00 | 1,860.00 |
| 二 | 项目管理费 | 400.00 | 320.00 |
| | 其中：工程监理费 | — | 100.00 |
| | 合计 | 4,000.00 | {spent} |
"""


def test_a_其中_row_right_over_the_合计_is_a_part_of_the_row_above(tmp_path):
    """3,360 + 320 = 3,680 (the budget column adds up the same way: 3,600 + 400); a 合计 of 3,780 counts the 监理费
    again."""
    assert _said(checked(tmp_path, DETAIL.format(spent="3,680.00"))) == []
    assert [code for code, _ in _said(checked(tmp_path, DETAIL.format(spent="3,780.00")))] == ["SUM_MISMATCH"]


def test_a_subsidy_handed_out_is_the_years_spending_and_its_rate_checked(tmp_path):
    text = ("某县农业农村局2024年度耕地地力保护补贴项目绩效自评报告\n"
            "（二）资金执行。2024年全年预算1,480.00万元，实际发放补贴资金1,468.59万元，资金执行率{rate}。\n")
    assert _said(checked(tmp_path, text.format(rate="99.23%"))) == []
    assert [code for code, _ in _said(checked(tmp_path, text.format(rate="98.61%")))] == ["STATED_RATE_MISMATCH"]


def test_the_departments_rate_said_in_the_opening_against_its_amounts_said_later(tmp_path):
    text = ("某县交通运输局2024年度部门整体支出绩效自评报告\n"
            "经自评，2024年度我局部门整体支出预算执行率{rate}，自评得分96分，评价等级为“优”。\n"
            "一、预算执行\n2024年全年预算7,554.60万元，全年支出7,318.27万元，全年预算执行率96.87%。\n"
            "| 项目 | 全年预算数 | 全年执行数 | 执行率 |\n| 年度资金总额 | 7,554.60 | 7,318.27 | 96.87% |\n")
    assert _said(checked(tmp_path, text.format(rate="96.87%"))) == []
    assert [code for code, _ in _said(checked(tmp_path, text.format(rate="94.96%")))] == ["STATED_RATE_MISMATCH"]


BREAKDOWNS = """某县交通运输局2024年度部门整体支出绩效自评表
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 3,286.40 | 4,223.85 | 4,078.62 | 10 | 96.56% | 9.66 |
| 按支出性质分：其中：基本支出 | 1,452.80 | 1,498.30 | 1,486.37 | — | — | — |
| 项目支出 | 1,833.60 | {projects} | 2,592.25 | — | — | — |
| 按收入性质分：其中：一般公共预算 | 2,975.00 | 3,612.45 | 3,494.88 | — | — | — |
| 政府性基金预算 | 180.00 | 480.00 | 452.34 | — | — | — |
| 上年结转 | 131.40 | 131.40 | 131.40 | — | — | — |
"""


def test_two_breakdowns_of_a_funds_block_each_against_its_total(tmp_path):
    """基本 + 项目 and 一般公共预算 + 基金 + 结转 each come to 4,223.85; 项目支出 left at 2,930.85 (before the 205.30
    taken back) makes the first 4,429.15."""
    assert _said(checked(tmp_path, BREAKDOWNS.format(projects="2,725.55"))) == []
    assert [code for code, _ in _said(checked(tmp_path, BREAKDOWNS.format(projects="2,930.85")))] == ["SUM_MISMATCH"]


SCOPE_IN_A_TABLE = """某县城市管理局2024年度部门整体支出绩效自评报告
（一）收支预算。预算调整情况见下表（单位：万元）：
项目	年初预算	调整数	全年预算	实际支出
基本支出	1,264.80	-12.40	1,252.40	1,239.78
  人员经费	1,082.50	0.00	1,082.50	1,078.36
  公用经费	182.30	-12.40	169.90	161.42
项目支出	2,136.40	486.00	2,622.40	2,398.65
合计	3,401.20	473.60	3,874.80	3,638.43
（二）执行情况。全年实际支出3,638.43万元，预算执行率93.90%。其中基本支出1,239.78万元，执行率98.99%；项目支出2,398.65万元，执行率{rate}。
"""


def test_a_scopes_rate_against_its_budget_said_only_in_the_table_with_its_parts_unmarked(tmp_path):
    """2,398.65 ÷ 2,622.40 = 91.47%; 人员经费 + 公用经费 are 基本支出's parts (no 其中 said): no sum is off."""
    assert _said(checked(tmp_path, SCOPE_IN_A_TABLE.format(rate="91.47%"))) == []
    assert _said(checked(tmp_path, SCOPE_IN_A_TABLE.format(rate="91.74%"))) == [("STATED_RATE_MISMATCH", "warning")]


def test_a_rows_tiers_led_by_the_rates_name_and_bounded_以内(tmp_path):
    text = ("某县2024年度部门整体支出绩效自评表\n"
            "| 一级指标 | 三级指标 | 分值 | 评分标准 | 年度指标值 | 实际完成值 | 得分 |\n"
            "| 过程 | 结转结余率 | 4 | 结转结余率5%（含）以内得4分，5%—10%（含）得2分，10%以上不得分 | ≤5% | 6.10% | {score} |\n")
    assert _said(checked(tmp_path, text.format(score="2"))) == []
    assert ("SCORE_MISMATCH", "error") in _said(checked(tmp_path, text.format(score="3")))


def test_a_column_of_counts_in_a_table_in_yuan_is_said_as_written(tmp_path):
    """A 合计 of 小区数 off its rows in a table in 元: its counts as written, not as amounts in 万元 (0.00)."""
    text = ("项目支出绩效自评报告\n三、分街镇完成情况（金额单位：元）\n  序号   街镇     小区数    补贴金额\n"
            "  1      东街     10        120,000.00\n  2      西街     12        144,000.00\n"
            "  3      南街     8         96,000.00\n  合计            28        360,000.00\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    assert len(found) == 1 and "各行之和 30，与合计行 28 不符" in found[0].message


def test_last_years_rate_said_in_the_comparison_is_not_this_years(tmp_path):
    """"与上年相比，2023年度…预算执行率96.12%": of 2023, no slip of the 2024 amounts' 97.44%."""
    text = ("某区民防办公室2024年度部门整体支出绩效自评报告\n"
            "一、基本情况\n2024年度全年预算3,191.89万元，全年执行3,110.25万元，预算执行率97.44%。\n"
            "二、绩效分析\n全年执行进度均衡，全年预算执行率97.44%，各项目按计划实施。\n"
            "| 项目 | 全年预算数 | 全年执行数 | 执行率 |\n| 合计 | 3,191.89 | 3,110.25 | 97.44% |\n"
            "三、与上年比较\n与上年相比，2023年度本单位预算执行率96.12%、自评得分97.65分，本年度预算执行率提高1.32个百分点。\n")
    assert [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"] == []
