"""The total said twice with two values: a warning at the one the item scores do not add up to;
a bonus between them, a project's total or the full mark are no second total."""
from __future__ import annotations

import pytest

from reading import checked

SCORED = """某县2024年度水利局部门整体支出绩效自评报告
摘要：经自评，2024年度部门整体支出绩效自评得分为{first}分，评价等级为“优”。
四、评分情况
| 一级指标 | 分值 | 得分 |
| 决策 | 20 | 18.5 |
| 过程 | 30 | 28.33 |
| 产出 | 30 | 29.7 |
| 效益 | 20 | 19.71 |
| 合计 | 100 | 96.24 |
五、结论
经自评，我局2024年度部门整体支出绩效自评得分96.24分，评价等级为“优”。
"""


def totals(result):
    return [f for f in result.findings if f.code == "TOTAL_MISMATCH"]


def test_the_summary_says_another_total_than_the_items_add_up_to(tmp_path):
    result = checked(tmp_path, SCORED.format(first="96.42"))
    found = totals(result)
    assert [(f.severity, f.where) for f in found] == [("warning", "第2行")]
    assert "96.42" in found[0].message and "96.24" in found[0].message
    assert result.facts.total.value == 96.24          # the report's total: the one its items add up to


def test_the_same_total_said_twice_is_no_finding(tmp_path):
    assert totals(checked(tmp_path, SCORED.format(first="96.24"))) == []


def test_the_same_total_said_to_fewer_places_is_no_finding(tmp_path):
    """"得分96.2分" and the table's 96.24: one total, rounded; the finer one is the report's total."""
    result = checked(tmp_path, SCORED.format(first="96.2"))
    assert totals(result) == [] and result.facts.total.value == 96.24
    assert [f.severity for f in totals(checked(tmp_path, SCORED.format(first="96.3")))] == ["warning"]


def test_a_bonus_between_the_two_is_no_second_total(tmp_path):
    text = ("综上，我馆2024年度部门整体支出绩效自评总分为97.81分（其中指标得分96.81分、加分1分），评价等级为“优”。\n"
            "经自评，我馆2024年度部门整体支出绩效自评得分96.81分，评价等级为“优”。\n")
    assert totals(checked(tmp_path, text)) == []


def test_a_projects_total_in_a_departments_report_is_not_the_departments(tmp_path):
    text = ("某区城管局2024年度部门整体支出绩效自评报告\n"
            "本部门在决算中反映垃圾分类运维项目绩效自评结果。该项目自评得分为96.4分，评价等级为“优”。\n"
            "经自评，本部门2024年度部门整体支出绩效自评得分99.12分，评价等级为“优”。\n")
    assert totals(checked(tmp_path, text)) == []


def test_two_totals_and_no_items_to_tell_which_is_a_warning(tmp_path):
    text = ("摘要：经自评，2024年度部门整体支出绩效自评得分97.14分，评价等级为“优”。\n"
            "综上，2024年度部门整体支出绩效自评得分97.41分，评价等级为“优”。\n")
    found = totals(checked(tmp_path, text))
    assert [f.severity for f in found] == ["warning"]


def test_the_indicators_and_the_execution_item_are_one_more_sum(tmp_path):
    """Indicators scored one by one whose 分值 make 100 with the 预算执行率 item: their scores are a sum a total may be."""
    from engine.report.total_twice import _sums_of_items
    text = ("二、绩效指标完成情况\n1.预算执行率（分值10分）。预算执行率97.20%，得9.72分。\n"
            "培训场次目标≥10场，实际10场，分值45分，得45分；受训人数目标≥200人，实际230人，分值45分，得{x}分。\n")
    assert 99.72 in _sums_of_items(checked(tmp_path, text.format(x="45")).facts)
    assert _sums_of_items(checked(tmp_path, text.format(x="45").replace("分值45分，得45分；", "分值40分，得40分；")).facts) == []


