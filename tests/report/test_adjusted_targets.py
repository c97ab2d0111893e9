"""An indicator's target said as the year changed it ("年初指标值为不少于1,900批次，7月…调增为不少于2,000批次"): the
target the year ended with is the one its completion and score are held to."""
from __future__ import annotations

from reading import checked, indicator_values

HEAD = "某县市场监督管理局2024年度部门整体支出绩效自评报告\n三、绩效指标完成情况\n"
SAID = ("（1）食品安全监督抽检批次：年初指标值为不少于1,900批次，7月根据省、市下达的抽检任务调增为不少于2,000批次，"
        "全年实际完成抽检1,836批次，完成率{rate}（分值8分，得7.34分）。\n"
        "（2）特种设备定期检验率：指标值为不低于95%，实际达到98.7%（分值6分，得6分）。\n")


def test_the_target_raised_in_the_year_is_the_indicators(tmp_path):
    result = checked(tmp_path, HEAD + SAID.format(rate="91.80%"))
    assert indicator_values(result)["食品安全监督抽检批次"] == (2000, 1836, 8, 7.34)
    assert result.findings == []


def test_a_completion_left_on_the_first_target(tmp_path):
    found = checked(tmp_path, HEAD + SAID.format(rate="96.63%")).findings
    assert [f.code for f in found] == ["COMPLETION_MISMATCH"] and "91.80%" in found[0].message
