"""Slips written in the shapes reports use: a list in 元 that makes up a spending in 万元, a sum written out
with thousands separators and long names, a deduction under a rule worded "每低于目标值1个百分点", a
completion in brackets beside what was achieved, "该项完成率" said a sentence after the indicator's figures,
and a figure set right under a space-aligned 得分 column."""
from __future__ import annotations

import pytest

from reading import checked, error_codes, indicator_values


def errors(result, code):
    return [f for f in result.findings if f.code == code]


def test_a_spending_made_of_parts_paid_out(tmp_path):
    text = ("中央资金全年支出921.66万元，由以下四部分组成：向3个实施主体拨付奖补资金7,710,000元，品牌推广费用{x}元，"
            "技术培训费用338,000元，监理及验收费用245,000元。\n")
    assert errors(checked(tmp_path, text.format(x="923,600")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="932,600")), "SUM_MISMATCH")] == ["error"]


def test_a_sum_written_out_with_separators_and_long_names(tmp_path):
    text = ("项目支出按明细核对如下：优抚对象抚恤和生活补助1,062.45万元＋自主就业退役士兵一次性经济补助117.80万元＋"
            "光荣院运行经费{x}万元＝1,276.73万元。\n")
    assert errors(checked(tmp_path, text.format(x="96.48")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="96.84")), "SUM_MISMATCH")] == ["error"]


def test_a_deduction_under_a_rule_said_against_the_target(tmp_path):
    text = ("评分规则：定量指标未达到的每低于目标值1个百分点扣0.5分，不足1个百分点的按比例扣分。\n"
            "参保率低于目标值1.8个百分点，按规则扣{x}分，得{y}分。\n")
    assert errors(checked(tmp_path, text.format(x="0.9", y="9.1")), "SCORE_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="0.6", y="9.4")), "SCORE_MISMATCH")] == ["error"]


REVERSE = """评分办法：逆向指标实际值超过目标值的，完成率=目标值÷实际值，得分=完成率×分值。
指标名称              年度指标值       实际完成值                分值   得分
融雪剂使用量          ≤1200吨          1265吨（完成率{x}%）    5      4.74
清雪作业面积          ≥420万平方米     436.5万平方米             10     10
"""


def test_a_completion_in_brackets_by_the_reports_reverse_rule(tmp_path):
    assert errors(checked(tmp_path, REVERSE.format(x="94.86")), "COMPLETION_MISMATCH") == []
    # (94.58% is 2 − 1265÷1200, another convention — not the one the report states)
    assert len(errors(checked(tmp_path, REVERSE.format(x="94.58")), "COMPLETION_MISMATCH")) == 1


TABLE = """按县评分办法，逆向指标完成率=目标值÷实际值。
序号  指标名称                         分值    年度指标值       实际完成值      得分
 1    标准化种植基地面积                15     ≥1.8万亩        1.86万亩       15
 2    病虫害损失率                      10     ≤5%             5.4%           9.26
      合计                              25                                    24.26
三、绩效目标完成情况
全县辣椒病虫害损失率为5.4%，超出不高于5%的控制目标，该项完成率为{x}%。
"""


def test_its_completion_said_after_its_figures(tmp_path):
    assert errors(checked(tmp_path, TABLE.format(x="92.59")), "COMPLETION_MISMATCH") == []
    assert len(errors(checked(tmp_path, TABLE.format(x="92.95")), "COMPLETION_MISMATCH")) == 1


def test_a_score_set_right_under_its_column(tmp_path):
    found = {i.name: (i.actual.value, i.self_score.value) for i in checked(tmp_path, TABLE.format(x="92.59")).facts.indicators
             if i.actual is not None and i.self_score is not None}
    assert found["标准化种植基地面积"] == (1.86, 15.0)


def test_an_income_total_and_its_sources(tmp_path):
    """"…预算财政拨款收入" is a source of income, not a budget: the list is one."""
    text = ("2023年度本年收入合计6,842.37万元，其中一般公共预算财政拨款收入5,918.64万元、政府性基金预算财政拨款收入600.00万元、"
            "其他收入{x}万元。\n")
    assert errors(checked(tmp_path, text.format(x="323.73")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="332.73")), "SUM_MISMATCH")] == ["error"]