def test_a_projects_total_against_its_indicators(tmp_path):
    """A 项目支出 report's one total against its indicators' scores whose 分值 make 100 (no items read)."""
    text = ("某县农村公路日常养护项目支出绩效自评报告\n经评价组按评分表逐项打分，本项目自评得分{x}分。\n"
            "| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 产出指标 | 县乡道养护里程 | ≥650公里 | 651.5公里 | 40 | 40 |\n| 产出指标 | 水毁抢修及时率 | ≥95% | 92% | 30 | 29.05 |\n"
            "| 满意度指标 | 沿线群众满意度 | ≥90% | 93.2% | 20 | 20 |\n| 预算执行 | 预算执行率 | 100% | 96.51% | 10 | 9.65 |\n")
    assert totals(checked(tmp_path, text.format(x="98.70"))) == []
    assert [f.severity for f in totals(checked(tmp_path, text.format(x="98.07")))] == ["error"]


def test_the_conclusions_total_and_an_items_deduction_of_the_gap(tmp_path):
    """"综上，项目自评得分94.00分。" is the conclusion's total (its grade in the next sentence); an item's "扣1分" is in
    its score, no bonus between the two totals (95 for 94: one digit wrong, an error) — but "扣除扣分项1分后" is."""
    text = ("某县文旅局2023年度城市书房项目支出绩效自评报告\n摘要：项目自评得分{first}分，评价等级为“优”。\n四、评分\n"
            "| 指标 | 分值 | 得分 |\n| 书房数量 | 10 | 10 |\n| 投运时间 | 10 | 9 |\n| 读者满意度 | 80 | 75 |\n| 合计 | 100 | 94.00 |\n"
            "投运时间延迟不足1个月，扣1分。\n五、结论\n综上，项目自评得分94.00分。按等级标准（90分（含）以上为优），评价等级为“优”。\n")
    assert totals(checked(tmp_path, text.format(first="94.00"))) == []
    found = totals(checked(tmp_path, text.format(first="95.00")))
    assert [(f.severity, f.where) for f in found] == [("error", "第2行")]
    penalty = ("各项指标得分合计95.7分，扣除扣分项1分后，2022年度部门整体支出绩效自评得分为94.70分，等级为“优”。\n"
               "摘要：经自评，2022年度部门整体支出绩效自评得分94.70分，等级为“优”。\n")
    assert totals(checked(tmp_path, penalty)) == []


def test_the_frameworks_groups_listed_then_their_合计(tmp_path):
    text = "四、评价结论\n以上决策14.5分、过程24.5分、产出39.34分、效益20分，合计{x}分。\n"
    assert checked(tmp_path, text.format(x="98.34")).findings == []
    found = checked(tmp_path, text.format(x="98.43")).findings
    assert [(f.code, f.severity) for f in found] == [("TOTAL_MISMATCH", "error")]
    # a group's 合计 of items its sentence may not all list is not checked so
    part = "（二）过程。其中预算执行8分、资金管理7分，合计19分。\n"
    assert checked(tmp_path, part).findings == []


def test_the_projects_own_total_in_its_report(tmp_path):
    text = ("某县司法局2023年度法律援助项目支出绩效自评报告\n经自评，该项目得分{x}分，评价等级为“优”。自评表如下：\n"
            "| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 19.5 |\n| 过程 | 20 | 19.6 |\n| 产出 | 40 | 40 |\n| 效益 | 20 | 20 |\n"
            "| 合计 | 100 | 99.1 |\n")
    assert totals(checked(tmp_path, text.format(x="99.1"))) == []
    assert [f.where for f in totals(checked(tmp_path, text.format(x="99.9")))] == ["第2行"]


