"""Forms whose cells held line breaks, as a copy gives them (engine/report/rejoined.py, cellrules.py, placing.py): a
Word table copied with tabs, each break inside a cell a new line; a "|" header continued on lines that do not open with
"|"; a 评分表 one cell a line from a PDF whose rule and what was achieved wrap over lines; a 定性 row under a header with a
merged first column more; and the targets such forms write (a cost per person-month, a day of the month)."""
from __future__ import annotations

from reading import checked, error_codes, indicator_values

# a Word table copied as text: "一级\n指标" in one cell, "年度\n指标值", a long name wrapped, a reason wrapped
TABS = """附件：某县民政局2024年度部门整体支出绩效自评表
一级
指标\t二级
指标\t三级指标\t年度
指标值\t实际
完成值\t分值\t得分\t偏差原因分析
及改进措施
产出指标\t数量指标\t临时救助人次\t≥1,200人次\t1,236人次\t20\t20\t
\t\t困难群众基本生活
保障覆盖率\t≥98%\t99.1%\t20\t20\t
\t质量指标\t救助资金发放准确率\t=100%\t100%\t20\t20\t
效益指标\t社会效益指标\t低保对象动态调整率\t≥95%\t92%\t20\t19.37\t部分家庭
复核未完成
满意度指标\t满意度指标\t救助对象满意度\t≥90%\t93%\t20\t20\t
总分\t\t\t\t\t100\t99.37\t
"""


def test_a_tab_table_whose_cells_held_line_breaks_is_read_whole(tmp_path):
    result = checked(tmp_path, TABS)
    assert indicator_values(result) == {
        "临时救助人次": (1200, 1236, 20, 20), "困难群众基本生活保障覆盖率": (98, 99.1, 20, 20),
        "救助资金发放准确率": (100, 100, 20, 20), "低保对象动态调整率": (95, 92, 20, 19.37),
        "救助对象满意度": (90, 93, 20, 20)}
    assert error_codes(result) == []
    # 92 ÷ 95 × 20 = 19.37: scored otherwise, an error
    assert "SCORE_MISMATCH" in error_codes(checked(tmp_path, TABS.replace("20\t19.37\t", "20\t19.73\t")
                                                   .replace("99.37", "99.73")))


def test_lines_of_a_title_and_a_field_are_not_joined_to_a_tab_row(tmp_path):
    """"项目名称\\t…" and "主管部门\\t…" over a header: rows of their own, not pieces of one."""
    text = ("项目支出绩效自评表\n项目名称\t敬老院运行补助\n主管部门\t某县民政局\n实施单位\t某县民政局\n"
            "预算执行情况（10分）\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
            "年度资金总额\t80.00\t80.00\t76.40\t95.50%\t10\t9.55\n"
            "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t分值\t得分\n"
            "产出指标\t数量指标\t供养人数\t≥\t60\t人\t62\t45\t45\n"
            "满意度指标\t满意度指标\t供养对象满意度\t≥\t90\t%\t95\t45\t45\n")
    result = checked(tmp_path, text)
    assert result.facts.dept_name == "某县民政局"
    assert indicator_values(result) == {"供养人数": (60, 62, 45, 45), "供养对象满意度": (90, 95, 45, 45)}


# a "|" header whose cells held line breaks: the row goes on over lines that do not open with "|"
PIPES = """| 绩效指标 |
一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 |
分值 | 得分 | 偏差原因分析及改进措施 | ||||
| 产出指标 | 数量指标 | 指标1：职业培训人次 | ≥500人次 | 520人次 | 30 | 30 | ||||||
| 质量指标 | 指标1：培训合格率 | ≥90% | 94% | 30 | 30 | |||||||
| 效益指标 | 社会效益指标 | 指标1：就业服务体系 | 持续完善 | 基本完善 | 20 | 16 | 个别乡镇站点未建成 ||||||
| 满意度指标 | 满意度指标 | 指标1：学员满意度 | ≥90% | 96% | 20 | 20 | ||||||
| 总分 | 100 | 96 | ||||||||||
"""


