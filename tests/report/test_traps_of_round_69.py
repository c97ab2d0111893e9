"""Relations that look like errors and are not (the traps of development round 69, in our own words): a clause's own
indicator after clauses of others; 其中 rows that are parts of a part, or some of the projects of the last kind; a rule
of points per tenth of a percentage point; a rule of deductions the report states for every indicator; two projects'
totals in one sentence."""
from __future__ import annotations

from reading import checked, error_codes


def test_a_ceilings_clause_after_other_indicators_clauses(tmp_path):
    """"…亩产520公斤，完成率104.00%，得10分；…用药量2.8公斤，指标值≤3公斤，完成率107.14%，按100%计": the 104% is the
    yield's, not the ceiling's."""
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 效益指标 | 经济效益指标 | 示范田亩产 | ≥500公斤 | 520公斤 | 10 | 10 |\n"
            "| | 生态效益指标 | 示范田亩均用药量 | ≤3公斤 | 2.8公斤 | 10 | 10 |\n"
            "2.效益指标（20分，得20分）。示范田亩产520公斤，完成率104.00%，得10分；示范田亩均用药量2.8公斤，指标值≤3公斤，"
            "完成率107.14%，按100%计，得10分。\n")
    assert error_codes(checked(tmp_path, text)) == []


FUNDS = ("| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
         "| 合计 | {total} | 1,480.75 | 1,433.98 | 10 | 96.84% | 9.68 |\n"
         "| 一、基本支出 | 598.20 | 618.40 | 603.84 | — | — | — |\n"
         "| 人员经费 | 526.40 | 540.10 | 531.27 | — | — | — |\n"
         "| 公用经费 | 71.80 | 78.30 | 72.57 | — | — | — |\n"
         "| 二、项目支出 | 688.20 | 862.35 | 830.14 | — | — | — |\n")


def test_parts_of_a_part_under_it_are_no_parts_of_the_whole(tmp_path):
    """人员经费 + 公用经费 = 基本支出: 598.20 + 688.20 = 1,286.40, as the 合计 row says."""
    assert [f for f in checked(tmp_path, FUNDS.format(total="1,286.40")).findings if f.code == "SUM_MISMATCH"] == []
    # (… and a 合计 off the kinds is still said: 598.20 + 688.20 ≠ 1,268.40)
    assert "SUM_MISMATCH" in [f.code for f in checked(tmp_path, FUNDS.format(total="1,268.40")).findings]


def test_some_projects_of_the_last_kind_listed_after_the_kinds(tmp_path):
    text = ("| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |\n"
            "| 合计 | 2,648.30 | 2,905.10 | 2,812.44 | 96.81% |\n"
            "| 其中：基本支出 | 812.40 | 830.60 | 826.15 | 99.46% |\n"
            "| 项目支出 | 1,835.90 | 2,074.50 | 1,986.29 | 95.75% |\n"
            "| 基本公共卫生服务补助 | 1,040.00 | 1,120.00 | 1,096.32 | 97.89% |\n"
            "| 计划生育家庭奖励扶助 | 172.80 | 172.80 | 172.80 | 100.00% |\n")
    assert [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"] == []


def test_points_taken_per_tenth_of_a_percentage_point(tmp_path):
    """"每低0.1个百分点扣0.2分", the rule said for the indicator by name: 98% aimed at, 97.6% reached — 0.4 short,
    4 × 0.2 = 0.8 off 8."""
    text = ("评分规则：1.结转结余率≤5%得满分，每超过1个百分点扣1分；2.监督抽检合格率：达到目标得满分，每低0.1个百分点扣0.2分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 质量指标 | 监督抽检合格率 | ≥98% | 97.6% | 8 | {score} |\n"
            "| 满意度指标 | 满意度指标 | 群众满意度 | ≥90% | 95% | 92 | 92 |\n")
    assert [f for f in checked(tmp_path, text.format(score="7.2")).findings if f.code == "SCORE_MISMATCH"] == []


def test_a_deduction_rule_the_report_states_for_every_indicator(tmp_path):
    """"定量指标每低1个百分点扣0.5分": 75% aimed at, 72.6% reached — 2.4 × 0.5 = 1.2 off 8, 6.8 as said; the
    proportion (7.74) is not the report's rule."""
    text = ("评分办法：定量指标达到目标值的得满分，每低1个百分点扣0.5分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 重点人群签约率 | 8 | ≥75% | 72.60% | {score} |\n"
            "| 满意度指标 | 满意度指标 | 群众满意度 | 92 | ≥90% | 95% | 92 |\n")
    assert [f for f in checked(tmp_path, text.format(score="6.8")).findings if f.code == "SCORE_MISMATCH"] == []
    assert "SCORE_MISMATCH" in [f.code for f in checked(tmp_path, text.format(score="7.8")).findings]


def test_two_projects_totals_in_one_sentence(tmp_path):
    text = ("某县农业农村局2024年度项目支出绩效自评报告\n"
            "经自评，耕地地力保护补贴项目自评得分99.46分，农机购置补贴项目自评得分98.00分，等级均为“优”。\n"
            "附表1 耕地地力保护补贴项目绩效自评表\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 补贴发放面积 | ≥50万亩 | 49.73万亩 | 50 | 49.73 |\n"
            "| 满意度指标 | 满意度指标 | 农户满意度 | ≥90% | 92% | 50 | 50 |\n"
            "| 总分 | | | | | 100 | 99.73 |\n")
    assert [f for f in checked(tmp_path, text.replace("99.73", "99.46").replace("49.73 |", "49.46 |")
                                .replace("49.73万亩", "49.46万亩")).findings if f.code == "TOTAL_MISMATCH"] == []


def test_completion_bands_said_with_a_sign_a_note_and_shares_of_the_points(tmp_path):
    """"完成率≥100%得满分（完成率超过100%的不加分），90%（含）—100%得80%分值": 28 ÷ 30 = 93.33% scores 8 of 10."""
    text = ("评分说明：定量指标完成率=实际完成值÷年度指标值，完成率≥100%得满分（完成率超过100%的不加分），90%（含）—100%得80%分值，"
            "80%（含）—90%得60%分值，80%以下不得分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 平价蔬菜网点数 | ≥30个 | 28个 | 10 | {score} |\n"
            "| 满意度指标 | 满意度指标 | 种植户满意度 | ≥90% | 94.6% | 90 | 90 |\n")
    assert [f for f in checked(tmp_path, text.format(score="8")).findings if f.code == "SCORE_MISMATCH"] == []
    assert "SCORE_MISMATCH" in [f.code for f in checked(tmp_path, text.format(score="10")).findings]


def test_a_budgets_parts_said_in_the_next_sentence_one_of_them_named_as_funds(tmp_path):
    """"全年预算306.00万元。其中下达各镇工程补助资金281.40万元，县级统筹经费24.60万元。…支出292.36万元，预算执行率95.54%":
    the 281.40 is a part of the budget, not the base of the rate (292.36 ÷ 306.00 = 95.54%)."""
    text = ("二、资金安排\n年初县级预算安排120.00万元，年中收到省级补助资金186.00万元，全年预算306.00万元。"
            "其中下达各镇工程补助资金281.40万元，县级统筹水质检测经费24.60万元。截至2024年12月31日，项目共支出292.36万元，"
            "预算执行率95.54%。\n")
    assert [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"] == []
