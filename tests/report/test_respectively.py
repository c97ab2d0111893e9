"""Indicators said together, respectively (engine/report/respectively.py)."""
from __future__ import annotations

import pytest

from reading import checked, indicator_values

REPORT = """某县发展和改革委员会2023年度补贴资金兑付项目绩效自评报告
（三）年度绩效目标
兑付植棉户数不少于12,000户；补贴资金兑付准确率100%；植棉户满意度不低于90%。
三、绩效目标完成情况
核实补贴面积、兑付植棉户数分别为39.12万亩、12,486户，完成率分别为101.35%、{rate}%（分值各10分，均得10分）。
"""


@pytest.mark.parametrize("rate, found", [("104.05", []), ("104.50", ["COMPLETION_MISMATCH"])])
def test_names_and_figures_said_respectively(tmp_path, rate, found):
    result = checked(tmp_path, REPORT.format(rate=rate))
    values = indicator_values(result)
    assert values["核实补贴面积"][:2] == (None, 39.12)
    assert values["兑付植棉户数"][:2] == (12000, 12486)       # (its target among the goals)
    assert [f.code for f in result.findings] == found


def test_lists_that_do_not_pair_are_not_read(tmp_path):
    text = "某县2023年度项目绩效自评报告\n三、完成情况\n核实补贴面积、兑付植棉户数、兑付准确率分别为39.12万亩、12,486户。\n"
    assert indicator_values(checked(tmp_path, text)) == {}
