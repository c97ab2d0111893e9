"""The total after each 一级 group's own total said apart (engine/report/group_totals.py)."""
from __future__ import annotations

import pytest

from reading import checked

SAID_APART = ("四、自评得分\n1.决策指标：目标设定得5分（分值5分）；预算编制得4分（分值5分）。决策指标合计得9分。\n"
              "2.过程指标：预算执行率94.46%，得8分（分值10分）。过程指标合计得17分。\n"
              "3.产出指标：危桥改造得8分（分值8分）。产出指标合计得36.5分。\n"
              "4.效益指标：群众满意度得10分（分值10分）。效益指标合计得30分。\n"
              "以上决策、过程、产出、效益四类指标得分合计{total}分，评价等级为“优”。\n")


@pytest.mark.parametrize("total, found", [("93.5", ["TOTAL_MISMATCH"]), ("92.5", [])])
def test_the_groups_totals_said_before_against_the_total(tmp_path, total, found):
    result = checked(tmp_path, SAID_APART.format(total=total))       # 9 + 17 + 36.5 + 30 = 92.5
    assert [f.code for f in result.findings if f.code == "TOTAL_MISMATCH"] == found


def test_a_bonus_on_the_groups_sum_or_a_group_missing_is_not_checked(tmp_path):
    bonus = SAID_APART.format(total="93.5").replace("得分合计93.5分", "得分合计92.5分，加上示范创建加分1分后综合得分93.5分")
    assert not [f for f in checked(tmp_path, bonus).findings if f.code == "TOTAL_MISMATCH"]
    three = SAID_APART.format(total="93.5").replace("效益指标合计得30分", "效益指标得分见附表")
    assert not [f for f in checked(tmp_path, three).findings if f.code == "TOTAL_MISMATCH"]
