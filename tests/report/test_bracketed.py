"""An indicator said with what was achieved and its target in brackets after it (engine/report/bracketed.py)."""
from __future__ import annotations

from reading import checked, indicator_values

TEXT = ("某县文化广电和旅游局2023年度部门整体支出绩效自评报告\n三、部门整体绩效目标完成情况\n"
        "全年完成送戏下乡126场（指标值不少于120场），图书馆新增藏书7,420册（指标值8,000册，完成{done}%），"
        "广播电视户户通设备故障平均修复时间36小时（指标值控制在48小时以内），群众文化活动满意度88.6%（目标≥90%）。\n")


def test_figures_achieved_with_targets_in_brackets(tmp_path):
    result = checked(tmp_path, TEXT.format(done="92.75"))
    values = indicator_values(result)
    assert values["送戏下乡"][:2] == (120, 126) and values["图书馆新增藏书"][:2] == (8000, 7420)
    assert values["广播电视户户通设备故障平均修复时间"][:2] == (48, 36) and values["群众文化活动满意度"][:2] == (90, 88.6)
    directions = {i.name: i.direction for i in result.facts.indicators}
    assert [directions[n] for n in ("送戏下乡", "图书馆新增藏书", "广播电视户户通设备故障平均修复时间")] == [">=", "=", "<="]
    assert result.findings == []


def test_a_completion_said_wrong_in_the_brackets(tmp_path):
    assert [f.code for f in checked(tmp_path, TEXT.format(done="97.25")).findings] == ["COMPLETION_MISMATCH"]   # 7420/8000


def test_amounts_are_no_such_indicator(tmp_path):
    text = "某县2023年度部门整体支出绩效自评报告\n三、完成情况\n项目支出86.40万元（目标90万元）。\n"
    assert "项目支出" not in indicator_values(checked(tmp_path, text))
