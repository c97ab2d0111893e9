"""A score a sentence works out by a formula it states itself (engine/report/said_formula.py)."""
from __future__ import annotations

import re

import pytest

from reading import checked, error_codes

SAID = ("关于2024年度河口镇污水管网运维项目绩效自评情况的报告\n"
        "一、预算执行情况\n"
        "全年预算数为420万元，全年执行数{spent}万元，预算执行率{rate}，按“20分×执行率”计算，预算执行情况得分{score}分。\n")


def findings(tmp_path, **figures):
    return [(f.code, f.severity) for f in checked(tmp_path, SAID.format(**figures)).findings]


def test_a_score_against_the_formula_its_own_sentence_states(tmp_path):
    # 20 × 91.4% = 18.28, written 18.82
    assert ("SCORE_MISMATCH", "error") in findings(tmp_path, spent="383.88", rate="91.4%", score="18.82")


@pytest.mark.parametrize("rate, score", [("91.4%", "18.28"), ("91%", "18.2"), ("91%", "18.28")])
def test_a_score_the_stated_rate_gives_at_its_precision_is_no_finding(tmp_path, rate, score):
    # 383.88/420 = 91.40%: "91%" stated to the whole per cent allows 20 × (90.5%…91.5%) = 18.1…18.3
    assert [c for c, _ in findings(tmp_path, spent="383.88", rate=rate, score=score)] == []


LISTED = ("某县科协2023年度项目支出绩效自评报告\n"
          "本项目自评得分情况为：其中：项目立项6分，绩效目标5分，资金管理{manage}分，产出目标{output}分，"
          "效益目标13.5分，服务对象满意度15分，总得分{total}，综合评定等级为“优”。\n")


def test_a_sentence_listing_every_items_score_and_the_total(tmp_path):
    said = lambda **f: [(x.code, x.severity) for x in checked(tmp_path, LISTED.format(**f)).findings]  # noqa: E731
    assert said(manage="7", output="48", total="94.5") == []              # 6+5+7+48+13.5+15 = 94.5
    assert said(manage="7", output="48", total="95.5") == [("TOTAL_MISMATCH", "error")]


def test_a_score_rows_own_rate_gives_its_execution_score_a_warning(tmp_path):
    table = ("评价指标 | 分值 | 完成情况 | 自评得分\n"
             "二、部门管理 | 30 | — | 27.93\n"
             "其中：预算执行率 | 10 | {rate} | {score}\n")
    assert [f.code for f in checked(tmp_path, table.format(rate="93.36%", score="9.34")).findings] == []
    found = checked(tmp_path, table.format(rate="93.36%", score="9.63")).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "warning")]   # 10 × 93.36% = 9.34