def test_a_pipe_header_continued_on_lines_that_do_not_open_with_a_bar(tmp_path):
    result = checked(tmp_path, PIPES)
    values = indicator_values(result)
    assert values["职业培训人次"] == (500, 520, 30, 30)
    assert values["培训合格率"] == (90, 94, 30, 30)
    assert values["学员满意度"] == (90, 96, 30, 30)[:2] + (20, 20)
    # the 定性 row, its target words, placed where its name, 分值 and 得分 all fit
    assert values["就业服务体系"] == (None, None, 20, 16)
    assert error_codes(result) == []


def test_a_funds_header_whose_first_cell_is_left_open(tmp_path):
    """"| 项目资金" / "（万元） | 年初" / "预算数 | 全年" / …: one header again, each amount under its column."""
    text = ("| 项目名称 | 乡村道路养护 ||||||\n| 项目资金\n（万元） | 年初\n预算数 | 全年\n预算数 | 全年\n执行数 | 分值 | 执行率 | 得分 ||\n"
            "| 年度资金总额 | 300.00 | 420.00 | 411.60 | 10 | 98.00% | 9.80 ||\n"
            "| 其中：当年财政拨款 | 300.00 | 420.00 | 411.60 | — | — | — ||\n")
    result = checked(tmp_path, text)
    assert {k: result.facts.amount(a) for k, a in result.facts.keyed_amounts().items()
            if k in ("budget_initial", "budget_total", "spend_total")} == {
        "budget_initial": 300, "budget_total": 420, "spend_total": 411.6}
    assert error_codes(result) == [] and not [f for f in result.findings if f.code == "STATED_RATE_MISMATCH"]


# a 评分表 one cell a line from a PDF: the rule and what was achieved each wrapped in their narrow cells
WRAPPED = """部门整体支出绩效评分表
一级指标
二级指标
三级指标
分值
评分标准
完成情况
得分
过程（30分）
预算执行
预算执行率
10
执行率≥95%得10分；低于95%的，每低1
个百分点扣1分
全年预算820.00万元，支出801.14万元，
执行率97.70%
10
资产管理
资产管理规范性
10
账实相符、处置规范得10分，每发现1项
不规范扣2分
年度清查账实相符
10
产出（70分）
产出数量
河道保洁里程
35
≥120公里，按完成比例计分，最高35分
实际保洁126公里，已全部通过县级考核
35
产出质量
水质达标率
35
≥90%，每低1个百分点扣1分
监测断面12个，达标11个，达标率
91.67%
35
合计
100
98
"""


def test_a_rule_and_what_was_achieved_wrapped_over_lines(tmp_path):
    result = checked(tmp_path, WRAPPED)
    values = indicator_values(result)
    assert values["河道保洁里程"] == (120, 126, 35, 35)
    assert values["水质达标率"] == (90, 91.67, 35, 35)
    assert values["资产管理规范性"][2:] == (10, 10)
    # the rows add to 100, the 合计 row says 98
    assert "TOTAL_MISMATCH" in [f.code for f in result.findings]
    assert checked(tmp_path, WRAPPED.replace("合计\n100\n98", "合计\n100\n100")).findings == []


def test_a_groups_tiers_said_after_the_words_that_name_them(tmp_path):
    """"数量指标按完成率分档计分：完成率100%（含）以上得满分，…": the first band after the colon is the rule's."""
    text = ("评分规则：数量指标按完成率分档计分：完成率100%（含）以上得满分，90%（含）至100%得分值的80%，"
            "80%（含）至90%得分值的60%，80%以下不得分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 技能培训人次 | ≥500人次 | 440人次 | 50 | 40 |\n"
            "| | | 再就业人数 | ≥300人 | 282人 | 50 | 40 |\n"
            "| 总分 | | | | | 100 | 80 |\n")
    result = checked(tmp_path, text)
    # 440 ÷ 500 = 88%: 60% of 50 = 30, not 40; 282 ÷ 300 = 94%: 80% of 50 = 40, as said
    scores = [f for f in result.findings if f.code == "SCORE_MISMATCH"]
    assert [f.severity for f in scores] == ["error"] and "技能培训人次" in scores[0].message


