"""Scores a report gives by conventions of its own, which are no errors: a ceiling named so without its sign
(清运时间, 投诉件数), full marks above a line the report states, a shortfall's score rounded to whole points."""
from __future__ import annotations

import pytest

from reading import checked, error_codes

FORM = ("某县2024年度城市管理局项目支出绩效自评报告\n\n{rule}\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n{rows}")


def form(rows: list[str], rule: str = "") -> str:
    return FORM.format(rule=rule, rows="".join(f"| 产出指标 | 数量指标 | {row} |\n" for row in rows))


@pytest.mark.parametrize("row", ["垃圾清运时间 | 24小时 | 12小时 | 10 | 10", "市民投诉件数 | 60件 | 37件 | 10 | 10",
                                 "问题整改天数 | 5天 | 3天 | 10 | 10", "安全事故起数 | 2起 | 1起 | 10 | 10",
                                 "次均门诊费用 | 260元 | 241元 | 10 | 10", "超期未办结件数 | 6件 | 2件 | 10 | 10",
                                 "窗口排队等候时间 | 15分钟 | 9分钟 | 10 | 10", "脱贫人口返贫户数 | 8户 | 3户 | 10 | 10",
                                 "项目实施周期 | 12个月 | 10个月 | 10 | 10", "道路改造工期 | 180天 | 165天 | 10 | 10"])
def test_a_ceiling_named_so_and_kept_under_is_scored_full(tmp_path, row):
    assert error_codes(checked(tmp_path, form([row]))) == []


def test_a_floor_of_those_words_is_still_a_floor(tmp_path):
    """"服务时间" is no ceiling: 8 hours aimed at, 6 given, scored full — a shortfall scored full."""
    assert error_codes(checked(tmp_path, form(["窗口服务时间 | 8小时 | 6小时 | 10 | 10"]))) == ["SCORE_MISMATCH"]


ROWS = ["体检人数 | 5000人 | 4860人 | 20 | 20", "体检报告合格率 | 100% | 97% | 20 | 20"]


@pytest.mark.parametrize("rule", ["评分方法：完成目标值95%以上的，得该指标全部分值；低于95%的按比例得分。",
                                  "评分方法：实际完成值达到指标值的95%及以上计满分，未达到的按实际完成比例计分。",
                                  "评分方法：定量指标完成率≥95%的得满分，低于95%的按完成率乘以分值计分。",
                                  "评分方法：完成率在95%以上的不扣分。",
                                  "评分说明：定量指标完成目标值的95%及以上的，视同完成，记满分；低于95%的按比例计分。",
                                  "填报说明：定量指标全年完成值达到指标值（调整了指标值的按调整指标值）95%及以上的，得分系数为100%。"])
def test_full_marks_above_the_line_the_report_states(tmp_path, rule):
    assert error_codes(checked(tmp_path, form(ROWS, rule))) == []


def test_full_marks_below_that_line_are_a_shortfall_scored_full(tmp_path):
    rule = "评分方法：完成率在98%以上的不扣分，低于98%的按比例计分。"
    assert error_codes(checked(tmp_path, form(ROWS, rule))) == ["SCORE_MISMATCH", "SCORE_MISMATCH"]


def test_a_shortfalls_score_in_whole_points_is_the_proportional_one_rounded(tmp_path):
    """20 × 96% = 19.2 written "19": the report's precision; "18" is off it, and "20" full marks for a shortfall."""
    rows = ["体检报告合格率 | 100% | 96% | 20 | {score}", "培训人次 | 300人次 | 270人次 | 10 | 9"]
    assert error_codes(checked(tmp_path, form([r.format(score="19") for r in rows]))) == []
    assert [f.code for f in checked(tmp_path, form([r.format(score="18") for r in rows])).findings] == ["SCORE_MISMATCH"]
    assert error_codes(checked(tmp_path, form([r.format(score="20") for r in rows]))) == ["SCORE_MISMATCH"]


@pytest.mark.parametrize("scale", ["得分≥85为优；70≤得分<85为良；60≤得分<70为中；得分<60为差",
                                   "总分≥85分为优，70分≤总分<85分为良，60分≤总分<70分为中"])
def test_the_grade_lines_written_with_signs(tmp_path, scale):
    """The report's own lines, the score between signs: 86.5 is 优 by them (by 90/80/60 it would be 良), 84.5 is 良."""
    text = "某县2024年度项目支出绩效自评报告\n\n评价等级划分：{scale}。经自评，综合得分{total}分，评价等级为“优”。\n"
    assert [f.code for f in checked(tmp_path, text.format(scale=scale, total="86.5")).findings] == []
    assert error_codes(checked(tmp_path, text.format(scale=scale, total="84.5"))) == ["GRADE_MISMATCH"]