def test_a_total_then_its_parts_in_brackets(tmp_path):
    text = "综上，我局2023年度部门整体支出绩效综合得分{x}分（投入19.5分、过程27.65分、产出28.84分、效果19.65分），评价等级为“优”。\n"
    assert errors(checked(tmp_path, text.format(x="95.64")), "TOTAL_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="95.46")), "TOTAL_MISMATCH")] == ["error"]
    bonus = "综合得分97.81分（其中指标得分96.81分、加分1分），评价等级为“优”。\n"
    assert errors(checked(tmp_path, bonus), "TOTAL_MISMATCH") == []


def test_a_share_of_the_target_it_names(tmp_path):
    text = "全年累计提供助餐服务45.12万人次，完成年度目标48万人次的{x}%，其中普通老年人41.25万人次。\n"
    assert errors(checked(tmp_path, text.format(x="94.00")), "COMPLETION_MISMATCH") == []
    assert len(errors(checked(tmp_path, text.format(x="94.30")), "COMPLETION_MISMATCH")) == 1


def test_a_groups_score_against_the_items_its_paragraph_scores(tmp_path):
    text = ("（三）过程指标（25分），得{x}分\n\n预算执行率97.07%，得7.77分（分值8分）。预算调整率14.60%，按分档标准得2分（分值3分，"
            "10%以内得3分）。结转结余率2.93%，得3分（分值3分）。政府采购执行率100%，得2分（分值2分）。管理制度健全性得3分（分值3分）。"
            "资金使用合规性得3分（分值3分）。“三公”经费控制率92.78%，得3分（分值3分）。\n（四）产出指标（35分），得34分\n")
    assert errors(checked(tmp_path, text.format(x="23.77")), "TOTAL_MISMATCH") == []
    found = errors(checked(tmp_path, text.format(x="23.97")), "TOTAL_MISMATCH")
    assert [f.severity for f in found] == ["error"] and "23.77" in found[0].message


def test_a_sum_in_yuan_written_as_the_report_writes_it(tmp_path):
    text = "日常养护费2,186,400元＋路面病害处治费806,500元＋桥梁定期检测费186,000元＝3,187,900元。\n"
    found = errors(checked(tmp_path, text), "SUM_MISMATCH")
    assert len(found) == 1 and "2,186,400 + 806,500 + 186,000 = 3,178,900" in found[0].message


def test_what_is_still_to_come_is_no_part(tmp_path):
    text = "截至12月底，项目资金实际到位3,426,800元，占下达资金3,500,000元的97.91%，其中县级配套资金1,266,800元，尚有73,200元未到位。\n"
    assert errors(checked(tmp_path, text), "SUM_MISMATCH") == []


def test_items_scored_each_their_points(tmp_path):
    text = "四、评分\n抢修及时率（分值6分）、安全事故控制（分值6分）、单位面积运行成本（分值5分）均达到目标，各得{x}分。\n"
    assert checked(tmp_path, text.format(x="6")).facts.items == []          # (not each its points: read as none)
    same = text.replace("（分值5分）", "（分值6分）").format(x="6")
    assert [(i.name, i.weight.value, i.score.value) for i in checked(tmp_path, same).facts.items][0] == ("抢修及时率", 6.0, 6.0)


def test_rates_said_as_payments_and_arrivals(tmp_path):
    """"支付进度…即累计支付…占实际到位资金…的比例", "…实际缴纳…元，电费支付进度…", "共下达…，当年实际到位…，到位率…"."""
    text = ("二、资金情况\n全年预算706.00万元。从资金到位口径看，支付进度为{a}%，即累计支付681.35万元占实际到位资金698.40万元的比例。\n"
            "路灯电费年度预算2,950,000元，全年实际缴纳2,864,700元，电费支付进度{b}%，12月份电费次年缴纳。\n"
            "中央和省级补助资金2023年共下达64,158.87万元，当年实际到位63,812.41万元，到位率{c}%。\n")
    assert errors(checked(tmp_path, text.format(a="97.56", b="97.11", c="99.46")), "STATED_RATE_MISMATCH") == []
    assert len(errors(checked(tmp_path, text.format(a="97.65", b="97.71", c="99.64")), "STATED_RATE_MISMATCH")) == 3


def test_a_rate_is_not_of_a_base_another_clause_rated(tmp_path):
    text = ("支付进度率（5分）：一季度末累计支付494.03万元，占当时可用预算2,133.12万元的23.16%；截至9月底累计支付1,647.08万元，"
            "支付进度71.04%，低于全县三季度末75%的要求，扣0.5分，得4.5分。\n")
    assert errors(checked(tmp_path, text), "STATED_RATE_MISMATCH") == []


def test_an_amount_then_what_it_is_made_of(tmp_path):
    """"项目支出1,012.76万元，由A…元、B…元…五项组成": every part named, in one statement; a headline figure among the
    parts (年初预算) stays the report's."""
    text = ("项目支出{x}万元，由村级组织运转经费1,284,000元、农村人居环境整治经费2,652,300元、防汛抗旱经费516,800元、"
            "公益性岗位补贴1,172,600元和美丽乡村建设以奖代补资金4,491,900元五项组成。\n")
    assert errors(checked(tmp_path, text.format(x="1,011.76")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="1,012.76")), "SUM_MISMATCH")] == ["error"]
    budget = "2023年全年预算2,263.22万元，由结转预算86.42万元、年初预算1,864.30万元和调整预算312.50万元三部分组成。\n"
    result = checked(tmp_path, budget)
    assert result.facts.keyed_amounts()["budget_initial"].value == 1864.30 and errors(result, "SUM_MISMATCH") == []


def test_scores_listed_then_the_overall_score(tmp_path):
    text = "综上，预算编制19分、执行管理39.13分、完成结果29分、结果应用9.5分，综合评价得分{x}分，评价等次为“优”。\n"
    assert errors(checked(tmp_path, text.format(x="96.63")), "TOTAL_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="96.36")), "TOTAL_MISMATCH")] == ["error"]


def test_a_numbered_table_of_projects_and_its_total_row(tmp_path):
    text = ("| 序号 | 项目名称 | 下达资金（万元） | 已支付（万元） |\n|---|---|---|---|\n| 1 | 教学楼维修加固 | 180.00 | 176.40 |\n"
            "| 2 | 学生宿舍改造 | 220.00 | 208.62 |\n| 3 | 食堂改造 | 95.00 | 95.00 |\n| | 合计 | 495.00 | {x} |\n")
    assert errors(checked(tmp_path, text.format(x="480.02")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="480.20")), "SUM_MISMATCH")] == ["error"]


def test_a_numbered_table_of_budgets_and_spending_in_the_unit_said_over_it(tmp_path):
    text = ("主要项目预算执行情况见下表（单位：万元）：\n| 序号 | 项目名称 | 全年预算 | 实际支出 | 执行率 |\n"
            "| 1 | 城乡最低生活保障金 | 2,986.40 | 2,951.18 | 98.82% |\n| 2 | 特困人员救助供养 | 1,124.60 | 1,098.35 | 97.67% |\n"
            "| 3 | 临时救助 | 286.00 | 254.73 | 89.07% |\n| | 合计 | 4,397.00 | {x} | 98.30% |\n")
    assert errors(checked(tmp_path, text.format(x="4,304.26")), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="4,314.26")), "SUM_MISMATCH")] == ["error"]
    subtotals = text.replace("| 3 | 临时救助 | 286.00 | 254.73 | 89.07% |\n", "| 3 | 临时救助 | 286.00 | 254.73 | 89.07% |\n"
                             "| | 小计 | 4,397.00 | 4,304.26 | 97.89% |\n")
    assert errors(checked(tmp_path, subtotals.format(x="4,304.26")), "SUM_MISMATCH") == []   # (a 小计 among its rows)