def test_targets_per_person_month_and_days_are_read(tmp_path):
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 成本指标 | 护理补贴标准 | =90元/人·月 | 90元/人·月 | 30 | 30 |\n"
            "| | 时效指标 | 补贴发放时限 | 每月15日前 | 每月12日前 | 30 | 30 |\n"
            "| | | 资金兑付时限 | 验收后30日内 | 验收后22日内 | 40 | 40 |\n"
            "| 总分 | | | | | 100 | 100 |\n")
    result = checked(tmp_path, text)
    assert indicator_values(result) == {"护理补贴标准": (90, 90, 30, 30), "补贴发放时限": (15, 12, 30, 30),
                                        "资金兑付时限": (30, 22, 40, 40)}
    assert error_codes(result) == []


def test_no_recomputed_total_against_a_form_whose_rows_add_up_by_their_own_rules(tmp_path):
    """A row scored full by the rule its 评分标准 cell states (≥90% 得满分), the rows adding up to the 总分: the framework
    inferred, which scores in proportion, is no ground for a total said otherwise."""
    text = ("项目支出绩效自评表\n"
            "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 100.00 | 100.00 | 96.00 | 10 | 96.00% | 9.6 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 评分标准 |\n"
            "| 产出指标 | 数量指标 | 补贴发放人数 | ≥7,600人 | 7,883人 | 30 | 30 | 达到指标值得满分 |\n"
            "| | 时效指标 | 补贴按月发放及时率 | ≥95% | 91.7% | 30 | 30 | ≥90%得满分，低于90%不得分 |\n"
            "| 满意度指标 | 满意度指标 | 受益对象满意度 | ≥95% | 96.8% | 30 | 30 | 达到指标值得满分 |\n"
            "| 总分 | | | | | 100 | 99.6 | |\n")
    result = checked(tmp_path, text)
    assert [f for f in result.findings if f.code == "TOTAL_MISMATCH"] == []
    # the 总分 said otherwise than its rows add up to is still said
    assert "TOTAL_MISMATCH" in [f.code for f in checked(tmp_path, text.replace("| 99.6 |", "| 96.9 |")).findings]


# most rows broken: the table's width is its widest row's; a reason wrapped under a whole row is that row's
MOSTLY_BROKEN = """一级
指标\t二级
指标\t三级指标\t年度
指标值\t实际
完成值\t分值\t得分\t偏差原因分析
及改进措施
产出指标\t数量指标\t新增注册志愿
者人数\t≥2,000人\t2,150人\t30\t30\t
\t\t志愿服务活动
场次\t≥120场\t108场\t30\t27\t部分户外活动
因天气取消
\t质量指标\t活动记录上传
及时率\t≥95%\t97%\t20\t20\t
满意度指标\t满意度
指标\t服务对象满意度\t≥90%\t92%\t20\t20\t
总分\t\t\t\t\t100\t97\t
"""


def test_a_tab_table_most_of_whose_rows_are_broken(tmp_path):
    result = checked(tmp_path, MOSTLY_BROKEN)
    assert indicator_values(result) == {"新增注册志愿者人数": (2000, 2150, 30, 30), "志愿服务活动场次": (120, 108, 30, 27),
                                        "活动记录上传及时率": (95, 97, 20, 20), "服务对象满意度": (90, 92, 20, 20)}
    assert result.findings == []