def test_a_group_row_against_the_rows_under_it(tmp_path):
    """A 评分表 of two levels: the group's row (second cell empty) against its rows (first cell empty) whose points make
    up its own; sibling rows of one level are no group's."""
    text = ("| 一级指标 | 二级指标 | 分值 | 得分 |\n| 决策 |  | 15 | 14.5 |\n|  | 目标设定 | 8 | 8 |\n|  | 预算编制 | 7 | 6.5 |\n"
            "| 产出 |  | 35 | {x} |\n|  | 招商签约项目数 | 10 | 10 |\n|  | 亿元以上项目数 | 8 | 8 |\n"
            "|  | 标准化厂房建设面积 | 9 | 8.1 |\n|  | 企业服务事项办结率 | 8 | 8 |\n")
    assert checked(tmp_path, text.format(x="34.1")).findings == []
    found = checked(tmp_path, text.format(x="34.4")).findings
    assert [(f.code, f.severity) for f in found] == [("TOTAL_MISMATCH", "error")] and "34.10" in found[0].message
    siblings = "| 二级指标 | 分值 | 得分 |\n| 预算执行 | 20 | 18.8 |\n| 预算管理 | 10 | 9.5 |\n| 资产管理 | 10 | 9.6 |\n"
    assert checked(tmp_path, siblings).findings == []


PROJECT = """某县林业局2023年度松材线虫病防治项目支出绩效自评报告
【摘要】全年预算270.00万元，实际支出260.78万元。经自评，项目得分{first}分，评价等级为“优”。
四、评分情况
| 一级指标 | 分值 | 得分 |
| 决策 | 15 | 15 |
| 过程 | 25 | 24.66 |
| 产出 | 40 | 38 |
| 效益 | 20 | 15 |
五、结论
经综合评定，该县林业局2023年度松材线虫病防治项目自评得分92.66分，评价等级为“优”。
"""


def test_a_total_said_twice_off_the_items_sum_by_no_slips_shape_is_a_warning(tmp_path):
    """The one total the items add up to, the other off it otherwise than a slip of the hand: a warning that says so."""
    found = totals(checked(tmp_path, PROJECT.format(first="89.07")))
    assert [(f.severity, f.where) for f in found] == [("warning", "第2行")] and "不似笔误" in found[0].message


def test_a_project_summarys_score_after_its_evaluation_said(tmp_path):
    result = checked(tmp_path, PROJECT.format(first="92.86"))      # 15 + 24.66 + 38 + 15 = 92.66
    assert [(f.severity, f.where) for f in totals(result)] == [("error", "第2行")]     # one digit wrong: a slip
    assert result.facts.total.value == 92.66
    assert totals(checked(tmp_path, PROJECT.format(first="92.66"))) == []


def test_two_totals_after_the_bonus_one_without_its_deduction(tmp_path):
    """"合计（加减分前）100 96.52", a bonus of 1 and a deduction of 0.5: the total is 97.02, said at the end; the 摘要's
    97.52 left the deduction out. The gap (0.5) is a deduction said, but neither total is the items' sum — a warning."""
    text = ("某街道办事处2023年度部门整体支出绩效自评报告\n摘要：经自评，本街道2023年度部门整体支出绩效自评综合得分{summary}分，评价等级为优。\n"
            "| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 18.5 |\n| 过程 | 30 | 28.33 |\n| 产出 | 30 | 29.98 |\n| 效益 | 20 | 19.71 |\n"
            "| 合计（加减分前） | 100 | 96.52 |\n加分项：获评市级先进街道，加1分；扣分项：审计发现问题1个，扣0.5分。\n"
            "经自评，本街道2023年度部门整体支出绩效自评最终得分97.02分，评价等级为优。\n")
    assert [f.code for f in checked(tmp_path, text.format(summary="97.02")).findings] == []
    found = checked(tmp_path, text.format(summary="97.52")).findings
    assert [(f.code, f.severity) for f in found] == [("TOTAL_MISMATCH", "warning")] and "97.52" in found[0].message


