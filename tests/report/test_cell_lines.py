"""Forms written one cell a line (engine/report/cellrows.py) whose columns are not the national
order: a 完成率 or a 评分标准 column among the figures, the 评分标准 cells sentences."""
from __future__ import annotations

from reading import checked as result_of, error_codes, indicator_values




# 完成率 between 实际完成值 and 分值 (a 湖北-style 对比表), one cell a line, empty cells dropped
WITH_COMPLETION = "\n".join("""年度绩效目标完成情况对比表
一级指标
指标名称
年度目标值
实际完成值
完成率
分值
得分
产出指标
村级卫生室建设数
≥12个
12个
100%
20
20
乡村医生培训人次
400人次
360人次
90%
20
18
效益指标
门诊就诊便利度提升
≥90%
93.5%
100%
30
30
满意度指标
村民满意度
≥85%
88%
100%
30
30
合计
100
98""".split("\n"))


def test_a_completion_column_among_the_figures(tmp_path):
    result = result_of(tmp_path, WITH_COMPLETION)
    assert indicator_values(result) == {"村级卫生室建设数": (12, 12, 20, 20), "乡村医生培训人次": (400, 360, 20, 18),
                               "门诊就诊便利度提升": (90, 93.5, 30, 30), "村民满意度": (85, 88, 30, 30)}
    assert error_codes(result) == []
    wrong = WITH_COMPLETION.replace("360人次\n90%\n20\n18", "360人次\n90%\n20\n19")   # 360/400 × 20 = 18
    assert "SCORE_MISMATCH" in [f.code for f in result_of(tmp_path, wrong).findings]


# 分值 before a 评分标准 of sentences, then 年度目标值, 实际完成值, 得分 (a 广西-style 整体评分表)
WITH_RULES = """部门整体支出绩效自评表
一级指标
二级指标
三级指标
分值
评分标准
年度目标值
实际完成值
得分
投入管理（30分）
预算执行（20分）
预算执行率
10
≥95%得10分；90%（含）-95%得8分；低于90%不得分
≥95%
93.10%
8
结转结余率
10
≤5%得10分；5%-10%（含）得6分；10%以上不得分
≤5%
4.2%
10
产出（40分）
履职产出（40分）
档案接收进馆卷数
40
按完成比例计分，满分为止
≥5000卷
5200卷
40
满意度（40分）
服务对象满意度（40分）
查档群众满意度
40
≥90%得满分，每低1个百分点扣2分
≥90%
95%
40
合计
100
98
"""


def test_a_rules_column_of_sentences_between_the_figures(tmp_path):
    result = result_of(tmp_path, WITH_RULES)
    assert indicator_values(result) == {"预算执行率": (95, 93.1, 10, 8), "结转结余率": (5, 4.2, 10, 10),
                               "档案接收进馆卷数": (5000, 5200, 40, 40), "查档群众满意度": (90, 95, 40, 40)}
    # the band of the rule gives 8, not 10 × 93.10%: no finding on a score the form's own rule gives
    assert error_codes(result) == []


# the national form one cell a line, each cell ending in " |" (a 四川-style copy), a long 偏差原因
# sentence in the middle of the rows
LONG_REASON = """一级指标 |
二级指标 |
三级指标 |
年度指标值 |
实际完成值 |
分值 |
得分 |
偏差原因分析及改进措施 |
产出指标 |
数量指标 |
村组道路养护里程 |
≥80公里 |
72公里 |
20 |
18 |
汛期两段路基水毁后改列应急抢修项目实施，养护里程相应减少，下年将水毁路段单独纳入年度计划测算 |
质量指标 |
养护路段优良率 |
≥85% |
88% |
20 |
20 |
|
效益指标 |
社会效益指标 |
沿线群众出行条件 |
持续改善 |
明显改善 |
30 |
30 |
|
满意度指标 |
服务对象满意度指标 |
沿线群众满意度 |
≥90% |
92% |
30 |
30 |
|
总分 |
100 |
98 |
"""


def test_a_long_reason_cell_marked_as_a_cell_does_not_end_the_form(tmp_path):
    result = result_of(tmp_path, LONG_REASON)
    rows = indicator_values(result)
    assert rows["村组道路养护里程"] == (80, 72, 20, 18)
    assert rows["养护路段优良率"] == (85, 88, 20, 20) and rows["沿线群众满意度"] == (90, 92, 30, 30)
    assert result.facts.total.value == 98 and error_codes(result) == []


# 年度指标值 broken over two lines, and some rows giving the sign a cell of its own
SIGN_CELLS = """一级指标
二级指标
三级指标
年度
指标值
实际完成值
分值
得分
产出指标
数量指标
社区健身器材更新数
≥
60套
64套
25
25
质量指标
器材验收合格率
≥98%
100%
25
25
效益指标
社会效益指标
居民日常健身参与人数
≥
1.2万人
1.1万人
25
22.92
满意度指标
服务对象满意度指标
居民满意度
≥90%
91%
25
25
总分
100
97.92
"""


def test_a_sign_in_a_cell_of_its_own_is_the_targets_not_the_rows_name(tmp_path):
    result = result_of(tmp_path, SIGN_CELLS)
    rows = indicator_values(result)
    assert rows == {"社区健身器材更新数": (60, 64, 25, 25), "器材验收合格率": (98, 100, 25, 25),
                    "居民日常健身参与人数": (1.2, 1.1, 25, 22.92), "居民满意度": (90, 91, 25, 25)}
    assert [i.direction for i in result.facts.indicators][:1] == [">="]
    assert error_codes(result) == []