def test_the_total_said_after_the_rules_that_give_it(tmp_path):
    """"评分规则：…。按此规则，本项目2024年度自评价得分96.4分，等级为“优秀”。": the sentence that applies the rules is
    the report's own claim (the total and its grade), not a rule."""
    text = ("某县2024年度公共自行车运营项目支出绩效自评报告\n\n评分规则：预算执行得分＝执行率×10分；定量指标达到年度指标值的得满分。"
            "按此规则，本项目2024年度自评价得分{total}分，等级为“优秀”（90分及以上为优秀）。\n")
    result = checked(tmp_path, text.format(total="96.4"))
    assert result.facts.total.value == 96.4 and result.facts.grade[0] == "优"
    assert error_codes(checked(tmp_path, text.format(total="86.4"))) == ["GRADE_MISMATCH"]


def test_a_rate_written_as_a_fraction_is_no_shortfall(tmp_path):
    """"100%" aimed at and "1" achieved (or "0.95" and "97%"): one measure written two ways, not 1% of it."""
    rows = ["开工率 | 100% | 1 | 10 | 10", "验收合格率 | 0.95 | 97% | 10 | 10"]
    assert error_codes(checked(tmp_path, form(rows))) == []
    assert error_codes(checked(tmp_path, form(["开工率 | 100% | 81% | 10 | 10"]))) == ["SCORE_MISMATCH"]


def test_a_score_worked_out_from_the_completion_as_written(tmp_path):
    """9,127 ÷ 9,500 = 96.07% (96.0737…), 7 × 96.07% = 6.72 — from the unrounded rate it is 6.73: the report's
    rounding, no error; 6.37 (6.73 with two digits swapped) is a slip."""
    rows = ["健康管理人数 | ≥9500人 | 9127人 | 7 | {score}"]
    assert error_codes(checked(tmp_path, form([r.format(score="6.72") for r in rows]))) == []
    assert error_codes(checked(tmp_path, form([r.format(score="6.37") for r in rows]))) == ["SCORE_MISMATCH"]


def test_a_list_of_parts_begun_before_a_semicolon(tmp_path):
    """"全年预算486.00万元，其中：年初安排156.00万元；年中收到…180.00万元、…150.00万元" — every part named."""
    text = ("某县2024年度家庭医生签约服务项目支出绩效自评报告\n\n2024年项目全年预算{whole}万元，其中：年初县级预算安排156.00万元；"
            "年中收到中央补助资金180.00万元（某财社〔2024〕41号）、自治区补助资金150.00万元（某财社〔2024〕133号）。\n")
    assert [f.code for f in checked(tmp_path, text.format(whole="486.00")).findings] == []


COMPLETIONS = ("某县2024年度项目支出绩效自评报告\n\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n"
               "| 产出指标 | 时效指标 | 审批办理时限 | ≤30天 | {actual}天 | {completion} | 10 | {score} |\n")


def test_a_ceiling_kept_under_said_as_one_plus_the_share_left(tmp_path):
    """"≤30天，实际25天，完成率116.67%" (1 + (30 − 25) ÷ 30): a convention for a ceiling kept under, no error — but
    a ceiling exceeded is scored by the reverse method (1 + (30 − 33) ÷ 30 = 90% is no convention of it)."""
    assert checked(tmp_path, COMPLETIONS.format(actual="25", completion="116.67%", score="10")).findings == []
    assert [f.code for f in checked(tmp_path, COMPLETIONS.format(actual="25", completion="161.67%", score="10")).findings] \
        == ["COMPLETION_MISMATCH"]


def test_a_shortfall_the_report_says_it_does_not_deduct_for_is_a_warning(tmp_path):
    """"受疫情影响，属不可抗力，不予扣分" beside a full score for 45 of 50: the report's own judgment, no slip of arithmetic —
    a warning that names it; without those words, full marks for the shortfall stay an error."""
    said = form(["带动就业人数 | 50人 | 45人 | 20 | 20 | 受疫情影响，属不可抗力，不予扣分"])
    found = checked(tmp_path, said).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "warning")] and "不予扣分" in found[0].message
    assert error_codes(checked(tmp_path, form(["带动就业人数 | 50人 | 45人 | 20 | 20 | 受疫情影响"]))) == ["SCORE_MISMATCH"]


DEDUCTED = ("某县农业农村局2024年度项目支出绩效自评报告\n三、绩效目标完成情况\n"
            "1.耕地保护面积。目标≥8万亩，实际完成7.75万亩，本项分值10分，少完成2,500亩，扣{taken}分，得{score}分。\n")


def test_a_shortfall_deducted_in_the_scores_own_sentence_and_adding_up_is_its_own_rule(tmp_path):
    """10 − 0.2 = 9.8: the report's own deduction for 2,500亩 short (in proportion it would be 9.69) — said whole."""
    result = checked(tmp_path, DEDUCTED.format(taken="0.2", score="9.8"))
    assert [i.self_score.value for i in result.facts.indicators] == [9.8]
    assert [f.code for f in result.findings] == []


def test_a_deduction_said_that_does_not_give_the_score_is_still_checked(tmp_path):
    """10 − 0.2 is not 9.5: the score follows neither the deduction said nor the proportion."""
    result = checked(tmp_path, DEDUCTED.format(taken="0.2", score="9.5"))
    assert [f.code for f in result.findings] == ["SCORE_MISMATCH"]