def test_a_pipe_header_broken_over_six_lines_in_a_table_of_broken_rows(tmp_path):
    """Most rows open with "|" and close on a line that does not: still a table whose rows close with "|"."""
    text = ("| 一级\n指标 | 二级\n指标 | 三级指标 | 年度\n指标值 | 实际\n完成值 | 分值 | 得分 | 偏差原因分析\n及改进措施 ||\n"
            "| 产出\n指标 | 数量\n指标 | 托管服务面积 | ≥10万亩 | 10.6万亩 | 50 | 50 |  ||\n"
            "|  | 质量\n指标 | 验收合格率 | ≥95% | 93% | 30 | 29.37 | 部分地块\n补植 ||\n"
            "| 满意度\n指标 | 满意度\n指标 | 农户满意度 | ≥90% | 94% | 20 | 20 |  ||\n"
            "| 总分 ||||| 100 | 99.37 |  ||\n")
    result = checked(tmp_path, text)
    assert indicator_values(result) == {"托管服务面积": (10, 10.6, 50, 50), "验收合格率": (95, 93, 30, 29.37),
                                        "农户满意度": (90, 94, 20, 20)}
    assert error_codes(result) == []


def test_a_formulas_multiplier_is_no_total(tmp_path):
    """"得分=执行率×10分" in the rule said with the total: the 10 is no second total."""
    text = ("按照“预算执行率得分=执行率×10分；定量指标达到目标值的得满分，未达到的按实际值÷目标值×分值计分”的规则，"
            "项目自评总分96.5分，等级为“优”。\n"
            "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 200.00 | 200.00 | 190.00 | 10 | 95.00% | 9.5 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 托管服务面积 | ≥10万亩 | 10.6万亩 | 50 | 50 |\n"
            "| 效益指标 | 社会效益指标 | 带动农户数 | ≥2万户 | 1.8万户 | 30 | 27 |\n"
            "| 满意度指标 | 满意度指标 | 农户满意度 | ≥90% | 94% | 10 | 10 |\n"
            "| 总分 | | | | | 100 | 96.5 |\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == 96.5
    assert [n.value for n in result.facts.totals_said] == [96.5]
    assert [f for f in result.findings if f.code == "TOTAL_MISMATCH"] == []


# a 评分表 one cell a line whose rules open with the rate's definition, and whose results work the share out
DEFINED = """部门整体支出绩效评分表
一级指标
二级指标
三级指标
分值
评分标准
完成情况
得分
过程（40分）
预算管理
在职人员控制率
10
实有人数÷编制人数×100%，
≤100%得满分
编制52名，实有50名，控制率
96.15%
10
公用经费控制率
10
实际公用经费÷预算公用经费，≤100%得满分
86.20万元÷90.00万元=95.78%
10
预算执行率
10
执行率=全年支出÷全年预算数×
100%，得分=执行率×10
支出955.00万元÷全年预算
1,000.00万元=95.50%
9.55
结转结余率
10
（结转+结余）÷全年预算数，≤5%
得满分，每超1个百分点扣1分
结转结余45.00万元，结转结余率4.50%
10
产出（60分）
产出数量
道路修复面积
30
目标≥12,000平方米，未达到按完成率×
分值计分
修复12,300平方米
30
产出质量
验收合格率
30
目标≥95%，未达到按比例计分
验收合格率98%
30
合计
100
99.55
"""


def test_rules_opening_with_their_rates_definition_and_results_working_the_share_out(tmp_path):
    result = checked(tmp_path, DEFINED)
    values = indicator_values(result)
    assert values["在职人员控制率"] == (100, 96.15, 10, 10)
    assert values["公用经费控制率"] == (100, 95.78, 10, 10)
    assert values["道路修复面积"] == (12000, 12300, 30, 30)     # (12,000: the target whole, not its 12)
    assert values["结转结余率"] == (5, 4.5, 10, 10)
    # "×100%" in the rule is no rate the row states: 10 × 95.50% = 9.55, as said
    assert result.findings == []
    # the row's own rule scores in proportion: 30 × 95% = 28.50 — another row's "每超1个百分点扣1分" is not its rule
    wrong = checked(tmp_path, DEFINED.replace("修复12,300平方米\n30", "修复11,400平方米\n28.8"))
    assert "SCORE_MISMATCH" in error_codes(wrong)