# a header of two lines one cell a line: 预期指标值 spelled out below as 符号 | 数值 | 单位
SPELLED_OUT = """一级指标
二级指标
三级指标
指标分值
预期指标值
实际完成值
完成情况
自评得分
符号
数值
单位
产出指标（60分）
数量指标
消防设施检测栋数
20
≥
150
栋
162
完成
20
质量指标
隐患整改完成率
20
≥
95
%
91.2
未完成
19.2
成本指标
单栋检测费用
20
≤
0.8
万元
0.76
完成
20
满意度指标（40分）
服务对象满意度指标
业主满意度
40
≥
90
%
93
完成
40
"""


def test_a_lower_header_line_spelling_out_a_merged_cell(tmp_path):
    result = result_of(tmp_path, SPELLED_OUT)
    assert indicator_values(result) == {"消防设施检测栋数": (150, 162, 20, 20), "隐患整改完成率": (95, 91.2, 20, 19.2),
                               "单栋检测费用": (0.8, 0.76, 20, 20), "业主满意度": (90, 93, 40, 40)}
    assert [i.direction for i in result.facts.indicators] == [">=", ">=", "<=", ">="]


# 指标性质 and 指标方向 side by side, one cell a line, blank lines between rows
NATURE_AND_DIRECTION = "\n".join("""一级指标
二级指标
三级指标
指标性质
指标方向
年度指标值
实际完成值
计量单位
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
监督抽检批次
正向
大于等于
2400
2516
批次
40
40

特种设备定期检验率
正向
大于等于
98
99.1
%
30
30

抽查经营主体户数
正向
大于等于
860
812
户
30
28.33
部分经营主体注销，可抽查户数减少
""".split("\n"))


def test_a_nature_cell_and_a_direction_cell_side_by_side_start_one_row(tmp_path):
    result = result_of(tmp_path, NATURE_AND_DIRECTION)
    assert indicator_values(result) == {"监督抽检批次": (2400, 2516, 40, 40), "特种设备定期检验率": (98, 99.1, 30, 30),
                                        "抽查经营主体户数": (860, 812, 30, 28.33)}
    assert error_codes(result) == []


# each cell on its line ending with " |", an empty cell a "|" alone; a 指标解释 column of words
WITH_EXPLANATION = "\n".join(f"{cell} |" if cell else "|" for cell in """一级指标
二级指标
三级指标
指标解释
指标方向
年度目标值
实际完成值
分值
得分
产出指标
数量指标
改造农村公厕（座）
反映农村公厕改造的数量情况
≥
30
30
50
50


完工验收合格率（%）
反映改造公厕的工程质量情况
≥
95%
90%
50
47.37
总分
100
97.37""".split("\n")) + "\n"


def test_a_column_of_indicator_explanations_among_cells_ending_with_a_bar(tmp_path):
    """A 指标解释 cell is words of its own column, not the row's name; the rows stay whole."""
    result = result_of(tmp_path, "项目支出绩效自评表\n" + WITH_EXPLANATION)
    assert indicator_values(result) == {"改造农村公厕(座)": (30, 30, 50, 50), "完工验收合格率(%)": (95, 90, 50, 47.37)}
    assert error_codes(result) == []


LABELS_OVER_VALUES = """草原禁牧封育补助资金项目绩效目标自评表（2024年度）
项目总得分
95.44
项目名称
2024年草原禁牧封育补助资金
资金情况（万元）
年度资金总额
全年预算数（A）
1,264.80
全年执行数（B）
1,229.65
执行率（B/A）
97.22%
"""


def test_a_forms_labels_each_over_its_value(tmp_path):
    """"全年预算数（A）" over "1,264.80", one cell a line: a label and its value (in the 万元 the form
    names above); "项目总得分" over "95.44" the total (the next line's 项目 is no unit of it)."""
    result = result_of(tmp_path, LABELS_OVER_VALUES)
    keyed = result.facts.keyed_amounts()
    assert (keyed["budget_total"].value, keyed["budget_total"].unit, keyed["spend_total"].value) == (1264.8, "万元", 1229.65)
    assert result.facts.keyed_rates()["exec_rate"].value == 97.22 and result.facts.total.value == 95.44
    assert result.findings == []
    wrong = result_of(tmp_path, LABELS_OVER_VALUES.replace("97.22%", "97.72%"))
    assert [f.code for f in wrong.findings] == ["STATED_RATE_MISMATCH"]


def test_labels_with_their_unit_on_a_line_of_its_own_and_blank_lines_between(tmp_path):
    """"计划安排资金" / "（万元）" / "1260.00" with blank lines between the cells: a label (in 万元) and its value."""
    text = "项目绩效自评报告\n\n" + "\n\n".join(["实际到位资金", "（万元）", "1184.36", "实际支出", "（万元）", "1152.90",
                                           "结余（万元）", "31.46"]) + "\n"
    keyed = result_of(tmp_path, text).facts.keyed_amounts()
    assert (keyed["budget_total"].value, keyed["budget_total"].unit, keyed["spend_total"].value) == (1184.36, "万元", 1152.9)


