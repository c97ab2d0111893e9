"""The 预算执行率 item's points read from how the report scores it, its score said alone; a row's own rule of its rate times its points
(engine/report/execution_points.py)."""
from __future__ import annotations

import pytest

from reading import checked, execution

REPORT = """某县2024年送戏下乡项目支出绩效自评报告
二、预算执行情况
全年预算180.00万元，实际支出171.36万元，预算执行率95.20%。
四、自评结论
{rule}
经自评，本项目预算执行率得{score}分；产出指标得48.33分；效益指标得30分；满意度指标得10分。
"""


@pytest.mark.parametrize("rule", ["按照评分办法，预算执行率分值10分，得分=执行率×10分。",
                                  "按照评分规则，资金执行率按10分×资金执行率计分。",
                                  "各项分值为预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。"])
def test_the_points_said_in_the_rule_and_the_score_said_alone(tmp_path, rule):
    assert execution(checked(tmp_path, REPORT.format(rule=rule, score="9.52"))) == (10, 9.52)


def test_a_score_off_the_rule_is_checked_against_the_rate(tmp_path):
    """10 × 95.20% = 9.52, not 9.25: said (a warning, by the framework the report's figures suggest)."""
    result = checked(tmp_path, REPORT.format(rule="预算执行率分值10分，得分=执行率×10分。", score="9.25"))
    assert [(f.code, f.severity) for f in result.findings] == [("SCORE_MISMATCH", "warning")]
    assert "9.52" in result.findings[0].message


def test_two_points_or_none_said_give_no_item(tmp_path):
    two = "预算执行率分值10分，得分=执行率×10分；子项目资金执行率5分。"
    assert not [i for i in checked(tmp_path, REPORT.format(rule=two, score="9.52")).facts.items
                if i.row_id == "budget_execution"]
    none = "预算执行率按比例计分。"
    assert not [i for i in checked(tmp_path, REPORT.format(rule=none, score="9.52")).facts.items
                if i.row_id == "budget_execution"]


def test_the_execution_items_points_from_the_list_of_its_groups(tmp_path):
    """"一级指标为预算执行（10分）、产出（50分）、效益（30分）、满意度（10分）" and, later, "部门预算执行率为97.12%…得8.56分":
    the execution item takes the points its group is listed with, where no other rule gives them."""
    from reading import checked
    text = ("某县气象局2023年度部门整体支出绩效自评报告\n四、评分\n按照县财政局印发的评分办法：一级指标为预算执行（10分）、产出（50分）、"
            "效益（30分）、满意度（10分）。\n经自评，本项目预算执行率得8.56分。\n部门预算执行率为97.12%。\n")
    items = [(i.weight and i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items if i.row_id == "budget_execution"]
    assert items == [(10, 8.56)]


ROW_RULE = ("某县住建局2023年度部门整体支出绩效自评报告\n\n附件 评分表\n"
            "一级指标   二级指标   三级指标                  分值  评分说明                                        得分\n"
            "运行成本   成本控制   公用经费控制率            3     决算221.85万元÷预算236.40万元=93.85%，          3\n"
            "                                                      不超过100%得满分\n"
            "                      政府采购执行率            3     采购金额1,198.72万元÷采购预算1,236.50万元        {score}\n"
            "                                                      ＝96.94%，得分＝执行率×3\n")


@pytest.mark.parametrize("score, found", [("2.91", []), ("3", [("SCORE_MISMATCH", "error")])])
def test_a_rows_own_rule_of_its_rate_times_its_points_wrapped_onto_the_next_line(tmp_path, score, found):
    """"＝96.94%，得分＝执行率×3" on the line the row's 评分说明 wraps onto: 3 × 96.94% = 2.91; full marks are an error."""
    assert [(f.code, f.severity) for f in checked(tmp_path, ROW_RULE.format(score=score)).findings] == found


# an indicator form's 预算执行率 row with no target, the report stating 得分=执行率×10 (1,290.55 ÷ 1,378.20 = 93.6403%)
ROW = """预算执行率得分=执行率×10。全年预算1,378.20万元，支出1,290.55万元，执行率{rate}。
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 预算执行 | 预算执行 | 预算执行率 | — | {rate} | 10 | {score} |
| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 90 | 90 |
"""


def test_an_execution_row_scored_from_its_rate_before_rounding(tmp_path):
    """93.6403% said as 93.64%: 10 × it is 9.36, as said — the rate's rounding, no slip. 93.6% (one decimal) stands for
    too wide a span: 9.63 against 9.36 is still an error."""
    assert checked(tmp_path, ROW.format(rate="93.64%", score="9.36")).findings == []
    at_its_end = checked(tmp_path, ROW.format(rate="93.65%", score="9.36"))   # (93.645–93.655%: 9.3645–9.3655)
    assert [f.code for f in at_its_end.findings if f.severity == "error"] == []
    wrong = checked(tmp_path, ROW.format(rate="93.64%", score="9.63"))
    assert "SCORE_MISMATCH" in [f.code for f in wrong.findings if f.severity == "error"]
