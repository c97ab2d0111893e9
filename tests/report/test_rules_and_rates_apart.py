"""Rates said apart from their operands, rules a row or the report states for it, and words that only look like a
grade: each case as reports write it (our own words)."""
from __future__ import annotations

from reading import checked, error_codes, indicator_values

HEAD = "关于2024年度项目支出绩效自评的报告\n一、项目基本情况\n"


def _findings(result) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity) for f in result.findings)


def test_a_word_run_on_after_a_grade_label_is_no_grade(tmp_path):
    text = (HEAD + "    项目自评得分96.5分，自评中发现的问题已列入整改清单。评价等级为“优”。\n")
    result = checked(tmp_path, text)
    assert result.facts.grade[0] == "优" and result.findings == []


def test_a_sources_payment_rate_said_in_another_section(tmp_path):
    text = (HEAD + "    项目资金2,280.00万元，其中中央资金1,200.00万元、自治区资金1,080.00万元。\n"
            "二、资金使用情况\n    分资金来源看，中央资金1,200.00万元，已支付1,171.56万元；自治区资金1,080.00万元，已支付1,034.00万元。\n"
            "三、存在的问题\n    资金支付不够均衡，中央资金支付率{rate}，仍有部分资金结转。\n")
    assert checked(tmp_path, text.format(rate="97.63%")).findings == []        # 1,171.56 ÷ 1,200.00
    assert _findings(checked(tmp_path, text.format(rate="97.36%"))) == [("STATED_RATE_MISMATCH", "warning")]


def test_an_arrival_rate_said_alone_against_what_arrived_in_the_year(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、预算情况\n    年初预算2,846.50万元，调整后全年预算4,483.80万元。\n"
            "二、资金到位\n    全年实际到位资金4,402.60万元，尚有81.20万元未到位。\n"
            "三、执行情况\n    全年支出4,230.37万元，全年预算执行率94.35%，资金到位率{rate}。\n")
    assert checked(tmp_path, text.format(rate="98.19%")).findings == []        # 4,402.60 ÷ 4,483.80
    assert _findings(checked(tmp_path, text.format(rate="98.91%"))) == [("STATED_RATE_MISMATCH", "warning")]


def test_a_funds_payment_rate_against_the_table_row_that_spent_as_much(tmp_path):
    text = (HEAD + "    财政衔接资金320.00万元，群众自筹8.64万元，项目总投资328.64万元。\n"
            "二、资金支付\n    财政衔接资金已支付308.44万元，支付率{rate}。\n\n"
            "| 项目资金 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 328.64 | 317.08 | 10 | 96.48% | 9.65 |\n"
            "| 其中：财政拨款 | 320.00 | 308.44 | — | 96.39% | — |\n"
            "| 其他资金 | 8.64 | 8.64 | — | 100.00% | — |\n")
    assert checked(tmp_path, text.format(rate="96.39%")).findings == []
    # 308.44 ÷ 328.64: the total with the 自筹 taken for the fund's budget
    assert _findings(checked(tmp_path, text.format(rate="93.85%"))) == [("STATED_RATE_MISMATCH", "warning")]


def test_a_score_said_before_another_rate_of_the_sentence_is_not_that_rates(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、过程指标\n"
            "    预算执行率95.44%，按“执行率×8分”得7.64分；政府采购执行率92.00%，低于95%的标准3个百分点，按每个百分点扣0.5分"
            "得1.5分。\n")
    assert error_codes(checked(tmp_path, text)) == []
    assert "SCORE_MISMATCH" in error_codes(checked(tmp_path, text.replace("得7.64分", "得7.46分")))  # 8 × 95.44% = 7.64


SUBTOTALLED = """2024年度部门整体支出绩效自评评分表
| 一级指标 | 三级指标 | 分值 | 评分标准 | 完成情况 | 得分 |
| 决策 | 绩效目标合理性 | 10 | 目标明确得10分 | 明确 | 10 |
| | 重点支出安排率 | 10 | ≥90%得10分；80%（含）—90%得8分；80%以下得6分 | 86.72% | {key} |
| 过程 | 资金使用合规性 | 30 | 发现一处问题扣1分，扣完为止 | 无 | 30 |
| 效益 | 服务对象满意度 | 50 | ≥90%得满分，未达到按比例计分 | 93.2% | 50 |
| | 获市级表彰 | | 获市级表彰加1分 | 已获 | 1 |
| | 小计（含加分1分） | 50 | | | 51 |
| 合计 | | 100 | | | {total} |
"""


def test_a_rows_own_bands_score_it_and_a_subtotal_said_to_hold_the_bonus_may_pass_its_points(tmp_path):
    result = checked(tmp_path, SUBTOTALLED.format(key="8", total="99"))
    assert result.findings == []
    banded = checked(tmp_path, SUBTOTALLED.format(key="10", total="101"))        # 86.72% is in the 8-point band
    assert [(f.code, f.where) for f in banded.findings if f.severity == "error"] == [("SCORE_MISMATCH", "第4行")]


LEVELS = """项目支出绩效评价指标评分表
| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 指标值 | 实际完成值 | 得分 |
| 项目产出 | 60 | 产出数量 | 30 | 危房改造户数 | 30 | ≥420户 | 396户 | {homes} |
| | | 产出质量 | 30 | 竣工验收合格率 | 30 | 100% | 100% | 30 |
| 项目效益 | 40 | 满意度 | 40 | 受益农户满意度 | 40 | ≥90% | 86.4% | 38.4 |
| 合计 | 100 | | 100 | | 100 | | | {total} |
"""


def test_a_form_whose_every_level_has_its_points_scores_a_row_by_the_last(tmp_path):
    result = checked(tmp_path, LEVELS.format(homes="28.29", total="96.69"))   # 396 ÷ 420 × 30 = 28.29
    assert indicator_values(result)["危房改造户数"] == (420, 396, 30, 28.29)
    assert error_codes(result) == []
    assert "SCORE_MISMATCH" in error_codes(checked(tmp_path, LEVELS.format(homes="30", total="98.4")))


def test_an_equal_target_in_a_rows_words_makes_it_an_indicator(tmp_path):
    text = ("评分表\n| 三级指标 | 分值 | 评分依据 | 得分 |\n"
            "| 生态护林员选聘人数 | 40 | 目标=420人，实际420人 | 40 |\n"
            "| 造林绿化面积 | 60 | 目标≥1.2万亩，完成1.26万亩 | 60 |\n| 合计 | 100 | | 100 |\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["生态护林员选聘人数"] == (420, 420, 40, 40) and values["造林绿化面积"] == (1.2, 1.26, 60, 60)


def test_a_deduction_per_point_the_report_states_for_an_indicator_by_name(tmp_path):
    text = ("评分说明：定量指标按完成率计分；农村卫生厕所普及率每低于年度指标值1个百分点扣1分（不足1个百分点的按比例扣减）。\n"
            "| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 效益指标 | 农村卫生厕所普及率 | ≥85% | 83.2% | 10 | {score} |\n"
            "| 产出指标 | 改厕户数 | ≥3000户 | 3000户 | 90 | 90 |\n")
    assert checked(tmp_path, text.format(score="8.2")).findings == []        # 1.8 points short: 10 − 1.8
    assert "SCORE_MISMATCH" in [f.code for f in checked(tmp_path, text.format(score="9.8")).findings]