def test_a_table_of_units_with_subtotal_and_total_rows_that_have_no_number(tmp_path):
    """A table of the fund's units, one cell a line, its 小计 and 合计 rows without a 序号: the 合计 row is the
    fund's whole; a unit's rate off its own figures is said."""
    cells = ["序号", "单位名称", "全年预算数", "全年执行数", "预算执行率",
             "1", "市体育运动学校", "180.00", "171.00", "95.00%",
             "2", "市健身中心", "120.00", "120.00", "100.00%",
             "市直小计", "300.00", "291.00", "97.00%",
             "3", "东河县", "200.00", "{spent}", "{rate}",
             "县区小计", "200.00", "{spent}", "{rate}",
             "合计", "500.00", "{total}", "{total_rate}"]
    text = "某市体彩公益金2023年度绩效自评报告\n单位：万元\n" + "\n".join(cells) + "\n"
    good = result_of(tmp_path, text.format(spent="180.00", rate="90.00%", total="471.00", total_rate="94.20%"))
    keyed = {k: n.value for k, n in good.facts.keyed_amounts().items()}
    assert (keyed["budget_total"], keyed["spend_total"]) == (500, 471)
    assert error_codes(good) == []
    slipped = result_of(tmp_path, text.format(spent="180.00", rate="90.00%", total="471.00", total_rate="92.40%"))
    assert "STATED_RATE_MISMATCH" in [f.code for f in slipped.findings]