def test_a_total_then_the_items_that_make_it_up(tmp_path):
    """"…得分93.79分，其中预算执行率得分9.71分（权重10分）、绩效指标得分84.26分（权重90分）": items
    whose 分值 make up 100 after the total — their sum must be it."""
    text = ("某区城市管理局2024年度部门整体支出绩效自评报告\n\n经自评，部门整体绩效自评得分93.97分，其中预算执行率得分9.71分"
            "（权重10分）、绩效指标得分84.26分（权重90分），自评等级为“优”。\n")
    assert checked(tmp_path, text).findings == []
    wrong = checked(tmp_path, text.replace("93.97分", "93.79分"))
    assert [f.code for f in wrong.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


def test_a_share_of_an_amount_said_with_it(tmp_path):
    """"实际支出371.26万元，占实际到位资金386.40万元的96.08%": the share is the one divided by the other
    (a warning when it is not: a stated rate); a share of a whole not said there is not checked."""
    text = ("某县水利局2024年度项目绩效自评报告\n\n全年实际支出371.26万元，占实际到位资金386.40万元的96.08%。"
            "其中基本支出280.00万元，占85.03%。\n")
    assert checked(tmp_path, text).findings == []
    wrong = checked(tmp_path, text.replace("96.08%", "96.80%"))
    assert [(f.code, f.severity) for f in wrong.findings] == [("STATED_RATE_MISMATCH", "warning")]


EXECUTION_SAID_IN_ONE_SENTENCE = """某市林业局2024年度林业改革发展资金绩效自评报告

四、绩效自评结果拟应用和公开情况
经自评，资金执行率分值10分，执行率93.63%，得分9.36分；产出指标分值50分，得分48.62分；效益指标分值30分，得分30分；满意度指标分值10分，得分10分。综合自评得分97.98分，自评等级为“优”。
"""


def test_the_execution_points_rate_and_score_of_one_sentence(tmp_path):
    """分值 10, 执行率 93.63%, 得分 9.36: right. 9.63 is a warning (the report does not say its rule is 分值
    × 执行率), an error where it does; nothing where it states a rule of its own. The heading's line
    is not joined to the paragraph under it (the items after it are read)."""
    result = checked(tmp_path, EXECUTION_SAID_IN_ONE_SENTENCE)
    assert {i.name: (i.weight.value, i.score.value) for i in result.facts.items} == {
        "预算执行率": (10, 9.36), "产出指标": (50, 48.62), "效益指标": (30, 30), "满意度指标": (10, 10)}
    assert result.findings == [], [f.message for f in result.findings]
    wrong = EXECUTION_SAID_IN_ONE_SENTENCE.replace("9.36分", "9.63分").replace("97.98分", "98.25分")
    assert [(f.code, f.severity) for f in checked(tmp_path, wrong).findings] == [("SCORE_MISMATCH", "warning")]
    said = wrong.replace("经自评，", "预算执行率按10分×资金执行率计分。经自评，")
    assert [(f.code, f.severity) for f in checked(tmp_path, said).findings] == [("SCORE_MISMATCH", "error")]
    own = wrong.replace("经自评，", "执行率每低1个百分点扣0.5分。经自评，")
    assert checked(tmp_path, own).findings == []


def test_the_execution_rate_said_before_its_points(tmp_path):
    """"全年预算执行率93.26%，该项分值15分，得13.89分" with "预算执行率得分=执行率×分值" said: 15 × 93.26% = 13.99."""
    text = ("某县水利局2024年度部门整体支出绩效自评报告\n评分规则：预算执行率得分=执行率×分值。\n"
            "1.预算执行率。全年预算执行率93.26%，该项分值15分，得{score}分。\n")
    assert checked(tmp_path, text.format(score="13.99")).findings == []
    assert [(f.code, f.severity) for f in checked(tmp_path, text.format(score="13.89")).findings] == [("SCORE_MISMATCH", "error")]


def test_a_whole_then_its_parts_added_up_in_brackets(tmp_path):
    """"收入总计4,717.15万元（本年收入合计4,430.75万元+年初结转和结余286.40万元）": the whole against the sum its
    brackets write out — a slip (268.40 for 286.40) an error."""
    text = ("某县交通运输局2023年度部门决算说明\n\n2023年度收入总计4,717.15万元（本年收入合计4,430.75万元+年初结转和结余"
            "286.40万元），支出总计4,717.15万元（本年支出合计4,527.03万元+年末结转和结余190.12万元）。\n")
    assert checked(tmp_path, text).findings == []
    wrong = checked(tmp_path, text.replace("结余286.40万元", "结余268.40万元"))
    assert [(f.code, f.severity) for f in wrong.findings] == [("SUM_MISMATCH", "error")]
    assert "4,430.75 + 268.40 = 4,699.15" in wrong.findings[0].message


def test_parts_summed_up_then_the_total(tmp_path):
    """"综上，资金保障14分、项目管理24分、使用成效59.51分、加分1分，综合得分99.51分": the total against
    the sum of the parts the sentence lists."""
    text = "某县乡村振兴局2024年度衔接资金绩效自评报告\n\n综上，资金保障14分、项目管理24分、使用成效59.51分、加分1分，综合得分98.51分。\n"
    assert checked(tmp_path, text).findings == []
    wrong = checked(tmp_path, text.replace("综合得分98.51分", "综合得分99.51分"))
    assert [f.code for f in wrong.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


@pytest.mark.parametrize("said, wrong", [
    ("| 预算完成率 | 10 | 全年支出4,552.68万元/全年预算4,661.50万元=97.67% | 9.77 |", "=97.76%"),
    ("退耕还林补助34.18万元，已兑现28.35万元，兑现率82.94%，尚余5.83万元结转。", "兑现率84.94%"),
    ("森林防火专项资金批复1,862,000.00元，实际支出1,801,460.00元，执行率96.75%。", "执行率97.75%"),
    ("企业应承担资金2,870.40万元，实际到位2,612.00万元，到位率91.00%，差额正在协调。", "到位率90.10%"),
    # a definition worked out to its result (its figures in a rule's words, the result a claim)
    ("预算执行率=全年执行数÷全年预算数×100%=2,767.70÷2,847.59×100%=97.19%。", "=97.91%"),
    # a share in 元 of an amount in 万元
    ("项目实际支出7,810,000.00元，占预算资金788.60万元的99.04%。", "的99.40%"),
])
def test_rates_worked_out_or_said_of_a_grant(tmp_path, said, wrong):
    """A rate worked out in words (A/B=C%), a 兑现率 of what was paid out of a grant, a rate of a 批复
    amount: each checked by its own two amounts (a warning when it is off, as every stated rate)."""
    head = "某区林业局2024年度项目支出绩效自评报告\n\n"
    assert checked(tmp_path, head + said + "\n").findings == []
    bad = re.sub(r"(?<=[=率的])\d+\.\d+%", re.search(r"\d+\.\d+%", wrong).group(), said)
    assert [(f.code, f.severity) for f in checked(tmp_path, head + bad + "\n").findings] == [("STATED_RATE_MISMATCH", "warning")]


def test_a_projects_execution_score_by_the_rule_the_report_states(tmp_path):
    """"得分=预算执行率×10" said once; a project's "…预算执行率94.76%，预算执行率得分9.48分" follows it
    (9.67 does not) — and a report that states no such rule is not checked so."""
    text = ("某区生态环境局2024年度部门决算\n\n项目自评满分100分，其中预算执行率指标10分，得分=预算执行率×10；绩效指标90分。\n"
            "（一）水质监测项目。全年预算数186.00万元，执行数176.25万元，预算执行率94.76%，预算执行率得分9.48分。\n")
    assert checked(tmp_path, text).findings == []
    slip = text.replace("得分9.48分", "得分9.84分")       # (two figures swapped: an error)
    assert [(f.code, f.severity) for f in checked(tmp_path, slip).findings] == [("SCORE_MISMATCH", "error")]
    wrong = text.replace("得分9.48分", "得分9.67分")      # (of no slip's shape: the rate read may be another's)
    assert [(f.code, f.severity) for f in checked(tmp_path, wrong).findings] == [("SCORE_MISMATCH", "warning")]
    unsaid = wrong.replace("，得分=预算执行率×10", "")
    assert checked(tmp_path, unsaid).findings == []


def test_a_sentence_naming_each_items_score_then_the_total(tmp_path):
    """"…部门整体支出预算执行得分9.70分、产出指标得分54.45分、效益指标得分25分、满意度指标得分10分，自评得分99.51分":
    the first score, said of the 部门整体's execution, is an item's, not the total; the total is checked
    against the items listed before it in its sentence."""
    text = ("某区农业农村委员会2024年度部门整体支出绩效自评报告\n三、自评结论\n经自评，我委2024年度部门整体支出预算执行得分9.70分、"
            "产出指标得分54.45分、效益指标得分25分、满意度指标得分10分，自评得分{total}分，自评等级为“优”。\n")
    right = checked(tmp_path, text.format(total="99.15"))
    assert right.facts.total.value == 99.15 and right.findings == []
    slipped = checked(tmp_path, text.format(total="99.51"))
    assert [(f.code, f.severity) for f in slipped.findings] == [("TOTAL_MISMATCH", "error")]


@pytest.mark.parametrize("said, found", [
    ("抽检发现不合格样品64批次，已全部立案核查，其中年内核查处置到位61批次，核查处置率95.31%。", []),
    ("抽检发现不合格样品64批次，已全部立案核查，其中年内核查处置到位61批次，核查处置率96.88%。", [("STATED_RATE_MISMATCH", "warning")]),
    # a rate of another measure of the whole, not of the part the 其中 names
    ("培育高素质农民512人，其中经营管理型108人，培训合格率97.2%。", []),
])
def test_a_rate_of_the_part_of_a_count(tmp_path, said, found):
    """"…64批次，…其中…处置到位61批次，核查处置率96.88%": the part over the count (61 ÷ 64 = 95.31%) — a
    warning, as every stated rate of words; none where the rate names another measure."""
    text = "某县市场监督管理局2024年度部门整体支出绩效自评报告\n一、产出\n" + said + "\n"
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == found


@pytest.mark.parametrize("said, found", [
    ("全年支出较上年3,017.25万元增加231.42万元，增长7.67%。", []),
    ("全年支出较上年3,017.25万元增加231.42万元，增长7.76%。", [("STATED_RATE_MISMATCH", "warning")]),
    # (last year's 决算 said with the change: the rate on last year's figure, not this year's 9.86)
    ("“三公”经费支出决算9.86万元，比上年决算11.42万元减少1.56万元，下降13.66%。", []),
    ("“三公”经费支出决算9.86万元，比上年决算11.42万元减少1.56万元，下降15.82%。", [("STATED_RATE_MISMATCH", "warning")]),
    ("局机关核定编制96名，年末实有在职人员91人，在职人员控制率94.79%。", []),
    ("局机关核定编制96名，年末实有在职人员91人，在职人员控制率94.97%。", [("STATED_RATE_MISMATCH", "warning")]),
])
def test_a_change_on_last_year_and_staff_over_posts(tmp_path, said, found):
    """"较上年A增加D，增长R%" (R = D ÷ A) and "编制N名，实有在职M人，在职人员控制率R%" (R = M ÷ N): warnings."""
    text = "某县文化广电旅游局2024年度部门整体支出绩效自评报告\n一、基本情况\n" + said + "\n"
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == found


RATES_SCORED_BY_THEIR_OWN_RULE = """某县文化广电旅游局2024年度部门整体支出绩效自评报告
三、评分
计分规则为：预算完成率、政府采购执行率按“实际比率×分值”计分；定量指标达到目标值的得满分。
1.预算完成率96.53%，该指标分值6分，得分5.79分。
2.政府采购执行率95.00%，该指标分值3分，得分{score}分。
3.公用经费控制率94.36%，该指标分值3分，得分3分。
"""


def test_rates_the_report_scores_rate_times_points(tmp_path):
    """"预算完成率、政府采购执行率按“实际比率×分值”计分" and "政府采购执行率95.00%，该指标分值3分，得分2.58分":
    3 × 95% = 2.85 — an error (the rule and every operand the report's); a rate the rule does not name
    (公用经费控制率, full marks under 100%) is not checked by it."""
    assert checked(tmp_path, RATES_SCORED_BY_THEIR_OWN_RULE.format(score="2.85")).findings == []
    wrong = checked(tmp_path, RATES_SCORED_BY_THEIR_OWN_RULE.format(score="2.58")).findings
    assert [(f.code, f.severity) for f in wrong] == [("SCORE_MISMATCH", "error")] and "政府采购执行率" in wrong[0].message


@pytest.mark.parametrize("rate, found", [("89.53", []), ("95.53", [("STATED_RATE_MISMATCH", "warning")])])
def test_a_sources_budget_spending_and_execution_rate(tmp_path, rate, found):
    """"县级资金95.50万元，支出85.50万元，执行率95.53%": a source's own rate of what it spent (85.50 ÷ 95.50 = 89.53%)."""
    text = ("某县水利局2024年度农村供水工程维修养护项目绩效自评报告\n二、资金执行\n分资金来源看，中央资金186.00万元全部支出；"
            f"县级资金95.50万元，支出85.50万元，执行率{rate}%。\n")
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == found


SOURCE = ("某县人社局2023年度公益性岗位补贴项目支出绩效自评报告\n"
          "资金来源为中央就业补助资金900.0000万元、省级就业补助资金600.0000万元、县级财政资金842.5000万元。\n"
          "分资金来源看，中央和省级资金全部支出完毕；县级资金支出801.3400万元，县级资金执行率为{rate}。\n")


def test_a_sources_own_rate_against_its_budget_said_elsewhere(tmp_path):
    # 801.34 / 842.50 = 95.11%
    assert [(f.code, f.severity) for f in checked(tmp_path, SOURCE.format(rate="95.11%")).findings] == []
    assert [(f.code, f.severity) for f in checked(tmp_path, SOURCE.format(rate="91.51%")).findings] == \
        [("STATED_RATE_MISMATCH", "warning")]


def test_a_source_with_two_budgets_is_not_checked(tmp_path):
    text = SOURCE.format(rate="91.51%") + "年中追加后县级财政资金调整为860.0000万元。\n"
    assert [f.code for f in checked(tmp_path, text).findings] == []


def test_a_share_of_a_sources_funds_said_elsewhere(tmp_path):
    text = ("全县共安排衔接资金12,000万元，其中：中央资金6,400万元、省级资金2,600万元、县本级资金3,000万元。\n"
            "全年中央衔接资金用于产业发展项目3,712.00万元，占中央衔接资金的{share}。\n")
    # 3,712 / 6,400 = 58.00%
    assert [f.code for f in checked(tmp_path, text.format(share="58.00%")).findings] == []
    assert [(f.code, f.severity) for f in checked(tmp_path, text.format(share="85.00%")).findings] == \
        [("STATED_RATE_MISMATCH", "warning")]


def test_a_scopes_rate_after_its_spending_against_its_part_of_the_budget(tmp_path):
    text = ("某局2023年度部门整体支出绩效自评报告\n一、预算情况\n全年预算4,247.83万元，其中基本支出2,003.10万元、项目支出2,244.73万元。\n"
            "全年实际支出4,129.06万元，预算执行率97.20%。其中基本支出1,986.20万元，执行率99.16%；项目支出2,142.86万元，执行率{rate}。\n")
    # 2,142.86 / 2,244.73 = 95.46%
    assert [f.code for f in checked(tmp_path, text.format(rate="95.46%")).findings] == []
    assert [(f.code, f.severity) for f in checked(tmp_path, text.format(rate="95.64%")).findings] == \
        [("STATED_RATE_MISMATCH", "warning")]


def test_a_total_then_the_scores_of_all_its_groups(tmp_path):
    said = "经自评，2023年度我局部门整体支出绩效自评总分{total}分，其中投入14.5分、过程23.9分、产出34.65分、效果24分，等级为“优秀”。\n"
    assert [f.code for f in checked(tmp_path, said.format(total="97.05")).findings] == []
    assert [(f.code, f.severity) for f in checked(tmp_path, said.format(total="97.15")).findings] == [("TOTAL_MISMATCH", "error")]
    some = "经自评，我局部门整体支出绩效自评总分97.15分，其中产出34.65分、效果24分，等级为“优秀”。\n"   # not all its groups
    assert [f.code for f in checked(tmp_path, some).findings] == []


@pytest.mark.parametrize("said, found", [("（执行率97.03%）", []), ("（执行率97.30%）", ["STATED_RATE_MISMATCH"])])
def test_a_funds_rate_in_brackets_after_its_spending(tmp_path, said, found):
    """"惠民演出补助资金156.00万元，全年支出151.37万元（执行率97.30%）": 151.37 ÷ 156.00 = 97.03%; a quarter's
    payment then the year's ("第四季度拨付58.40万元，全年执行229.62万元，执行率…") is no grant paid out."""
    text = f"项目支出中，惠民演出补助资金156.00万元，全年支出151.37万元{said}。\n"
    assert [f.code for f in checked(tmp_path, text).findings] == found
    quarter = "1—3季度累计拨付171.22万元，第四季度拨付58.40万元，全年执行229.62万元，执行率96.97%。\n"
    assert checked(tmp_path, quarter).findings == []


@pytest.mark.parametrize("score, found", [("3", []), ("2", ["SCORE_MISMATCH"])])
def test_a_score_by_bands_quoted_in_its_own_sentence(tmp_path, score, found):
    """1.83% falls in "≤2%得3分" — "2%（不含）至5%得2分" is the band above it."""
    text = ("某县档案馆2023年度部门整体支出绩效自评报告\n三、评分\n结转结余7.57万元，结转结余率1.83%，"
            f"按“≤2%得3分、2%（不含）至5%得2分、5%以上不得分”的标准，得{score}分。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found


def test_bands_quoted_but_not_read_whole_check_nothing(tmp_path):
    text = ("某县档案馆2023年度部门整体支出绩效自评报告\n三、评分\n结转结余率1.83%，按“≤2%得满分，每超1个百分点扣0.5分”的标准，得2分。\n")
    assert checked(tmp_path, text).findings == []


def test_the_groups_scores_then_the_projects_total(tmp_path):
    text = ("某旗2023年度动物防疫项目绩效自评报告\n五、评价结论\n综上，预算执行率9.64分、产出指标39.63分、效益指标28分、"
            "满意度指标10分，项目自评总分{total}分，等级为“良”。\n")
    assert checked(tmp_path, text.format(total="87.27")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(total="88.27")).findings] == ["TOTAL_MISMATCH"]


@pytest.mark.parametrize("said", ["综合评价得分", "综合自评得分"])
def test_items_then_their_total_said_with_more_words(tmp_path, said):
    text = f"某县2023年度部门整体支出绩效自评报告\n五、结论\n综上，预算编制19分、执行管理39.13分、完成结果29分、结果应用9.5分，{said}{{total}}分。\n"
    assert checked(tmp_path, text.format(total="96.63")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(total="96.36")).findings] == ["TOTAL_MISMATCH"]


@pytest.mark.parametrize("rule, rate, score, found", [
    ("预算执行率满分10分，执行率100%得10分，每降低1个百分点扣0.2分。", "93.60", "8.72", []),
    ("预算执行率满分10分，执行率100%得10分，每降低1个百分点扣0.2分。", "93.60", "8.92", ["SCORE_MISMATCH"]),
    # (part of a point: counted down where the rule says so, in proportion where it says that)
    ("预算执行率分值8分，执行率达到98%的得满分，每低1个百分点扣0.5分，不足1个百分点的部分不扣分。", "94.19", "6.5", []),
    ("预算执行率分值10分，执行率100%得满分，每低1个百分点扣0.2分，不足1个百分点的按差额比例扣减。", "97.09", "9.42", []),
    # (the rule's points not the item's as read: nothing said)
    ("执行率达到100%的得满分，每低1个百分点扣0.5分。", "97.56", "5.00", []),
])
def test_the_execution_items_score_by_the_deduction_its_rule_states(tmp_path, rule, rate, score, found):
    text = (f"某县2023年度部门整体支出绩效自评报告\n一、评分方法\n评分规则：{rule}\n二、预算执行\n全年预算1,000.00万元，"
            f"全年支出{float(rate) * 10:.2f}万元，预算执行率{rate}%。\n三、评分\n过程类指标30分：预算执行率{rate}%，按上述规则，"
            f"得{score}分；“三公”经费未超预算，得5分。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found


@pytest.mark.parametrize("total, found", [("97.1", ["TOTAL_MISMATCH"]), ("98.1", [])])
def test_groups_named_then_their_scores_respectively_then_the_total(tmp_path, total, found):
    text = f"（五）总体得分。决策、过程、产出、效益分别得14分、24.5分、39.6分、20分，合计{total}分。\n"
    assert error_codes(checked(tmp_path, text)) == found        # 14 + 24.5 + 39.6 + 20 = 98.1


@pytest.mark.parametrize("final, found", [("95.22", ["TOTAL_MISMATCH"]), ("96.22", [])])
def test_a_sum_then_a_deduction_then_the_total_after_it(tmp_path, final, found):
    text = (f"一级指标得分：决策14分、过程19.82分、产出40分、效益23.4分，一级指标合计97.22分，"
            f"扣除审计发现问题扣分1分后，最终自评得分{final}分，等级为“优”。\n")
    assert error_codes(checked(tmp_path, text)) == found        # 97.22 − 1 = 96.22


def test_a_bonus_added_to_the_sum(tmp_path):
    text = "各项得分合计93.40分，加上获评省级示范加分1分后，综合得分{}分。\n"
    assert error_codes(checked(tmp_path, text.format("94.40"))) == []
    assert error_codes(checked(tmp_path, text.format("94.04"))) == ["TOTAL_MISMATCH"]


CARRIED = ("某县文化广电新闻出版旅游局2023年度部门整体支出绩效自评报告\n\n全年预算1,803.80万元，全年支出1,741.26万元，"
           "预算执行率96.53%。\n年末结转结余62.54万元，结转结余率{rate}，主要是项目尾款未到支付期。\n"
           "评分说明：结转结余率=年末结转结余÷全年预算数×100%，≤5%得3分。\n")


def test_the_carry_over_rate_by_the_definition_the_report_states(tmp_path):
    """"结转结余率=年末结转结余÷全年预算数×100%": the rate said with its amount against the report's 全年预算
    (62.54 ÷ 1,803.80 = 3.47%; 3.59% is over the spending) — a warning; with no such definition, nothing."""
    assert checked(tmp_path, CARRIED.format(rate="3.47%")).findings == []
    found = checked(tmp_path, CARRIED.format(rate="3.59%")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "3.47%" in found[0].message
    undefined = CARRIED.format(rate="3.59%").replace("结转结余率=年末结转结余÷全年预算数×100%，", "")
    assert checked(tmp_path, undefined).findings == []


def test_a_sources_share_of_the_years_income_said_before(tmp_path):
    """"本年收入25,981.63万元，其中：财政拨款收入25,213.48万元，占本年收入的95.84%": the share of the 本年收入 said before
    (97.04%; 95.84% is of the 收入总计 with the carry-over) — a warning."""
    text = ("某县教育局2023年度部门整体支出绩效自评报告\n\n2023年收入总计26,307.81万元，其中本年收入25,981.63万元，其中：财政拨款"
            "收入25,213.48万元，占本年收入的{share}。\n")
    assert checked(tmp_path, text.format(share="97.04%")).findings == []
    found = checked(tmp_path, text.format(share="95.84%")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "97.04%" in found[0].message


@pytest.mark.parametrize("said", ["经综合评价，该项目绩效自评得分为{}分。其中：预算执行率9.5分，产出指标46分，效益指标28分，满意度指标9分。",
                                  "自评结果：总分{}分，等级为优。产出指标46分，效益指标28分，满意度指标9分，预算执行9.5分。"])
def test_the_groups_scores_in_the_sentence_after_the_total(tmp_path, said):
    assert checked(tmp_path, said.format("92.5")).findings == []
    off = checked(tmp_path, said.format("93.5")).findings        # 9.5 + 46 + 28 + 9 = 92.5
    assert [(f.code, f.severity) for f in off] == [("TOTAL_MISMATCH", "error")]


SOURCE_ROW = """项目支出绩效自评表
| 项目资金（元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | 1,500,000.00 | 2,600,000.00 | 2,512,400.00 | 10 | 96.63% | 9.66 |
| | 其中：财政拨款 | 1,400,000.00 | 2,500,000.00 | 2,431,000.00 | — | 97.24% | — |
| | 其他资金 | 100,000.00 | 100,000.00 | 81,400.00 | — | 81.40% | — |

二、资金执行情况
项目全年支出251.24万元，预算执行率96.63%。其中财政拨款支出243.10万元，财政拨款执行率{rate}；其他资金支出8.14万元，执行率81.4%。
"""


def test_a_sources_rate_after_its_spending_against_its_row_of_the_funds_table(tmp_path):
    """"其中财政拨款支出243.10万元，财政拨款执行率…": its budget the form's 财政拨款 row's (250.00万元), not the project's."""
    assert checked(tmp_path, SOURCE_ROW.format(rate="97.24%")).findings == []
    over_the_whole = checked(tmp_path, SOURCE_ROW.format(rate="93.5%")).findings    # 243.10 ÷ 260.00: the wrong base
    assert [(f.code, f.severity) for f in over_the_whole] == [("STATED_RATE_MISMATCH", "warning")]
    assert "243.10÷250.00" in over_the_whole[0].message


def test_a_sources_rate_said_after_the_wholes_amounts_is_not_the_wholes(tmp_path):
    """"全年预算392.00万元，支出375.76万元，执行率95.86%。其中中央资金执行率100.00%，县级资金执行率92.34%": each
    source's own rate — not the whole's amounts' — while the whole's own rate is checked."""
    text = ("某县公益性岗位补贴项目绩效自评报告\n项目全年预算392.00万元，全年支出375.76万元，预算执行率{rate}。"
            "其中中央就业补助资金执行率100.00%，县级资金执行率92.34%。\n")
    assert checked(tmp_path, text.format(rate="95.86%")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(rate="98.56%")).findings] == ["STATED_RATE_MISMATCH"]


def test_a_rate_whose_budget_stands_two_sentences_back_in_its_paragraph(tmp_path):
    """"全年预算1,250.00万元。全年支出1,198.40万元。预算执行率为95.87%。": the paragraph's one 全年预算."""
    text = "某县2023年度部门整体支出绩效自评报告\n\n一、预算执行\n全年预算1,250.00万元。全年支出1,198.40万元。预算执行率为{rate}。\n"
    assert checked(tmp_path, text.format(rate="95.87%")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(rate="96.87%")).findings] == ["STATED_RATE_MISMATCH"]