def test_a_rate_whose_base_is_named_in_brackets(tmp_path):
    text = ("（一）资金到位情况。中央资金186.00万元、省级资金42.00万元已全额到位。全年实际到位资金244.00万元。\n"
            "（二）资金使用情况。截至2023年12月31日，已支付资金231.47万元，资金支付率为{x}%（以到位资金计）。\n")
    assert errors(checked(tmp_path, text.format(x="94.86")), "STATED_RATE_MISMATCH") == []
    found = errors(checked(tmp_path, text.format(x="95.86")), "STATED_RATE_MISMATCH")
    assert [f.severity for f in found] == ["warning"] and "94.86" in found[0].message


def test_a_rate_whose_formula_names_its_operands(tmp_path):
    text = "全年预算数为1,426.38万元。年末结转结余366,400.00元，结转结余率（结转结余÷全年预算数）为{x}%。\n"
    assert errors(checked(tmp_path, text.format(x="2.57")), "STATED_RATE_MISMATCH") == []
    assert len(errors(checked(tmp_path, text.format(x="2.75")), "STATED_RATE_MISMATCH")) == 1


def test_a_rate_whose_formula_names_a_base_said_paragraphs_before(tmp_path):
    text = ("二、预算情况\n年初预算1,212.50万元，追加175.68万元，加上年结转38.20万元，全年预算数为1,426.38万元。\n"
            "三、支出情况\n全年支出1,389.74万元。\n基本支出1,046.52万元。\n项目支出343.22万元。\n"
            "四、结转结余\n年末结转结余366,400.00元，结转结余率（结转结余÷全年预算数）为{x}%。\n")
    assert errors(checked(tmp_path, text.format(x="2.57")), "STATED_RATE_MISMATCH") == []
    assert len(errors(checked(tmp_path, text.format(x="2.75")), "STATED_RATE_MISMATCH")) == 1


def test_an_amount_and_its_share_of_the_years_budget_named_in_words(tmp_path):
    """"年末结转结余资金87.36万元，占全年预算的2.39%": the base is the 全年预算 the report states (paragraphs before);
    a share of the budget said in a mid-year monitoring ("截至9月30日…累计支出…占年初预算的…") is not checked
    against the year's budget."""
    text = ("二、预算情况\n年初预算2,916.84万元，追加781.20万元，上年结转44.46万元，全年预算合计3,742.50万元。\n"
            "三、结转结余\n年末结转结余资金87.36万元，占全年预算的{x}%，主要是冬季无法施药的防治资金。\n")
    assert errors(checked(tmp_path, text.format(x="2.33")), "STATED_RATE_MISMATCH") == []
    found = errors(checked(tmp_path, text.format(x="2.39")), "STATED_RATE_MISMATCH")
    assert [f.severity for f in found] == ["warning"] and "2.33" in found[0].message
    monitored = text.format(x="2.33") + "四、年中监控\n截至9月30日，项目累计支出2,386.41万元，占年初预算的71.67%。\n"
    assert errors(checked(tmp_path, monitored), "STATED_RATE_MISMATCH") == []


def test_what_was_spent_and_its_share_of_the_spending_named_in_words(tmp_path):
    """"城乡低保金…全年支出2,951.18万元，占项目支出的54.71%": the base is the 项目支出 said before (a part of a 其中 list
    too) — by words ending so, not the 项目支出预算."""
    text = ("二、预算执行\n全年预算6,388.09万元，其中基本支出预算812.40万元、项目支出预算5,575.69万元。"
            "全年支出6,195.44万元。其中基本支出801.27万元；项目支出5,394.17万元。\n"
            "城乡低保金是最大的支出项目，全年支出2,951.18万元，占项目支出的{x}%。\n")
    assert errors(checked(tmp_path, text.format(x="54.71")), "STATED_RATE_MISMATCH") == []
    found = errors(checked(tmp_path, text.format(x="53.71")), "STATED_RATE_MISMATCH")
    assert [f.severity for f in found] == ["warning"] and "5,394.17" in found[0].message


def test_what_should_be_what_was_and_their_rate(tmp_path):
    """"应参保人数38,417人，实际参保37,529人，参保率96.79%": the part over the whole, counts as they stand, the
    finding named by the report's own 率; a rate naming something else ("…，覆盖率…") is not theirs."""
    text = "城乡居民基本养老保险方面，全县应参保人数38,417人，实际参保37,529人，{rate}{x}%，覆盖了全部9个乡（镇）。\n"
    assert errors(checked(tmp_path, text.format(rate="参保率", x="97.69")), "STATED_RATE_MISMATCH") == []
    found = errors(checked(tmp_path, text.format(rate="参保率", x="96.79")), "STATED_RATE_MISMATCH")
    assert [f.severity for f in found] == ["warning"] and "参保率" in found[0].message and "97.69" in found[0].message
    assert errors(checked(tmp_path, text.format(rate="乡镇覆盖率", x="96.79")), "STATED_RATE_MISMATCH") == []


@pytest.mark.parametrize("way, by, right", [("少", "65", "94.58"), ("超", "65", "106.07")])
def test_what_was_done_how_far_from_the_plan_and_the_completion(tmp_path, way, by, right):
    """"完成改造任务1,135户，较计划少65户，完成计划的95.48%": the plan is 1,135 + 65 (or − what went past it), the
    completion 1,135 ÷ 1,200 — every figure in the sentence: an error."""
    text = "全年完成改造任务1,135户，较计划{way}{by}户，完成计划的{x}%，少完成的主要是部分农户外出务工。\n"
    assert error_codes(checked(tmp_path, text.format(way=way, by=by, x=right))) == []
    wrong = checked(tmp_path, text.format(way=way, by=by, x="95.48" if way == "少" else "106.70"))
    assert [(f.severity, f.code) for f in wrong.findings] == [("error", "COMPLETION_MISMATCH")]
    assert right in wrong.findings[0].message
    last_year = text.replace("较计划", "较上年").format(way=way, by=by, x="95.48")
    assert checked(tmp_path, last_year).findings == []      # (what last year did is no plan)