def test_a_covers_field_of_the_total_is_a_total_said(tmp_path):
    """"自评得分：93.85分" on a cover's lines of fields (last year's left there) against the items' 97.82: a warning."""
    text = ("某区城市管理委员会2023年度部门整体支出绩效自评报告\n部门名称：某区城市管理委员会\n自评得分：{cover}分\n自评等级：优\n"
            "| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 18.5 |\n| 过程 | 30 | 29.63 |\n| 产出 | 30 | 29.98 |\n| 效益 | 20 | 19.71 |\n"
            "| 合计 | 100 | 97.82 |\n")
    assert checked(tmp_path, text.format(cover="97.82")).findings == []
    found = checked(tmp_path, text.format(cover="93.85")).findings
    assert [(f.code, f.severity) for f in found] == [("TOTAL_MISMATCH", "warning")] and "93.85" in found[0].message


def test_the_grade_said_with_the_other_statement_of_the_total(tmp_path):
    """The total a cover's field (自评得分：97.41分, the items' sum) and the conclusion's "自评得分为97.14分，自评等级为“优”":
    the grade is the report's all the same (no other grade given to a total) — read, and not weighed against 97.41."""
    text = ("某县林业局2023年度生态公益林补偿项目支出绩效自评报告\n自评得分：97.41分\n"
            "| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 19.5 |\n| 过程 | 30 | 29.2 |\n| 产出 | 30 | 29.71 |\n| 效益 | 20 | 19 |\n"
            "| 合计 | 100 | 97.41 |\n经自评，该项目2023年度绩效自评得分为97.14分，自评等级为“{grade}”。\n")
    result = checked(tmp_path, text.format(grade="优"))
    assert (result.facts.total.value, result.facts.grade[0]) == (97.41, "优")
    assert [(f.code, f.severity) for f in result.findings] == [("TOTAL_MISMATCH", "error")]   # 97.41, two digits swapped
    assert [f.code for f in checked(tmp_path, text.format(grade="良")).findings] == ["TOTAL_MISMATCH"]


GRADED_WITH_THE_SUM = """某县医保局2023年度部门整体支出绩效自评报告
摘要：对照年初设定的部门整体绩效目标逐项自评，综合得分86.59分。
一、评分方法。综合得分90分（含）以上为“优”、80分（含）至90分为“良”、60分（含）至80分为“中”、60分以下为“差”。
二、自评结论。综上，预算执行率9.41分、产出指标49.69分、效益指标18.86分、满意度指标8.99分，综合得分86.95分，评价等级为“{grade}”。
附表：
| 一级指标 | 分值 | 得分 |
| 预算执行率 | 10 | 9.41 |
| 产出指标 | 50 | 49.69 |
| 效益指标 | 30 | 18.86 |
| 满意度指标 | 10 | 8.99 |
"""


@pytest.mark.parametrize("grade, codes", [("良", ["TOTAL_MISMATCH"]), ("优", ["TOTAL_MISMATCH", "GRADE_MISMATCH"])])
def test_the_grade_said_with_the_total_that_is_the_items_sum_is_weighed(tmp_path, grade, codes):
    """The summary's 86.59 is the total said wrong (a warning); the conclusion's 86.95, its items' sum, is the
    total, and the grade said in its own sentence is weighed against it."""
    result = checked(tmp_path, GRADED_WITH_THE_SUM.format(grade=grade))
    assert result.facts.total.value == 86.95
    assert [f.code for f in result.findings] == codes