def test_a_score_table_whose_groups_stand_once_and_whose_score_comes_before_its_points(tmp_path):
    cells = ["表1 绩效评价指标得分汇总表", "一级指标", "二级指标", "得分", "分值",
             "决策", "项目立项", "5", "5", "绩效目标", "4", "5", "小计", "9", "10",
             "过程", "资金管理", "9.5", "10", "组织实施", "9", "10", "小计", "18.5", "20",
             "产出", "产出数量", "{score}", "40", "产出质量", "30", "30", "小计", "{subtotal}", "70",
             "合计", "{total}", "100", "", "二、绩效分析"]
    text = "某街道2023年度加装电梯补贴项目绩效自评报告\n" + "\n".join(cells) + "\n"
    result = result_of(tmp_path, text.format(score="38.5", subtotal="68.5", total="96"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items["项目立项"] == (5, 5) and items["绩效目标"] == (5, 4) and items["产出数量"] == (40, 38.5)
    assert error_codes(result) == []


def test_scores_before_points_and_a_total_row_whose_empty_cells_were_left_out(tmp_path):
    """得分 before 分值 in the header, and a 总分 row whose empty cells the copy left out ("总分 / 96.5 / 100"):
    its figures in the header's order, the rows above read whole."""
    cells = ["一级指标", "三级指标", "指标值", "实际完成值", "得分", "分值",
             "产出指标", "新建村级书屋数", "12家", "11家", "9.17", "10",
             "产出指标", "送书下乡场次", "≥40场", "42场", "10", "10",
             "产出指标", "管理员培训人次", "≥300人次", "282人次", "5.64", "6",
             "满意度指标", "村民满意度", "≥90%", "94.6%", "10", "10",
             "总分", "", "", "34.81", "36", "", "五、自评结论", "经自评，本项目得分34.81分。"]
    result = result_of(tmp_path, "四、自评评分情况\n" + "\n".join(cells) + "\n")
    values = indicator_values(result)
    assert values["新建村级书屋数"] == (12, 11, 10, 9.17)
    assert values["管理员培训人次"] == (300, 282, 6, 5.64)
    assert values["村民满意度"] == (90, 94.6, 10, 10)
    assert error_codes(result) == []


# the national project form copied cell by cell out of a PDF: a name's last character on a line of its own,
# a reason cell that (its row's last) the copy carried into the 总分 row, a cost's target "<=300元/亩"
BROKEN_NAMES = "\n".join("""一级指标
二级指标
三级指标
年度
指标值
实际
完成值
分值
得分
偏差原因分析及
改进措施
产出指标
数量指标
护林巡查次
数
>=48次
40次
10
8.33
高温期间暂停巡查
成本指标
亩均养护成本
<=300元/亩
293.80元/亩
10
10
满意度指标
服务对象满意度指标
周边居民满意度
>=90%
81.0%
10
9.00
投诉增多
总分
100
89.44""".split("\n")) + "\n"


def test_a_names_last_character_alone_and_a_reason_carried_into_the_total_row(tmp_path):
    values = indicator_values(result_of(tmp_path, BROKEN_NAMES))
    assert values["护林巡查次数"] == (48, 40, 10, 8.33)
    assert values["亩均养护成本"] == (300, 293.8, 10, 10)       # ("=300元/亩" is no formula A=B/C)
    assert values["周边居民满意度"] == (90, 81, 10, 9)
    assert "数" not in values


# one cell a line, groups named once on their first row, a 小计 row, the 总分 row and the grade after it
SUBTOTALLED = "\n".join("""部门整体支出绩效自评表
一级指标
二级指标
三级指标
指标值
实际完成值
分值
得分
履职效能
产出
法律援助案件办理数
≥520件
563件
6
6
普法宣传活动场次
≥120场
113场
6
5.65
履职效能小计
12
11.65
管理效率
预算执行
预算执行率
≥95%
93.40%
10
8
结转结余率
≤10%
6.60%
5
5
管理效率小计
15
13
总分
27
24.65
评价等级
优""".splitlines()) + "\n"


def test_a_subtotal_row_and_the_total_row_after_it_are_no_indicators_row(tmp_path):
    banded = result_of(tmp_path, "评分标准：预算执行率≥95%得满分，90%（含）至95%得分值的80%，90%以下不得分。\n" + SUBTOTALLED)
    values = indicator_values(banded)
    assert values["法律援助案件办理数"] == (520.0, 563.0, 6.0, 6.0)
    assert values["结转结余率"] == (10.0, 6.6, 5.0, 5.0)
    assert set(values) == {"法律援助案件办理数", "普法宣传活动场次", "预算执行率", "结转结余率"}   # (no row of "15 | 13 | 总分")
    # 93.40% scored 8 of 10: the bands the report states for the 预算执行率 by name, not its completion's share
    assert error_codes(banded) == [] and [f.code for f in banded.findings] == []
    # without that rule: 9.34 by its completion, scored 8 — no slip's shape, and the report does not say its
    # shortfalls score in proportion: a warning
    assert [(f.code, f.severity) for f in result_of(tmp_path, SUBTOTALLED).findings] == [("SCORE_MISMATCH", "warning")]


# a 评分表 one cell a line whose 评分说明 column (sentences, figures in them) stands between its 分值 and its 得分
SAID_BETWEEN = "\n".join("""一级指标
二级指标
三级指标
分值
评分说明
得分
投入（20分）
目标设定
绩效目标合理性
2
绩效目标与部门职责、年度计划相符
2
绩效指标明确性
2
指标细化量化，可衡量
2
预算配置
在职人员控制率
4
实有24人，编制26人，控制率92.31%，未超编
4
重点支出安排率
8
档案数字化58.40万元，占项目支出的67.47%，高于60%
8""".splitlines()) + "\n"


def test_a_score_table_with_its_explanations_between_points_and_score(tmp_path):
    items = {i.name: (i.weight.value, i.score.value) for i in result_of(tmp_path, SAID_BETWEEN).facts.items}
    assert items["绩效目标合理性"] == (2.0, 2.0) and items["在职人员控制率"] == (4.0, 4.0)
    assert items["重点支出安排率"] == (8.0, 8.0)


# … whose 评分说明 cells state what was achieved against the target, and one row's its own deduction rule
SAID_ACHIEVED = SAID_BETWEEN + "\n".join("""预算执行
预算执行率
8
执行率98.17%，每低于100%一个百分点扣0.4分
7.27
产出（15分）
职责履行
接收进馆档案
5
目标1.2万卷，实际1.35万卷
5
档案数字化
10
目标60万页，实际54.6万页，完成{done}%，按比例计分
{score}
合计
43
42.27""".splitlines()) + "\n"


def test_explanations_stating_target_and_achieved_make_the_row_an_indicator(tmp_path):
    result = result_of(tmp_path, SAID_ACHIEVED.format(done="91.00", score="9.1"))
    read = {i.name: (i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators}
    assert read == {"接收进馆档案": (1.2, 1.35, 5, 5), "档案数字化": (60, 54.6, 10, 9.1)}
    assert [i.completion.value for i in result.facts.indicators if i.completion] == [91]
    # 8 − (100 − 98.17) × 0.4 = 7.27: scored by its row's own rule, not 分值 × 执行率 (7.85)
    assert result.findings == []


def test_a_completion_said_wrong_in_an_explanation_is_found(tmp_path):
    result = result_of(tmp_path, SAID_ACHIEVED.format(done="94.00", score="9.1"))   # 54.6 ÷ 60 = 91%
    assert [(f.code, f.severity) for f in result.findings] == [("COMPLETION_MISMATCH", "error")]


def test_a_cells_figure_alone_at_a_pdf_pages_foot_is_no_page_number():
    from engine.report.text import _page_number
    # "10" ending page 3 and "10" opening page 4: a 评分表 row's 分值 and 得分 cut by the page, not its number
    assert not _page_number("10", 3) and not _page_number("10", 4)
    assert _page_number("3", 3) and _page_number("- 2 -", 5) and _page_number("第12页 共40页", 3)


def test_a_score_table_of_levels_each_with_its_points_and_score_one_cell_a_line(tmp_path):
    """"一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分" copied out of a PDF, merged cells left out: each name and its
    two figures a row (the groups' and the items')."""
    cells = ["附件", "某县市场监督管理局2023年度部门整体支出绩效自评评分表", "一级指标", "分值", "得分", "二级指标", "分值",
             "得分", "决策", "15", "14.5", "目标设定", "8", "8", "预算编制", "7", "6.5", "过程", "27", "25.5", "预算执行率",
             "10", "9", "结转结余率", "5", "5", "政府采购", "3", "3", "资产管理", "9", "8.5", "合计", "42", "40"]
    items = {i.name: (i.weight.value, i.score.value) for i in result_of(tmp_path, "\n".join(cells) + "\n").facts.items}
    assert items["目标设定"] == (8, 8) and items["预算编制"] == (7, 6.5) and items["结转结余率"] == (5, 5)
    assert items["资产管理"] == (9, 8.5)


COVER_RESULT = ["某县某镇人民政府", "2023年度部门整体支出", "绩效自评报告", "评价方式      部门自评", "上报时间:2024年5月",
                "绩效评价结果", "评价准则", "指标分值", "评价得分", "评价等级", "决策", "15.00", "13.50", "管理", "20.00",
                "18.70", "产出", "35.00", "33.17", "效益", "30.00", "30.00", "综合绩效", "100.00", "95.37", "优"]


def test_a_cover_table_whose_last_column_only_its_total_row_fills(tmp_path):
    """"评价准则 | 指标分值 | 评价得分 | 评价等级" one cell a line under a cover's lines, the grade only on the
    综合绩效 row: its rows read, its total the items' sum — a summary saying another total is told."""
    text = "\n".join(COVER_RESULT) + "\n摘要\n经自评，综合得分{total}分，等级为“优”。\n"
    result = result_of(tmp_path, text.format(total="95.73"))      # 13.5 + 18.7 + 33.17 + 30 = 95.37
    assert [(f.code, f.severity) for f in result.findings] == [("TOTAL_MISMATCH", "warning")]
    assert result.facts.total.value == 95.37
    assert result_of(tmp_path, text.format(total="95.37")).findings == []


# a web page's tables copied out a cell a line, each cell ending with "|": a details table whose rows
# are each ended by a line of "|" marks, prose between, then a 评分表 whose header alone is ruled and
# whose rows go on unruled, the merged cells of a group left out after its first row
RULED_THEN_UNRULED = """二、项目支出明细情况（万元）
||||||||
支出内容 |
实际支出数 |
备注 |
||||||||
劳务费 |
36.50 |
巡查人员 |
||||||||
设备购置 |
12.30 |
 |
||||||||

三、项目绩效情况

（一）资金情况。全年预算数50.00万元，全年支出48.80万元，预算执行率97.60%。
（二）产出情况。全年巡查河道210公里，目标200公里。

附：项目支出绩效评价评分表
一级指标 |
二级指标 |
三级指标 |
年度指标值 |
实际完成值 |
分值 |
得分 |
||||||
产出指标（50分） |
数量指标 |
巡查河道里程 |
≥200公里 |
210公里 |
30 |
30 |
质量指标 |
问题整改率 |
≥95% |
92% |
20 |
19.37 |
效益指标（30分） |
社会效益 |
河道水质达标率 |
≥90% |
93% |
30 |
30 |
合计 |
80 |
79.37 |
"""


def test_a_ruled_table_prose_and_a_score_table_whose_rows_are_not_ruled(tmp_path):
    """The prose between two ruling lines is no row's cell (its 执行率 is read and checked as said); the
    score table's header, the last ruled row, is read with the unruled rows a cell a line after it."""
    result = result_of(tmp_path, RULED_THEN_UNRULED)
    assert indicator_values(result) == {"巡查河道里程": (200, 210, 30, 30), "问题整改率": (95, 92, 20, 19.37),
                                        "河道水质达标率": (90, 93, 30, 30)}
    assert result.facts.keyed_rates()["exec_rate"].value == 97.6
    assert error_codes(result) == []
    slipped = result_of(tmp_path, RULED_THEN_UNRULED.replace("97.60%", "96.70%"))
    assert [f.code for f in slipped.findings] == ["STATED_RATE_MISMATCH"]


# a 评分表 one cell a line with a column of rules: its groups' cells once, with their points on lines of their
# own, names wrapped over two lines, an empty 扣分原因 a blank line, 小计 rows after each group's rows
RULES_COLUMN = """部门整体支出绩效评价评分表
一级指标
二级指标
三级指标
评分标准
分值
自评得分
扣分原因
投 入
（10分）
预算配置
（10分）
财政供养人员
控制率
控制率≤100%，计5分；每超过一个百分点扣0.5分。
5
5

重点支出
安排率
≥90%，计5分；80%（含）-90%，计4分。
5
4
安排率86.30%
小计
10
9
过 程
（10分）
资金管理
（10分）
资金使用
合规性
每出现一例不符合要求的扣1分，扣完为止。
5
4
培训费超标准1笔
资产管理
安全性
账实相符，计5分；每发现一处问题扣0.5分。
5
{asset}

小计
10
{subtotal}
合计
20
{total}
"""


def test_a_score_table_with_a_rules_column_wrapped_names_and_blank_reasons(tmp_path):
    """Each row is its name (its lines joined, the groups' cells left out), rule, points, score and reason; a
    小计 row whose rows' points make up its own is checked against their scores."""
    result = result_of(tmp_path, RULES_COLUMN.format(asset="4.5", subtotal="8.5", total="17.5"))
    assert {i.name: (i.weight.value, i.score.value) for i in result.facts.items} == {
        "财政供养人员控制率": (5, 5), "重点支出安排率": (5, 4), "资金使用合规性": (5, 4), "资产管理安全性": (5, 4.5)}
    assert error_codes(result) == []
    # a 小计 not updated (4 + 4.5 = 8.5, not 9.5) is a part against its parts; the 合计 that adds up the 小计s
    # (9 + 9.5 = 18.5) is off the rows themselves (5 + 4 + 4 + 4.5 = 17.5): the total carries the slip
    stale = result_of(tmp_path, RULES_COLUMN.format(asset="4.5", subtotal="9.5", total="18.5"))
    assert sorted(error_codes(stale)) == ["SUM_MISMATCH", "TOTAL_MISMATCH"]
    # … the 合计 right by the rows, the 小计 alone wrong: that 小计 only
    subtotal_only = result_of(tmp_path, RULES_COLUMN.format(asset="4.5", subtotal="9.5", total="17.5"))
    assert error_codes(subtotal_only) == ["SUM_MISMATCH"]


def test_a_score_table_with_a_reason_column_its_empty_cells_blank_lines_and_points_taken_off_below_its_sum(tmp_path):
    """一级 | 二级 | 三级 | 分值 | 得分 | 扣分原因 copied one cell a line from a web page: merged cells left out, an empty
    reason a blank line, a reason where there is one before the next row's names; below the 合计 row a 扣分项 row and
    the 自评总分 after it — the rows are the table's items, the total the one after the points taken off."""
    cells = ["附表 项目绩效评价得分表", "一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因",
             "决策", "项目立项", "立项规范性", "6", "6", "", "绩效目标", "目标明确性", "4", "3", "未细化质量指标",
             "小计", "10", "9", "",
             "过程", "资金管理", "资金使用合规性", "10", "10", "", "组织实施", "档案管理规范性", "10", "8.5",
             "2份合同未归档", "小计", "20", "18.5", "",
             "产出", "产出数量", "改造老旧路灯盏数", "40", "{lamps}", "完成1130盏", "小计", "40", "{lamps}", "",
             "效益", "满意度", "居民满意度", "30", "28.8", "满意度96%", "小计", "30", "28.8", "",
             "合计", "100", "{sum}", "", "扣分项", "审计发现问题1项", "-2", "", "自评总分", "{total}", "",
             "", "某街道办事处", "2024年4月"]
    text = "某街道2023年度老旧路灯改造项目绩效自评报告\n一、评价结论\n本项目自评得分{total}分。\n\n" + "\n".join(cells) + "\n"
    result = result_of(tmp_path, text.format(lamps="37.6", sum="93.9", total="91.9"))
    items = {i.name: (i.weight.value if i.weight else None, i.score.value) for i in result.facts.items}
    assert items["目标明确性"] == (4, 3) and items["档案管理规范性"] == (10, 8.5) and items["改造老旧路灯盏数"] == (40, 37.6)
    assert items["居民满意度"] == (30, 28.8) and items["扣分项"] == (None, -2)
    assert "自评总分" not in items and "合计" not in items
    assert result.facts.total.value == 91.9
    assert error_codes(result) == []
    slipped = result_of(tmp_path, text.format(lamps="37.6", sum="93.9", total="91.6"))   # 91.9: two digits swapped
    assert "TOTAL_MISMATCH" in error_codes(slipped)


# a 项目支出绩效自评表 one cell a line with a 完成率 column and a last 偏差原因 column: the merged 一级/二级 cells
# left out, an empty reason a blank line or none at all
COMPLETION_AND_REASON = "\n".join("""某县2024年度农村公路养护补助项目支出绩效自评报告

附件
一级指标
二级指标
三级指标
指标值
实际完成值
完成率
分值权重
指标得分
偏差原因分析及改进措施
产出指标
数量指标
养护里程
≥240公里
{actual}公里
{completion}
20
{score}
两条线路改建，暂停养护

质量指标
路面技术状况优良率
≥85%
88%
100%
20
20


时效指标
养护任务完成及时率
=100%
100%
100%
20
20

效益指标
社会效益指标
群众出行满意度
≥90%
93.4%
100%
40
40

总分
100
{total}
""".split("\n"))


def test_a_form_with_a_completion_and_a_reason_column_reads_each_rows_score(tmp_path):
    """Five figure cells a row (指标值 | 实际完成值 | 完成率 | 分值 | 得分): the fifth is the score, not the reason."""
    result = result_of(tmp_path, COMPLETION_AND_REASON.format(actual="228", completion="95%", score="19",
                                                              total="99"))
    values = indicator_values(result)
    assert values["养护里程"] == (240, 228, 20, 19)
    assert values["路面技术状况优良率"] == (85, 88, 20, 20) and values["群众出行满意度"] == (90, 93.4, 40, 40)
    assert error_codes(result) == []
    slipped = result_of(tmp_path, COMPLETION_AND_REASON.format(actual="228", completion="95%", score="19.5",
                                                               total="99.5"))
    assert error_codes(slipped) == ["SCORE_MISMATCH"]


def test_a_floors_completion_turned_over_is_an_error(tmp_path):
    """≥240公里 and 228 achieved said 105.26% (240 ÷ 228, the ratio turned over): a slip, said as one; for a ceiling
    the same ratio is a convention, and no finding."""
    result = result_of(tmp_path, COMPLETION_AND_REASON.format(actual="228", completion="105.26%", score="19",
                                                              total="99"))
    found = [f for f in result.findings if f.code == "COMPLETION_MISMATCH"]
    assert [f.severity for f in found] == ["error"] and "颠倒" in found[0].message
    ceiling = COMPLETION_AND_REASON.replace("≥240公里", "≤240公里").replace("养护里程", "单公里养护成本")
    assert error_codes(result_of(tmp_path, ceiling.format(actual="228", completion="105.26%", score="20",
                                                          total="100"))) == []


# a 部门整体 评分表 copied from a web page one cell a line, each cell with its "|" and a row's last cell with one more
# for each merged or empty cell after it; a 指标内容 column between the name and the 评价标准; the 合计 row's empty
# cells marks alone
MARKED_CELLS = """某区2024年度文化和旅游局部门整体支出绩效自评报告

经自评，我局2024年度部门整体支出绩效自评得分{said}分，等级为“优”。

部门整体支出绩效自评表 | ||||||
一级指标 |
二级指标 |
三级指标 |
指标内容 |
评价标准 |
分值 |
自评得分 |
投入（30） |
预算配置（30） |
在职人员控制率 |
实有人数÷编制人数 |
≤100%得满分；每超1个百分点扣0.5分。 |
15 |
15 | |
重点支出安排率 |
项目支出÷全年支出 |
≥40%得满分；每低1个百分点扣0.2分。 |
15 |
14 | |
产出（40） |
职责履行（40） |
文化惠民演出场次 |
≥120场 |
完成率×分值，最高不超过分值。 |
20 |
{shows} | |
公共图书馆新增藏书 |
≥8000册 |
完成率×分值，最高不超过分值。 |
20 |
19 | |
效果（30） |
满意度（30） |
群众满意度 |
≥90% |
≥90%得满分，低于的按比例计分。 |
30 |
30 | |
合计 |
|
|
|
|
100 |
{total} | |
"""


def test_a_score_table_of_marked_cells_with_a_content_column(tmp_path):
    """The rows named by their 三级指标 (not the 指标内容 after it), the 合计 read after its empty cells, the total
    said otherwise than the table's by a slip an error."""
    result = result_of(tmp_path, MARKED_CELLS.format(said="98", shows="20", total="98"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"在职人员控制率": (15, 15), "重点支出安排率": (15, 14), "文化惠民演出场次": (20, 20),
                     "公共图书馆新增藏书": (20, 19), "群众满意度": (30, 30)}
    assert result.facts.total.value == 98 and error_codes(result) == []
    slipped = result_of(tmp_path, MARKED_CELLS.format(said="89", shows="20", total="98"))
    assert error_codes(slipped) == ["TOTAL_MISMATCH"]
    # a row scored above its 分值 in its own columns (20.5 of 20): read, and an error
    over = result_of(tmp_path, MARKED_CELLS.format(said="98.5", shows="20.5", total="98.5"))
    assert [(f.code, f.severity) for f in over.findings] == [("SCORE_MISMATCH", "error")]


# a 评分表 one cell a line, each cell with its "|", merged cells empty; under the 合计 the points added and taken off
# and the final score, each with its one figure under 得分
ADDED_UNDER_TOTAL = "\n".join(f"{cell} |" if cell else "|" for cell in """一级指标
二级指标
三级指标
分值
得分
决策
项目立项
立项依据充分性
20
20
过程
资金管理
预算执行率
30
28.5
产出
产出数量
供水管网长度
50
44.2
合计


100
92.7
加分



0.5
扣分



4
最终得分



{final}""".split("\n"))


def test_points_added_and_taken_off_under_the_total_one_cell_a_line(tmp_path):
    """20 + 28.5 + 44.2 = 92.7, + 0.5 − 4 = 89.2: the final score is the report's total, 良 by the usual lines."""
    text = ("某县2023年度农村供水项目支出绩效自评报告\n\n评价结果分为优（90分（含）以上）、良（80分（含）至90分）、中（60分（含）至80分）、"
            "差（60分以下）。\n自评结论：项目最终得分89.2分，评价等级为“{grade}”。\n\n" + ADDED_UNDER_TOTAL)
    right = result_of(tmp_path, text.format(grade="良", final="89.2"))
    assert right.facts.total.value == 89.2 and right.findings == []
    assert error_codes(result_of(tmp_path, text.format(grade="优", final="89.2"))) == ["GRADE_MISMATCH"]


# a 评分表 copied from a web page one cell a line, each cell with its "|", each row's last cell with the bars of its
# row's end ("5 | |"), merged level cells a "|" alone; a 完成情况 column between the 评价标准 and the 分值
MARKED_ROW_ENDS = """部门整体支出绩效自评表 |
| ||||||
一、预算执行情况 |
预算数: |
640.00 |
执行数: |
618.24 |
96% |
| ||||||
二、整体完成情况 |
一级指标 |
二级指标 |
三级指标 |
评价标准 |
完成情况 |
分值 |
自评得分 |
投入(20) |
预算配置(20) |
在职人员控制率 |
在职人员数/编制数≤100%得满分,每超过1个百分点扣0.5分。 |
95.24% |
10 |
10 | |
|
|
预算调整率 |
预算调整率=(全年预算-年初预算)/年初预算;≤10%得满分,超过不得分。 |
6.67% |
10 |
10 | |
产出(40) |
履职产出(40) |
巡查河道里程 |
≥300公里得满分,未达到按比例得分。 |
{patrolled} |
20 |
{score} | |
|
|
问题整改率 |
≥95%得满分,未达到按比例得分。 |
97.3% |
20 |
20 | |
合计 |
|
|
|
|
60 |
{total} |
| ||||
"""


def test_rows_ended_by_their_last_cells_bars_and_a_column_of_what_was_done(tmp_path):
    """Each row is its seven cells, merged ones empty; the targets come from each row's own rule, the one after
    the rate's definition, the one of a ratio ("在职人员数/编制数≤100%") and the one of an amount."""
    text = "某县河湖保护中心2024年度部门整体支出绩效自评报告\n\n" + MARKED_ROW_ENDS
    result = result_of(tmp_path, text.format(patrolled="288公里", score="19.2", total="59.2"))
    assert indicator_values(result) == {"在职人员控制率": (100, 95.24, 10, 10), "预算调整率": (10, 6.67, 10, 10),
                                        "巡查河道里程": (300, 288, 20, 19.2), "问题整改率": (95, 97.3, 20, 20)}
    assert result.facts.total.value == 59.2 and error_codes(result) == []
    slipped = result_of(tmp_path, text.format(patrolled="288公里", score="19.2", total="59.5"))
    assert error_codes(slipped) == ["TOTAL_MISMATCH"]


# a 项目支出绩效自评表 from a web page one cell a line, each ending "|", rows ended by lines of marks ("||||"); the
# indicator block's header follows the 年度总体目标 cells with no such line between them, nor before its first row
HEADER_UNRULED = """项目支出绩效自评表 |
||||
项目名称 |
乡村文化惠民工程 |
||||
年度总体目标 |
预期目标 |
实际完成情况 |
送戏下乡180场以上，群众满意度90%以上。 |
送戏下乡192场，群众满意度92.8%。 |
绩效指标 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
实际完成值 |
分值 |
得分 |
偏差原因分析及改进措施 |
产出指标 |
数量指标 |
送戏下乡演出场次 |
≥180场 |
192场 |
40 |
40 |
||||
||||
||||
全民健身赛事活动次数 |
≥24次 |
22次 |
20 |
{score} |
2项赛事因场馆维修取消 |
||||
满意度指标 |
服务对象满意度 |
群众满意度 |
≥90% |
92.8% |
40 |
40 |
||||
"""


def test_a_forms_header_between_ruled_rows_with_no_ruling_line_of_its_own(tmp_path):
    text = "某县文化馆2024年度项目支出绩效自评报告\n\n" + HEADER_UNRULED
    result = result_of(tmp_path, text.format(score="18.33"))
    assert indicator_values(result) == {"送戏下乡演出场次": (180, 192, 40, 40), "全民健身赛事活动次数": (24, 22, 20, 18.33),
                                        "群众满意度": (90, 92.8, 40, 40)}
    assert error_codes(result) == []
    assert error_codes(result_of(tmp_path, text.format(score="19.33"))) == ["SCORE_MISMATCH"]


# the national 项目支出 form from a PDF one cell a line: the block's name set upright a character a line ("绩" / "效" /
# "指" / "标"), header words broken over two lines, a 计量单位 column between the 年度指标值 and the 实际完成值, an
# empty 偏差原因 a blank line
UNIT_COLUMN = """绩
效
指
标
一级指标
二级指标
三级指标
年度
指标值
计量
单位
实际
完成值
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
禁牧面积
≥210
万亩
210
30
30

草畜平衡面积
≥160
万亩
160
30
30

兑付牧户数
≥4180
户
4126
20
{score}
54户超载暂停兑付
效益指标
生态效益指标
草原综合植被盖度
≥45
%
46.2
20
20

总分
100
{total}
"""


def test_a_unit_column_among_the_figures_and_the_block_name_set_upright(tmp_path):
    text = "某旗草原工作站2024年度项目支出绩效自评报告\n\n" + UNIT_COLUMN
    result = result_of(tmp_path, text.format(score="19.74", total="99.74"))
    assert indicator_values(result) == {"禁牧面积": (210, 210, 30, 30), "草畜平衡面积": (160, 160, 30, 30),
                                        "兑付牧户数": (4180, 4126, 20, 19.74), "草原综合植被盖度": (45, 46.2, 20, 20)}
    assert error_codes(result) == []
    assert error_codes(result_of(tmp_path, text.format(score="19.74", total="99.47"))) == ["TOTAL_MISMATCH"]


# a 评分表 one cell a line whose 实际完成 column stands between its 评分标准 and its 得分, the groups' cells once with
# their points ("决策" / "（15分）"), a target only in the rule's words
RULE_THEN_ACHIEVED = """某县应急管理局2024年度部门整体支出绩效评价指标评分表
一级指标
二级指标
三级指标
分值
评分标准
实际完成
得分
决策
（10分）
目标设定
绩效目标合理性
5
目标与职责相符得5分
合理
5
绩效指标明确性
5
每1项未细化量化扣0.5分
1项未量化
4.5
产出
（30分）
数量
应急演练场次
10
≥40场次，未达到按比例计分
46场次
10
执法检查企业数
10
≥600家，未达到按比例计分
574家
{inspections}
质量
隐患整改闭环率
10
≥95%，未达到按比例计分
96.8%
10
合计
40
{total}
"""


def test_a_column_of_what_was_achieved_between_the_rule_and_the_score(tmp_path):
    """574 of 600 companies: 10 × 95.67% = 9.57 — each row read whole, the target from its rule's opening."""
    result = result_of(tmp_path, RULE_THEN_ACHIEVED.format(inspections="9.57", total="39.07"))
    values = indicator_values(result)
    assert values["执法检查企业数"] == (600, 574, 10, 9.57)
    assert values["应急演练场次"] == (40, 46, 10, 10)
    assert values["隐患整改闭环率"] == (95, 96.8, 10, 10)
    assert error_codes(result) == []
    slipped = result_of(tmp_path, RULE_THEN_ACHIEVED.format(inspections="9.75", total="39.25"))
    assert error_codes(slipped) == ["SCORE_MISMATCH"]