def test_the_years_opening_budget_after_its_year(tmp_path):
    """"2024年初预算…": the year is a date, 年初 stays the budget's word — the budget equation then checks."""
    text = "2024年初预算1,520.00万元，年中追加389.60万元，调减56.20万元，调整后全年预算{x}万元，全年执行1,545.20万元。\n"
    result = checked(tmp_path, text.format(x="1,853.40"))
    assert result.facts.keyed_amounts()["budget_initial"].value == 1520.0 and errors(result, "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(x="1,862.40")), "SUM_MISMATCH")] == ["error"]


def test_a_payment_rate_against_what_was_paid_and_what_is_left_unpaid(tmp_path):
    text = ("（二）镇级补助。486.00万元已全部拨付各镇。各镇共已支付452.37万元（支付率{x}%），"
            "尚有33.63万元因考核结果次年才确认而未支付。\n")
    assert [f.code for f in checked(tmp_path, text.format(x="93.08")).findings] == []
    found = checked(tmp_path, text.format(x="93.98")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "93.08%" in found[0].message


def test_a_ceilings_completion_by_the_formula_the_report_states(tmp_path):
    """"…平均修复时长40小时，优于48小时的目标（完成率N%）。逆向指标完成率按“指标值÷实际值”计算": less is better
    (优于), its completion 48 ÷ 40 = 120% as the report says it works it out."""
    text = ("三、绩效目标完成情况\n5.故障修复时长。全年发生设施故障612起，平均修复时长40小时，优于48小时的目标（完成率{x}）。"
            "逆向指标完成率按“指标值÷实际值”计算。\n")
    assert checked(tmp_path, text.format(x="120%")).findings == []
    found = checked(tmp_path, text.format(x="125%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")] and "120.00%" in found[0].message
    indicator = checked(tmp_path, text.format(x="120%")).facts.indicators[0]
    assert (indicator.direction, indicator.target.value, indicator.actual.value) == ("<=", 48.0, 40.0)


def test_an_amount_and_its_parts_said_respectively(tmp_path):
    """"项目支出X万元，分别为A…元、B…元、C…元": every part, named — against the whole; "A、B分别为…" and parts
    read as of other kinds (追加) are no such list."""
    text = ("二、支出情况\n项目支出{whole}万元，分别为道路清扫保洁服务费12,806,400元、生活垃圾转运处置费6,127,800元、"
            "路灯电费及维护费2,539,600元。\n")
    assert checked(tmp_path, text.format(whole="2,147.38")).findings == []
    found = checked(tmp_path, text.format(whole="2,146.38")).findings
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")]
    other = "二、预算\n年度中追加412.30万元，分别为省级专项资金120.00万元、县级防汛救灾追加207.30万元、物资储备库改造资金85.00万元。\n"
    assert [f.code for f in checked(tmp_path, other).findings] == []


def test_an_items_score_against_the_completion_said_before_it(tmp_path):
    """"…完成目标的92%，按评分办法该项得N分（分值10分）" in a report that scores a shortfall in proportion."""
    text = ("二、评分\n评分办法：定量指标未达到的按“实际值÷指标值×分值”计分。\n"
            "年接待读者人次完成目标的92%，按评分办法该项得{x}分（分值10分）；书房运营管护机制“基本健全”，得6分（分值10分）。\n")
    assert checked(tmp_path, text.format(x="9.2")).findings == []
    found = checked(tmp_path, text.format(x="9.6")).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "error")] and "9.20" in found[0].message
    banded = text.replace("定量指标未达到的", "完成率90%（含）—100%的得分值的90%，定量指标未达到的")
    assert [f.code for f in checked(tmp_path, banded.format(x="9.6")).findings if f.severity == "error"] == []


def test_a_score_against_the_completion_bands_the_report_states(tmp_path):
    """"按完成率分档计分，完成率100%及以上得满分，90%（含）至100%得分值的90%…": the bands read whole (a clause naming the
    rule before them, 及以上), each row's score the band its completion falls in."""
    text = ("评分标准：产出、效益定量指标按完成率分档计分，完成率100%及以上得满分，90%（含）至100%得分值的90%，"
            "80%（含）至90%得分值的80%，80%以下不得分。\n"
            "| 一级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 低产茶园改造面积 | ≥15000亩 | 13860亩 | 10 | {x} |\n"
            "| 效益指标 | 带动脱贫户及监测户 | ≥600户 | 571户 | 10 | 9 |\n")
    assert [f.code for f in checked(tmp_path, text.format(x="9")).findings] == []
    found = checked(tmp_path, text.format(x="8")).findings     # (the rule names the row's group, 产出: an error)
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "error")] and "应得 9 分" in found[0].message
    unnamed = text.replace("产出、效益定量指标按完成率分档计分，", "定量指标按完成率分档计分，").replace("| 产出指标 |", "| 经济指标 |")
    found = checked(tmp_path, unnamed.format(x="8")).findings   # (bands for no group named: maybe not every row's)
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "warning")] and "应得 9 分" in found[0].message