def test_last_years_total_said_in_words_is_no_second_total(tmp_path):
    """"上年度本项目自评得分97.80分": last year's, its year said in words — not the report's total said again."""
    text = ("某县2023年度生活垃圾清运项目支出绩效自评报告\n"
            "本项目预算执行得分9.76分（满分10分），绩效指标得分89.49分（满分90分）；自评总分99.25分，评价等级为“优”。"
            "上年度本项目自评得分97.80分。\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == 99.25 and result.findings == []


DEDUCTED = """一、基本情况
经自评，2023年度部门整体支出绩效自评得分为{summary}分，评价等级为“优”。
二、评价结论
一级指标得分：决策14.5分、过程23.32分、产出34.09分、效益23.54分。审计发现1项问题，扣分项扣1分。
综上，各项指标得分合计95.45分，扣减扣分项1分后，自评总分为94.45分，评价等级为“优”。
"""


def test_the_sum_before_a_deduction_said_elsewhere_as_the_total(tmp_path):
    result = checked(tmp_path, DEDUCTED.format(summary="94.45"))
    assert result.facts.total.value == 94.45 and result.findings == []
    stale = checked(tmp_path, DEDUCTED.format(summary="95.45"))      # the summary left without the 扣1分
    assert stale.facts.total.value == 94.45
    assert [(f.code, f.severity, f.where) for f in stale.findings] == [("TOTAL_MISMATCH", "warning", "第2行")]


GROUP_HEADINGS = ("某县农业农村局2023年度部门整体支出绩效自评报告\n经自评，我局2023年度部门整体支出绩效自评得分为{total}分，评价等级为“优”。\n"
                  "（一）决策指标（20分），得18分。目标设置较为合理，部分指标不够细化扣2分。\n"
                  "（二）过程指标（25分），得23.5分。资产管理不规范扣1.5分。\n（三）产出指标（30分），得29分。\n"
                  "（四）效益指标（25分），得23分。群众满意度92%。\n{bonus}")


def test_the_total_against_the_framework_groups_scored_by_their_headings(tmp_path):
    """"（一）决策指标（20分），得18分…": the four groups, their points making up 100 — their scores against the total,
    a warning (the slip may be a group's as well as the total's); none where the report scores a bonus."""
    assert checked(tmp_path, GROUP_HEADINGS.format(total="93.5", bonus="")).findings == []
    off = checked(tmp_path, GROUP_HEADINGS.format(total="92.5", bonus="")).findings      # 18 + 23.5 + 29 + 23 = 93.5
    assert [(f.code, f.severity) for f in off] == [("TOTAL_MISMATCH", "warning")] and "93.50" in off[0].message
    bonus = checked(tmp_path, GROUP_HEADINGS.format(total="94.5", bonus="另获省级表彰加1分。\n")).findings
    assert [f for f in bonus if f.severity == "error"] == []


def test_the_full_marks_listed_and_a_cap_on_the_total_are_no_total(tmp_path):
    """"四类一级指标满分分别为20分、20分、40分、20分，合计100分" and "加减分后总分不超过100分" are rules; the total is the
    one said after the bonus and the deduction ("最终得分97.62分"), and the groups' 合计 is checked against them."""
    text = ("某县2024年度人参产业专项资金项目支出绩效自评报告\n\n自评采用决策、过程、产出、效益四类一级指标，满分分别为20分、20分、40分、"
            "20分，合计100分。另设加减分项，加减分后总分不超过100分。\n经评价，项目决策得19分、过程得18.92分、产出得39.57分、"
            "效益得19.2分，各项指标合计{sum}分；加分1分，扣分0.5分，最终得分{final}分，评价等级为“优”。\n")
    result = checked(tmp_path, text.format(sum="96.69", final="97.19"))
    assert result.facts.total.value == 97.19 and totals(result) == []
    assert [f.code for f in checked(tmp_path, text.format(sum="97.12", final="97.62")).findings] == ["TOTAL_MISMATCH"]


def test_points_taken_off_in_a_list_of_scores_are_taken_off(tmp_path):
    """"决策19分、…、效益20分，扣分项扣0.5分，合计96.5分": 97 − 0.5 (not + 0.5) — no finding; 97.5 is off it."""
    text = "某县2024年度部门整体支出绩效自评报告\n\n经自评，决策19分、过程18.5分、产出39.5分、效益20分，扣分项扣0.5分，合计{total}分。\n"
    assert [f.code for f in checked(tmp_path, text.format(total="96.5")).findings] == []
    assert [f.code for f in checked(tmp_path, text.format(total="97.5")).findings] == ["TOTAL_MISMATCH"]


SUBTOTALLED = """某旗2023年度林业和草原局部门整体支出绩效自评报告
一、基本情况
经自评，我局2023年度部门整体支出绩效得分{said}分，等级为“优”。
二、评分情况
| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
| 投入 | 目标设定 | 绩效目标合理性 | 10 | 10 |
| | 预算配置 | 在职人员控制率 | 10 | 9.5 |
| 投入小计 | | | 20 | 19.5 |
| 产出 | 数量 | 人工造林面积 | 50 | 47.26 |
| 产出小计 | | | 50 | 47.26 |
| 效果 | 满意度 | 农牧民满意度 | 30 | 30 |
| 效果小计 | | | 30 | 30 |
| 合计 | | | 100 | {table} |
"""


def test_a_tables_total_not_updated_under_its_groups_subtotals(tmp_path):
    """A score cut on review (48 → 47.26) and its 小计 with it, the 合计 left at 97.50: the rows (not the 小计 again) add
    up to 96.76, which the report says; the 合计 is the one off."""
    assert totals(checked(tmp_path, SUBTOTALLED.format(said="96.76", table="96.76"))) == []
    found = totals(checked(tmp_path, SUBTOTALLED.format(said="96.76", table="97.50")))
    assert [f.where for f in found] == ["第13行"] and "96.76" in found[0].message


FINAL_UNDER_TOTAL = """某县2023年度高标准农田建设项目支出绩效自评报告
二、评分情况
                        表3  项目绩效自评得分汇总表
  一级指标          分值          得分
  决策                15            14
  过程                25         22.37
  产出                40          35.9
  效益                20         19.11
  合计               100         91.38
  扣分                               2
  最终得分                       89.38      等级：良
三、评价结论
    综上，本项目四类指标合计91.38分，扣除督查发现问题2分后，最终得分89.38分，评价等级为“良”。
"""


def test_the_final_score_under_the_total_and_its_deduction_set_left_of_its_column(tmp_path):
    """"最终得分 | 89.38 | 等级：良" after 合计 91.38 and 扣分 2: the final score is the total (its one figure, set left);
    the groups add up to 91.38 before the deduction — nothing is off."""
    result = checked(tmp_path, FINAL_UNDER_TOTAL)
    assert result.facts.total.value == 89.38 and result.findings == []


def test_a_grade_written_beside_the_tables_final_score(tmp_path):
    """"最终得分 | 89.38 | 等级：优" where the report draws 优 at 90: that row's grade is off its own score (it was given
    before the deduction), whatever the conclusion says."""
    text = FINAL_UNDER_TOTAL.replace("等级：良", "等级：优").replace("三、评价结论", "评价结果分为优（90分及以上）、良（80—89.99分）。\n三、评价结论")
    found = [(f.code, f.severity) for f in checked(tmp_path, text).findings]
    assert found == [("GRADE_MISMATCH", "error")]


def test_the_parts_scores_listed_before_the_total_are_no_second_total(tmp_path):
    """"资金得分9.62分，产出指标49.35分，…，总分97.49分": the funds' score opens the list, the total closes it."""
    text = ("某县2024年度动物防疫补助项目绩效自评报告\n"
            "经自评，资金得分9.62分，产出指标49.35分，效益指标28.80分，满意度指标9.72分，总分97.49分，等级为“优”。\n"
            "| 一级指标 | 分值 | 得分 |\n| 预算执行率 | 10 | 9.62 |\n| 产出指标 | 50 | 49.35 |\n"
            "| 效益指标 | 30 | 28.80 |\n| 满意度指标 | 10 | 9.72 |\n| 总分 | 100 | 97.49 |\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == 97.49 and totals(result) == []
