"""A 评分表 of 分值 | 得分 | 评分说明 whose 评分说明 cell states only what the row achieved ("93.55%", "下降9.19%",
"复核后1.18万亩"): each such row is an indicator with that figure as its 实际 (development's 1162). A cell that says
something else — a count of faults under a group's name, a count of months under a rate's name, a completion — is not."""
from __future__ import annotations

from reading import checked

_TABLE = ("青峦县林业局2024年度部门整体支出绩效自评报告\n"
          "一、自评结论\n自评综合得分{total}分。\n"
          "二、评分表\n"
          "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 评分说明 |\n"
          "| 投入 | 预算配置 | 在职人员控制率 | 5 | 5 | 96.30% |\n"
          "| | | “三公”经费变动率 | 5 | 5 | 下降6.42% |\n"
          "| 过程 | 资产管理 | 固定资产利用率 | 5 | 4.6 | 利用率92% |\n"
          "| 产出 | 数量 | 新造林面积 | 10 | 9.5 | 复核后0.95万亩 |\n"
          "| | 时效 | 苗木款按月支付及时率 | 10 | 9 | 11个月按时 |\n"
          "| | 质量 | 苗木抽检合格率 | 10 | 9.8 | 完成比例98% |\n"
          "| 效果 | 社会效益 | 社会效益 | 10 | 9.5 | 林区投诉2起 |\n"
          "| | 满意度 | 林农满意度 | 10 | 10 | 94.1% |\n"
          "| 合计 | | | 65 | {total} | |\n")


def _actuals(result) -> dict:
    return {i.name: i.actual.value for i in result.facts.indicators if i.actual is not None}


def test_a_lone_figure_in_the_rows_explanation_is_what_it_achieved(tmp_path):
    result = checked(tmp_path, _TABLE.format(total="62.4"))
    actuals = _actuals(result)
    assert actuals["在职人员控制率"] == 96.30 and actuals["“三公”经费变动率"] == 6.42
    assert actuals["固定资产利用率"] == 92 and actuals["新造林面积"] == 0.95 and actuals["林农满意度"] == 94.1
    rows = {i.name: (i.weight.value, i.self_score.value) for i in result.facts.indicators if i.weight is not None}
    assert rows["新造林面积"] == (10, 9.5) and rows["固定资产利用率"] == (5, 4.6)
    assert not [f for f in result.findings if f.severity == "error"]


def test_a_cell_saying_something_else_is_no_actual(tmp_path):
    actuals = _actuals(checked(tmp_path, _TABLE.format(total="62.4")))
    assert "苗木款按月支付及时率" not in actuals        # (11 months, not a rate, under a rate's name)
    assert "苗木抽检合格率" not in actuals             # (a completion, not what was achieved)
    assert "社会效益" not in actuals                   # (complaints counted under a group's name)
