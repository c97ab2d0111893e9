"""Points said once for a paragraph's indicators (engine/report/each_points.py)."""
from __future__ import annotations

from reading import checked, indicator_values

REPORT = """某旗卫生健康委员会2024年度部门整体支出绩效自评报告
二、绩效指标完成情况
| 三级指标 | 年度指标值 | 实际完成值 |
| 居民电子健康档案建档率 | ≥90% | 92.4% |
| 孕产妇系统管理率 | ≥90% | 93.1% |
| 家庭医生签约率 | ≥{target}% | 71.5% |
三、产出评价分析
产出指标3项，每项5分。居民电子健康档案建档率、孕产妇系统管理率、家庭医生签约率3项均达到目标值，各得5分。
"""


def test_names_scored_alike_after_each_items_points(tmp_path):
    values = indicator_values(checked(tmp_path, REPORT.format(target="70")))
    assert values["居民电子健康档案建档率"] == (90, 92.4, 5, 5) and values["家庭医生签约率"] == (70, 71.5, 5, 5)


def test_a_full_score_for_a_target_missed_is_found(tmp_path):
    result = checked(tmp_path, REPORT.format(target="75"))      # 71.5 ÷ 75 × 5 = 4.77, scored 5
    assert indicator_values(result)["家庭医生签约率"] == (75, 71.5, 5, 5)
    assert [f.code for f in result.findings] == ["SCORE_MISMATCH"]


def test_scores_above_the_points_said_are_not_given_them(tmp_path):
    text = REPORT.format(target="70").replace("各得5分", "各得6分")
    values = indicator_values(checked(tmp_path, text))
    assert values["居民电子健康档案建档率"] == (90, 92.4, None, None)
