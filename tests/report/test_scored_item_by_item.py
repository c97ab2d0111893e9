"""Scores listed after the words that say they were scored item by item (`经逐项计分，…`), then their 合计: the 合计
against their sum (development's 1570: two digits of the total swapped)."""
from __future__ import annotations

from reading import checked, said


_LISTED = ("湘川县市场监督管理局2024年食品安全抽检项目绩效自评报告\n"
           "经逐项计分，预算执行9.61分，产出指标48.59分，效益指标28分，满意度指标9.84分，合计{total}分。评价等级为“优”。\n")


def test_scores_listed_item_by_item_add_up_to_their_total(tmp_path):
    assert said(checked(tmp_path, _LISTED.format(total="96.04"))) == []
    assert said(checked(tmp_path, _LISTED.format(total="96.40"))) == [("TOTAL_MISMATCH", "error")]   # a slip's shape
