"""A 评分表's groups and its total as reports set them out (our own words): a group's points said in a sentence
against the form's rows of the group (engine/report/group_rows.py), a group's 小计 row named by it, points taken off
under the 合计 row and the final score below them, a 总分 row whose figures stand a cell right."""
from __future__ import annotations

from reading import checked, said as _said


FORM = """某县农业农村局2024年度部门整体支出绩效自评报告
摘要：经自评，2024年度部门整体支出绩效自评得分{summary}分，评价等级为“优”。
（一）决策指标（20分），得19分。
（二）过程指标（20分），得{process}分。
| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 完成情况 | 得分 |
| 决策 | 目标设定 | 绩效目标合理性 | 10 | 相符得10分 | 相符 | 10 |
| | 预算配置 | 预算调整率 | 10 | ≤10%得10分，10%—20%得9分 | 12.4% | 9 |
| 决策小计 | | | 20 | | | {subtotal} |
| 过程 | 预算执行 | 预算执行率 | 12 | 得分=执行率×12分 | 96.5% | 11.58 |
| | 财务管理 | 资金使用合规性 | 8 | 每发现1个问题扣1分 | 问题1个 | 7 |
| 产出 | 产出数量 | 高标准农田建设面积 | 60 | 按完成比例计分 | 2.6万亩 | 60 |
| 合计 | | | 100 | | | 97.58 |
| 扣分项 | | 安全生产责任事故 | — | 每起扣1分 | 1起 | -1 |
| 最终得分 | | | | | | 96.58 |
经自评，本局最终自评得分96.58分。
"""


def _form(summary="96.58", process="18.58", subtotal="19"):
    return FORM.format(summary=summary, process=process, subtotal=subtotal)


def test_a_form_with_points_taken_off_under_its_total_and_its_groups_said_before_it(tmp_path):
    result = checked(tmp_path, _form())
    assert result.facts.total.value == 96.58 and result.findings == []


def test_the_total_said_once_otherwise_than_the_rows_less_the_points_taken_off(tmp_path):
    """97.58 − 1 = 96.58, said twice; the 摘要's 96.85 the odd one: two digits swapped."""
    result = checked(tmp_path, _form(summary="96.85"))
    assert _said(result) == [("TOTAL_MISMATCH", "error")]
    assert "计入加减分后为 96.58 分" in result.findings[0].message and result.findings[0].where == "第2行"


def test_a_groups_points_said_apart_from_its_rows(tmp_path):
    """过程 11.58 + 7 = 18.58 of its 20 points: "得19.58分" in the sentence, a warning (said apart from the rows)."""
    result = checked(tmp_path, _form(process="19.58"))
    assert _said(result) == [("TOTAL_MISMATCH", "warning")] and result.findings[0].where == "第4行"


def test_a_groups_subtotal_row_named_by_it(tmp_path):
    """决策 10 + 9 = 19: a "决策小计" of 19.5 is off its rows — a warning (the rows it holds are read by position)."""
    result = checked(tmp_path, _form(subtotal="19.5"))
    assert ("SUM_MISMATCH", "warning") in _said(result)


def test_a_total_rows_figures_a_cell_right_of_their_columns(tmp_path):
    text = ("某县2024年度项目支出绩效自评报告\n经自评，项目自评得分99.00分。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
            "| 产出指标 | 数量指标 | 改造户数 | ≥1500户 | 1500户 | 50 | 50 | |\n"
            "| 效益指标 | 社会效益指标 | 农户满意度 | ≥90% | 88.2% | 50 | 49 | |\n"
            "| 总分 |||||| 100 | 99.00 |\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == 99 and result.findings == []


DEPARTMENT = """某县卫生健康局2024年度部门整体支出绩效自评报告
经自评，2024年度部门整体支出各项指标得分合计{sum}分，扣分项扣1分，自评得分{final}分，等级为“优”。
评分标准：预算编制10分、预算执行40分、履职效能50分。预算完成率得分=完成率×10；预算调整率≤10%得10分，10%—20%（含）得8分，20%以上得6分。
（一）预算编制（10分），得10分。
（二）预算执行（40分），得37.64分。预算完成率96.36%，得9.64分；预算调整率10.59%，得8分。
| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度目标 | 完成情况 | 得分 |
| 预算编制（10分） | 目标设置 | 目标制定合理性 | 10 | 合理 | 合理 | 10 |
| 预算执行（40分） | 预算完成 | 预算完成率 | 10 | 100% | 96.36% | 9.64 |
| | | 预算调整率 | 10 | ≤10% | 10.59% | 8 |
| | 支出控制 | 公用经费控制率 | 20 | ≤100% | 94.63% | 20 |
| 履职效能（50分） | 履职目标 | 家庭医生签约服务覆盖率 | 50 | ≥40% | 42.3% | 50 |
| 合计 | | | 100 | | | {sum} |
| 扣分项 | 通报批评 | 被上级部门通报批评 | — | 0次 | 1次 | -1 |
| 自评得分 | | | | | | {final} |
"""


def test_a_departments_form_with_a_deduction_under_its_total_and_a_group_named_as_its_execution(tmp_path):
    """97.64 − 1 = 96.64, said in the opening and under the form; the group 预算执行（40分） is no points of its
    预算完成率; 预算调整率 10.59% scored 8 by the tiers the 评分标准 states, not 10 × 10 ÷ 10.59."""
    result = checked(tmp_path, DEPARTMENT.format(sum="97.64", final="96.64"))
    assert result.facts.total.value == 96.64 and result.findings == []


def test_the_total_said_with_its_sum_and_deduction_that_does_not_follow(tmp_path):
    """97.64 − 1 is 96.64, not 97.64: said so in one sentence — an error where it is said."""
    text = DEPARTMENT.format(sum="97.64", final="96.64").replace("扣分项扣1分，自评得分96.64分", "扣分项扣1分，自评得分97.64分")
    result = checked(tmp_path, text)
    assert ("TOTAL_MISMATCH", "error") in _said(result)
    assert any(f.where == "第2行" and "96.64" in f.message for f in result.findings if f.severity == "error")
