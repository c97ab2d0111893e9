"""The budget's figures said in the sentence that scores its rate ("年初预算…，调整后全年预算…，预算调整率11.28%，…得4分"):
the department's figures, read and checked as anywhere else."""
from __future__ import annotations

import pytest

from reading import amounts, checked

HEAD = "某县卫生健康局2023年度部门整体支出绩效自评报告\n五、自评得分\n"
SCORED = ("（2）管理效率。2023年年初预算2,846.30万元，年中追加预算361.86万元，调整后全年预算3,208.16万元，预算调整率{rate}，"
          "调整幅度超过10%，扣1分，得4分（分值5分）。全年财政拨款支出3,102.47万元，预算执行率96.71%，按“执行率×10”得9.67分"
          "（分值10分）。\n")


def test_the_figures_before_a_scored_rate_are_the_departments(tmp_path):
    result = checked(tmp_path, HEAD + SCORED.format(rate="12.71%"))
    assert amounts(result) == {"budget_initial": 2846.30, "budget_adjust": 361.86, "budget_total": 3208.16,
                               "spend_total": 3102.47}
    assert result.facts.keyed_rates()["exec_rate"].value == 96.71 and result.facts.keyed_rates()["adjust_rate"].value == 12.71
    assert result.findings == []
    assert {i.name for i in result.facts.indicators} >= {"预算调整率", "预算执行率"}    # (still scored as indicators)


def test_a_scored_rate_off_its_own_amounts(tmp_path):
    found = checked(tmp_path, HEAD + SCORED.format(rate="11.28%")).findings    # (361.86 ÷ 3,208.16: the wrong base)
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "12.71%" in found[0].message


def test_the_three_public_expenses_spending_of_the_fiscal_grant_stays_theirs(tmp_path):
    text = ("某县司法局2022年度部门决算\n“三公”经费财政拨款预算为21.33万元。\n"
            "2022年度“三公”经费财政拨款支出决算为18.64万元，完成预算的87.04%。\n")
    found = checked(tmp_path, text).findings          # 18.64 ÷ 21.33 = 87.39%
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"] and "87.39%" in found[0].message


def test_an_item_in_a_table_and_a_sentence_is_one_item_with_its_points(tmp_path):
    """"| 预算执行率 | 10 | 9.41 |" and "预算执行率94.08%，得9.41分": one execution item, its points the row's."""
    text = ("某县体育局2023年度部门整体支出绩效自评报告\n| 一级指标 | 三级指标 | 分值 | 得分 |\n| 过程 | 预算执行率 | 10 | 9.41 |\n"
            "扣分说明：预算执行率94.08%，得9.41分。\n")
    items = [(i.name, i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items if i.row_id == "budget_execution"]
    assert items == [("预算执行率", 10, 9.41)]


def test_an_item_named_after_其中_its_points_in_brackets_scored_by_its_rule(tmp_path):
    text = ("某县农业农村局2023年度部门整体支出绩效自评报告\n"
            "过程指标分值20分，得18.9分，其中预算执行率（分值5分）按“执行率×分值”计分得4.89分；\n")
    items = {i.name: (i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items}
    assert items["预算执行率"] == (5, 4.89)


@pytest.mark.parametrize("rule", ["预算执行率在90%以上的，得满分", "执行率≥95%，得10分", "执行率低于60%不得分，90%以上得10分",
                                  "预算执行率得分=（实际执行率/95%）×10"])
def test_an_execution_rule_of_the_reports_own_leaves_the_rate_times_points_unsaid(tmp_path, rule):
    # 94.46% × 10 = 9.45; scored 10 by the report's own rule
    text = f"评分规则：{rule}。\n2.过程指标：预算执行率94.46%，得10分（分值10分）。\n"
    assert [f for f in checked(tmp_path, text).findings if f.code == "SCORE_MISMATCH"] == []
