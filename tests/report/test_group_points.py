"""A form whose 分值 and 得分 stand at the 二级指标, on each group's first row (engine/report/group_points.py)."""
from __future__ import annotations

from reading import checked, indicator_values

GROUPED = """某县民政局部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 低保保障人数 | ≥9800人 | 10126人 | 20 | 19.65 |
|  |  | 临时救助人次 | ≥1600人次 | 1488人次 |  |  |
|  | 质量指标 | 资金发放准确率 | =100% | 100% | 15 | 14.80 |
|  |  | 集中供养率 | ≥40% | 38.4% |  |  |
|  | 成本指标 | 公用经费控制率 | ≤100% | 96.4% | 5 | 5 |
"""


def test_group_points_are_left_out_of_the_first_rows_indicator(tmp_path):
    """No indicator is weighed against its group's points (20 × 100% is not 19.65); a group of one row keeps its
    points."""
    result = checked(tmp_path, GROUPED)
    assert indicator_values(result) == {"低保保障人数": (9800, 10126, None, None), "临时救助人次": (1600, 1488, None, None),
                                        "资金发放准确率": (100, 100, None, None), "集中供养率": (40, 38.4, None, None),
                                        "公用经费控制率": (100, 96.4, 5, 5)}
    assert result.findings == []


def test_one_row_followed_by_an_unscored_one_is_no_grouped_form(tmp_path):
    """Points on one row only followed by a row without them: the row's own (its shortfall still weighed)."""
    single = GROUPED.replace("| 15 | 14.80 |", "| 15 | 15 |").replace("|  | 集中供养率 | ≥40% | 38.4% |  |  |\n", "")
    assert indicator_values(checked(tmp_path, single))["低保保障人数"] == (9800, 10126, 20, 19.65)


def test_rows_read_amiss_below_a_scored_row_are_no_group(tmp_path):
    """Rows whose target is a bare figure (a date or a tier's row read amiss: "2023年12月22日 | 10 | 10") make no
    group: the rows above keep their points."""
    amiss = GROUPED.replace("≥1600人次 | 1488人次", "10 | 10").replace("≥40% | 38.4%", "10 | 8")
    assert indicator_values(checked(tmp_path, amiss))["低保保障人数"] == (9800, 10126, 20, 19.65)