def test_a_rate_then_the_share_it_is_said_to_be(tmp_path):
    """"执行率为N%，即全年支出A万元占可用资金B万元，其中…": A ÷ B, whatever the words of its base."""
    text = "2.项目资金执行情况。资金执行率为{x}%，即全年支出359.74万元占可用资金372.86万元，其中发放现金救助326.40万元。\n"
    assert checked(tmp_path, text.format(x="96.48")).findings == []
    found = checked(tmp_path, text.format(x="96.84")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "96.48%" in found[0].message


def test_parts_said_respectively_after_the_whole_or_its_spending(tmp_path):
    """"项目支出1,046.38万元分别为：…" (no comma) and "…支出631.48万元…。支出分别为：…" (the whole the sentence before)."""
    right = ("二、支出\n全年实际支出631.48万元，预算执行率95.68%。支出分别为：清淤工程款5,218,600元、护坡改造823,400元、"
             "监理及检测费194,500元、前期勘测设计费78,300元。\n")
    assert checked(tmp_path, right).findings == []
    wrong = right.replace("78,300元", "88,300元")
    assert [(f.code, f.severity) for f in checked(tmp_path, wrong).findings] == [("SUM_MISMATCH", "error")]
    whole = "项目支出1,046.38万元分别为：改造配套4,862,300元、危房改造补助2,135,600元、排水防涝维护1,892,450元、燃气排查1,537,450元。\n"
    assert [f.code for f in checked(tmp_path, whole).findings] == ["SUM_MISMATCH"]


def test_an_amount_made_of_parts_said_after_its_rate(tmp_path):
    text = ("中央水利发展资金到位520.00万元，全年支出{whole}万元，执行率74.33%，由小型水库维修养护1,425,600元、"
            "农村供水工程维修养护1,186,300元、河湖管护1,263,900元三部分组成。\n")
    assert [f.code for f in checked(tmp_path, text.format(whole="387.58")).findings if f.code == "SUM_MISMATCH"] == []
    assert [f.code for f in checked(tmp_path, text.format(whole="386.52")).findings if f.code == "SUM_MISMATCH"] == ["SUM_MISMATCH"]


def test_a_ceilings_completion_in_the_clause_after_its_target(tmp_path):
    text = ("评分说明：逆向指标完成率=目标值÷实际值。\n公共文化设施报修实行闭环管理，全年受理报修214件，平均响应时长52小时，"
            "未达到不超过48小时的目标，完成率{x}%。\n")
    assert [f.code for f in checked(tmp_path, text.format(x="92.31")).findings] == []
    assert [f.code for f in checked(tmp_path, text.format(x="108.33")).findings] == ["COMPLETION_MISMATCH"]


def test_a_numbered_indicator_its_target_right_after_its_name_and_figures_between(tmp_path):
    text = ("三、绩效目标完成情况\n4.健康档案错漏率目标≤3%，年终抽查档案1,500份，实际错漏率3.6%，按逆向指标完成率=目标值÷实际值计算，"
            "完成率为{x}%。\n")
    assert [f.code for f in checked(tmp_path, text.format(x="83.33")).findings] == []
    found = checked(tmp_path, text.format(x="86.33")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")]


def test_a_change_on_last_year_said_after_both_amounts(tmp_path):
    text = "（二）预算配置\n“三公”经费本年决算4.12万元，上年决算4.86万元，变动率{x}%，控制在0以内。\n"
    assert checked(tmp_path, text.format(x="-15.23")).findings == []
    found = checked(tmp_path, text.format(x="-15.32")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "-15.23%" in found[0].message


def test_a_tables_column_against_its_合计_row(tmp_path):
    """A table set in columns (counts and an amount in 元) whose 合计 row says a sum of the rows above: each summable
    column against it; a rate, a standard or an average column is not summed."""
    text = ("各乡镇发放情况如下：\n\n  乡镇        80-89岁(人)   补贴标准(元/月)   发放金额(元)\n"
            "  勐岚镇          1598           50         1,282,800\n  曼桂乡          1362           50         1,088,400\n"
            "  南溪乡          1487           50         1,196,100\n  合计            4447           50         {x}\n")
    assert checked(tmp_path, text.format(x="3,567,300")).findings == []
    found = checked(tmp_path, text.format(x="3,567,800")).findings
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")] and "发放金额" in found[0].message


def test_a_column_with_no_header_of_words_is_not_summed(tmp_path):
    """A table whose header was lost (a Markdown rule line read in its place): no column of it is summed."""
    text = "  ---        ---      ---\n  决策        20       19.5\n  过程        80       78.34\n  合计        100      97.48\n"
    assert [f for f in checked(tmp_path, text).findings if "一列各行之和" in f.message] == []


@pytest.mark.parametrize("said, found", [("96.57", []), ("96.75", ["STATED_RATE_MISMATCH"]), ("94.10", [])])
def test_the_summarys_rate_against_the_amounts_said_sections_later(tmp_path, said, found):
    """2073.36 ÷ 2147.08 = 96.57%: 96.75% is two digits swapped (a warning); 94.10% no slip's shape — another base."""
    text = (f"某县文化广电旅游体育局2023年度部门整体支出绩效自评报告\n摘要：2023年度我局部门整体支出预算执行率为{said}%，"
            "自评等级为“优”。\n一、部门概况\n我局内设机构6个。\n二、预算情况\n（一）预算安排。年初预算1846.50万元，年中追加"
            "300.58万元，调整后全年预算2147.08万元。\n（二）预算执行。全年支出2073.36万元，年末结余73.72万元。\n")
    result = checked(tmp_path, text)
    assert [f.code for f in result.findings] == found
    assert all(f.severity == "warning" for f in result.findings)


def test_parts_in_yuan_against_a_whole_rounded_to_the_cent_of_wanyuan(tmp_path):
    text = ("2023年“三公”经费支出中，因公出国（境）费0元，公务接待费12,480元，公务用车运行维护费86,350元，"
            "合计{whole}万元，较上年下降13.3%。\n")
    assert checked(tmp_path, text.format(whole="9.88")).findings == []    # 98,830元 = 9.883万元: 9.88 to the cent
    assert error_codes(checked(tmp_path, text.format(whole="9.98"))) == ["SUM_MISMATCH"]


def test_a_scored_sentences_next_sentence_is_another_indicators(tmp_path):
    text = ("四、绩效目标完成情况\n小型水库安全鉴定指标值为不少于18座，实际完成16座，完成88.89%，按比例得6.22分（分值7分），"
            "其余2座延至2024年。水土流失治理面积目标12平方公里，实际12.4平方公里，得6分（分值6分）。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["小型水库安全鉴定"] == (18, 16, 7, 6.22)       # (not the next sentence's 12.4)
    assert checked(tmp_path, text).findings == []


@pytest.mark.parametrize("rate, found", [("98.73%", ["STATED_RATE_MISMATCH"]), ("98.37%", [])])
def test_a_sources_funds_in_yuan_what_was_paid_and_its_rate(tmp_path, rate, found):
    text = f"市级补助资金24,480,000元已全额到位，已拨付24,080,000元，支出进度为{rate}；区级资金拨付3,580.00万元。\n"
    assert [f.code for f in checked(tmp_path, text).findings] == found      # 24,080,000 ÷ 24,480,000 = 98.37%


def test_a_rows_own_deduction_in_its_reason_cell(tmp_path):
    text = ("| 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差原因 |\n"
            "| 时效指标 | 按时足额发放率 | 10 | ≥98% | 97.0% | {score} | 资格确认滞后，已补发；按每低1个百分点扣1分计分 |\n")
    assert checked(tmp_path, text.format(score="9")).findings == []          # 1 point short: 1 point taken
    assert [f.code for f in checked(tmp_path, text.format(score="8")).findings] == ["SCORE_MISMATCH"]


def test_a_rate_below_its_target_said_by_the_margin_names_no_indicator(tmp_path):
    text = ("支付进度率（分值4分）：截至9月末支付3,712.85万元，支付进度72.42%，低于75%的指标值2.58个百分点，"
            "按3个百分点扣1.5分，得2.5分。\n")
    result = checked(tmp_path, text)
    assert not any("低于" in i.name for i in result.facts.indicators)
    assert [f for f in result.findings if f.severity == "error"] == []


@pytest.mark.parametrize("whole, found", [("879.37", ["SUM_MISMATCH"]), ("897.37", [])])
def test_the_figures_of_a_sentence_totalled_by_the_next_one_opening_with_their_count(tmp_path, whole, found):
    text = ("扶助金发放情况为：奖励扶助6,754,320元，伤残家庭特别扶助1,138,320元，死亡家庭特别扶助1,081,080元。\n"
            f"以上三项扶助金合计{whole}万元，全部按标准发放到人。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found     # 8,973,720元 = 897.37万元
    four = text.replace("以上三项", "以上四项")
    assert checked(tmp_path, four).findings == []                          # (not the count of the figures before)


TOWNS = ("附表1　补偿资金分乡（镇）兑付情况表\n                                  单位：亩、元\n"
         "乡（镇）        补偿面积        应兑付资金          已兑付资金\n"
         "鹿箐镇            48,320          761,040.00          761,040.00\n"
         "白岩乡            52,680          829,710.00          826,560.00\n"
         "龙场镇            61,240          964,530.00          958,230.00\n"
         "合计             162,240        2,555,280.00        {paid}\n")


@pytest.mark.parametrize("paid, found", [("2,545,830.00", []), ("2,554,830.00", ["SUM_MISMATCH"])])
def test_a_column_in_yuan_under_a_unit_line_of_several_units(tmp_path, paid, found):
    assert [f.code for f in checked(tmp_path, TOWNS.format(paid=paid)).findings] == found    # 2,545,830


SUBTOTALLED = ("分类别预算及执行情况如下（单位：万元）：\n"
               "补贴类别              预算数      执行数      执行率\n"
               "城区公交              286.00      286.00     100.00%\n"
               "城乡公交              318.40      309.62      97.24%\n"
               "　小计                604.40      595.62      98.55%\n"
               "农村客运班线          270.00      242.10      89.67%\n"
               "预约响应线路           45.00       36.90      82.00%\n"
               "　小计                315.00      {sub}      {rate}\n"
               "站亭及候车设施维护     60.00       57.16      95.27%\n"
               "合计                 979.40      {whole}      {total_rate}\n")


def test_subtotal_rows_each_against_the_rows_since_the_one_before(tmp_path):
    right = SUBTOTALLED.format(sub="279.00", rate="88.57%", whole="931.78", total_rate="95.14%")
    assert checked(tmp_path, right).findings == []
    slip = SUBTOTALLED.format(sub="297.00", rate="94.29%", whole="931.78", total_rate="95.14%")   # 242.10 + 36.90 = 279.00
    assert [(f.code, f.where) for f in checked(tmp_path, slip).findings] == [("SUM_MISMATCH", "第8行")]
    total_slip = SUBTOTALLED.format(sub="279.00", rate="88.57%", whole="913.78", total_rate="95.14%")
    assert [f.code for f in checked(tmp_path, total_slip).findings if f.severity == "error"] == ["SUM_MISMATCH"]
    # a row mistyped (36.90 as 63.90) under a 小计 and a 合计 that are right: said by its 小计 only — the 合计 is its
    # 小计 rows' sum (595.62 + 279.00 + 57.16), off the rows only by that row
    row_slip = right.replace("45.00       36.90      82.00%", "45.00       63.90      82.00%")
    assert [(f.code, f.where) for f in checked(tmp_path, row_slip).findings if f.code == "SUM_MISMATCH"] == [("SUM_MISMATCH", "第8行")]


@pytest.mark.parametrize("score, found", [("4.5", ["SCORE_MISMATCH"]), ("4", [])])
def test_a_shortfall_said_with_the_score_it_left_under_the_one_per_point_rule(tmp_path, score, found):
    text = ("评分办法：定量指标每低于指标值1个百分点扣1分，不足1个百分点的按1个百分点计。\n"
            f"3.产出指标：县道优良路率得8分（分值8分）；乡道优良路率低于指标值3.4个百分点，得{score}分（分值8分）。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found      # 3.4 counted as 4: 8 − 4 = 4


GROUPED = ("| 资金来源 | 子项名称 | 全年预算数 | 全年执行数 | 执行率 |\n|---|---|---|---|---|\n"
           "| 市级体育彩票公益金 | 室外健身器材更新 | 386.00 | 379.52 | 98.32% |\n"
           "| | 多功能运动场地维修 | 214.50 | 198.36 | 92.48% |\n| | 小计 | 600.50 | 577.88 | 96.23% |\n"
           "| 区级财政资金 | 健身设施巡检维护服务 | 368.70 | 366.90 | 99.51% |\n"
           "| | 智慧健身驿站运行 | 253.00 | 241.64 | 95.51% |\n| | 小计 | 621.70 | {sub} | 97.88% |\n"
           "| 合计 | | 1,222.20 | 1,186.42 | 97.07% |\n")


def test_subtotals_under_a_group_column(tmp_path):
    assert checked(tmp_path, GROUPED.format(sub="608.54")).findings == []     # 366.90 + 241.64 = 608.54
    slip = checked(tmp_path, GROUPED.format(sub="608.45")).findings
    assert [(f.code, f.severity, f.where) for f in slip if f.code == "SUM_MISMATCH"] == [("SUM_MISMATCH", "error", "第8行")]


TWO_BREAKDOWNS = """年度部门整体支出规模（单位：万元）
| 分类 | 项目 | 全年预算数 | 支出数 |
| 按资金来源 | 一般公共预算 | 3,218.46 | 3,556.73 |
| | 政府性基金 | 420.00 | 812.40 |
| | 其他资金 | 56.00 | 45.12 |
| | 合计 | 3,694.46 | 4,414.25 |
| 按支出性质 | 基本支出 | 1,286.54 | 1,306.19 |
| | 项目支出 | 2,407.92 | 3,108.06 |
| | 合计 | 3,694.46 | {x} |
"""


def test_a_table_of_two_breakdowns_each_closed_by_its_total(tmp_path):
    """按资金来源 rows then their 合计, 按支出性质 rows then theirs: each 合计 against the rows since the one before."""
    assert error_codes(checked(tmp_path, TWO_BREAKDOWNS.format(x="4,414.25"))) == []
    found = errors(checked(tmp_path, TWO_BREAKDOWNS.format(x="4,441.25")), "SUM_MISMATCH")
    assert [f.severity for f in found] == ["error"] and "4,414.25" in found[0].message


SEVERAL_RULES = ("扣分规则为：支付进度率低于75%的，每低1个百分点扣0.2分；产出指标中比率类指标未达到目标值的，每低1个百分点扣0.5分，"
                 "不足1个百分点的按比例扣减。\n"
                 "3.疫木除治率：年度目标100%，已除治12,860株，除治率96.5%，低于目标3.5个百分点，扣{taken}分。\n")


def test_a_deduction_under_the_one_of_several_rules_for_its_kind(tmp_path):
    """Two per-point rules: one names 支付进度率, one a kind (比率类指标) — a 除治率 sentence is scored by the rule for its
    kind, 3.5 × 0.5 = 1.75; a sentence naming the 支付进度率 by its own."""
    assert error_codes(checked(tmp_path, SEVERAL_RULES.format(taken="1.75"))) == []
    found = errors(checked(tmp_path, SEVERAL_RULES.format(taken="1.5")), "SCORE_MISMATCH")
    assert len(found) == 1 and "1.75" in found[0].message
    paid = SEVERAL_RULES.format(taken="1.75") + "4.支付进度率：68.5%，比75%的要求低6.5个百分点，扣{taken}分。\n"
    assert errors(checked(tmp_path, paid.format(taken="1.3")), "SCORE_MISMATCH") == []
    assert len(errors(checked(tmp_path, paid.format(taken="3.25")), "SCORE_MISMATCH")) == 1


@pytest.mark.parametrize("said", ["“三公”经费支出15.62万元，比预算数18.00万元下降13.22%，其中公务用车运行维护费12.40万元、公务接待费3.22万元。",
                                  "调整后全年预算1,912.58万元，比年初增加426.38万元，其中基本支出1,040.20万元、项目支出872.38万元。"])
def test_a_list_that_makes_another_amount_its_sentence_said_before(tmp_path, said):
    """The 其中 parts add up to the amount said first (what was spent, the year's budget), not to the one just before
    them (the budget it was under, the increase): nothing to say."""
    assert errors(checked(tmp_path, said + "\n"), "SUM_MISMATCH") == []


@pytest.mark.parametrize("after", ["，其余用于防火隔离带建设和宣传教育。", "等。"])
def test_a_list_said_to_be_part_of_its_whole(tmp_path, after):
    """"项目支出668.37万元，其中:A 268.32万元，B 152.40万元，C 96.85万元，其余用于…": the list says it is not all of
    the whole — that its parts fall short is nothing to say; a list that says nothing of the kind is (a warning)."""
    text = "项目支出668.37万元，其中：专业扑火队伍工资补助268.32万元，防火物资装备采购152.40万元，瞭望塔运维96.85万元{after}\n"
    assert errors(checked(tmp_path, text.format(after=after)), "SUM_MISMATCH") == []
    assert [f.severity for f in errors(checked(tmp_path, text.format(after="。")), "SUM_MISMATCH")] == ["warning"]


def test_a_budget_equation_across_sentences_with_other_amounts_between(tmp_path):
    """年初, an increase, then other amounts sentences apart (a carry-over, a source's money), then 调整后: which of
    them moved the budget is not said — nothing to say; the three in one sentence are still checked."""
    apart = ("年初预算1,220.00万元。年中将上年结转资金36.48万元纳入本年预算，其中学前教育资助12.00万元。"
             "12月下旬省级追加秋季学期清算资金22.30万元，调整后全年预算1,288.78万元。\n")
    assert errors(checked(tmp_path, apart), "SUM_MISMATCH") == []
    together = "年初预算1,220.00万元，追加22.30万元，调整后全年预算1,252.30万元。\n"
    assert [f.severity for f in errors(checked(tmp_path, together), "SUM_MISMATCH")] == ["error"]


def test_an_increase_listed_then_a_carry_over_after_its_list(tmp_path):
    """"年中追加1,362.37万元，其中A…、B…、C…；上年结转110.00万元": the carry-over after the ； is the budget's (the
    追加's parts already come to it), not a part of the 追加 — 2,846.35 + 1,362.37 + 110.00 = 4,318.72, nothing to say."""
    said = ("2023年年初预算2,846.35万元。年中追加1,362.37万元，其中中央补助资金386.00万元、自治区资金620.00万元、"
            "县级经费356.37万元；上年结转110.00万元。全年预算4,318.72万元。\n")
    assert checked(tmp_path, said).findings == []


def test_an_increase_whose_parts_are_said_in_brackets_is_counted_once(tmp_path):
    said = ("2023年年初预算1,236.48万元。年中追加318.20万元（中央医疗救助补助资金追加245.60万元，省级补助资金72.60万元），"
            "因部分站点场地未落实调减42.10万元，全年预算调整为{total}万元。\n")
    assert checked(tmp_path, said.format(total="1,512.58")).findings == []      # 1,236.48 + 318.20 − 42.10
    assert errors(checked(tmp_path, said.format(total="1,521.58")), "SUM_MISMATCH") != []


def test_a_score_after_a_rate_achieved_and_its_completion(tmp_path):
    """"转移就业率66.59%，完成目标的95.13%，得19.30分（分值20分）" under the report's proportional rule: of the two rates
    the completion is the one scored — 20 × 95.13% = 19.03."""
    text = ("评分办法：定量指标未达到指标值的，按实际值÷指标值×分值计分。\n"
            "（三）效益指标：转移就业率66.59%，完成目标的95.13%，得{score}分（分值20分）。\n")
    assert errors(checked(tmp_path, text.format(score="19.03")), "SCORE_MISMATCH") == []
    assert len(errors(checked(tmp_path, text.format(score="19.30")), "SCORE_MISMATCH")) == 1


BANDS_SAID_AFTER_A_DEDUCTION_LIST = """某县水利局2023年度项目支出绩效自评报告
项目全年共扣2.5分：绩效目标明确性扣0.5分，按期完工率扣2分。
3.时效。88处工程中81处按期完工，按期完工率92.05%，目标95%。评分标准为：按期完工率95%（含）以上得6分，90%（含）至95%得4分，90%以下不得分，本项得4分，扣2分。
| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出 | 按期完工率 | ≥95% | 92.05% | 6 | {score} |
"""


def test_the_bands_said_for_an_indicator_by_name_after_another_statement_naming_it(tmp_path):
    """Of the statements naming the indicator with a rule's words, the one stating its bands whole is its rule: 92.05% is
    in the 4-point band (no shortfall of 6 × 96.89% to warn of); 6 there is said otherwise than the bands give."""
    assert checked(tmp_path, BANDS_SAID_AFTER_A_DEDUCTION_LIST.format(score="4")).findings == []
    assert [f.code for f in checked(tmp_path, BANDS_SAID_AFTER_A_DEDUCTION_LIST.format(score="6")).findings] == ["SCORE_MISMATCH"]


SUBTOTALLED_SCORES = """三、评分情况
| 一级指标 | 二级指标 | 分值 | 得分 | 扣分原因 |
| 决策 | 项目立项 | 8 | 8 | |
| | 绩效目标 | 12 | 10.5 | 指标未量化 |
| 小计 | | 20 | 18.5 | |
| 产出 | 产出数量 | 45 | 43.2 | |
| | 产出时效 | 35 | 35 | |
| 小计 | | 80 | 78.2 | |
| 合计 | | 100 | 96.7 | |
| 扣分项 | | | -1.5 | 审计发现问题 |
| 最终得分 | | | {total} | |
"""


def test_the_total_row_after_a_sum_and_points_taken_off_below_it(tmp_path):
    """合计 after 小计 rows, then 扣分项 and the total after it: the 合计 less the points taken off."""
    assert error_codes(checked(tmp_path, SUBTOTALLED_SCORES.format(total="95.2"))) == []
    slip = errors(checked(tmp_path, SUBTOTALLED_SCORES.format(total="95.7")), "TOTAL_MISMATCH")
    assert [f.severity for f in slip] == ["error"] and "95.20" in slip[0].message
    # the points taken off forgotten: a gap of a part's size, said as a warning (a row read that is none makes it too)
    forgotten = errors(checked(tmp_path, SUBTOTALLED_SCORES.format(total="96.7")), "TOTAL_MISMATCH")
    assert [f.severity for f in forgotten] == ["warning"] and "95.20" in forgotten[0].message


NAMED_SUBTOTALS = ("表1 分单位执行情况表\n序号\t单位名称\t2023年度（万元）\t\t预算执行率\n\t\t全年预算数\t全年执行数\n"
                   "1\t市体育学校\t120.00\t112.40\t93.67%\n2\t市健身中心\t80.00\t80.00\t100.00%\n"
                   "\t市直单位小计\t200.00\t192.40\t96.20%\n3\t东城区\t90.00\t84.60\t94.00%\n4\t西城区\t70.00\t63.00\t90.00%\n"
                   "\t县（市、区）小计\t{sub}\t147.60\t92.25%\n\t合计\t360.00\t340.00\t94.44%\n"
                   "年度总体目标\t全年培训社会体育指导员3,386人\n")


def test_subtotal_rows_named_with_their_group_after_an_empty_number_cell(tmp_path):
    """"\\t市直单位小计\\t200.00…": a 小计 row though its 序号 cell is empty and its name says its group; a line after the
    合计 with a count in a column of amounts is no row of it."""
    assert checked(tmp_path, NAMED_SUBTOTALS.format(sub="160.00")).findings == []
    slip = checked(tmp_path, NAMED_SUBTOTALS.format(sub="150.00")).findings      # 90.00 + 70.00 = 160.00
    assert [(f.code, f.where) for f in slip if f.severity == "error"] == [("SUM_MISMATCH", "第9行")]
