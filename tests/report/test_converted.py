"""A total on a scale other than 100 and the score it converts to (折合百分制), as some provinces' project forms set
them (our own words): the report grades the converted score, and the conversion is checked where its full mark is
known (engine/report/converted.py)."""
from __future__ import annotations

from reading import checked, said as _said

REPORT = """某县农业农村局2024年度小麦病虫害统防统治补助项目绩效自评报告
本项目自评表满分80分，自评得分{total}分，折合百分制{converted}分，等级为“{grade}”。
评分说明：本表设预算执行率10分、产出指标40分、效益指标25分、满意度指标5分，满分80分，自评得分按“合计得分÷80×100”折合为百分制，按百分制得分确定等级：90分（含）以上为“优”，80分（含）—90分为“良”，60分（含）—80分为“中”。
| 一级指标 | 三级指标 | 分值 | 得分 |
| 预算执行率 | 预算执行率 | 10 | 9.5 |
| 产出指标 | 统防统治面积 | 40 | 38 |
| 效益指标 | 病虫危害损失率 | 25 | 25 |
| 满意度指标 | 种植户满意度 | 5 | 4.6 |
| 合计 | | 80 | {total} |
| 折合百分制得分 | | 100 | {converted} |
"""


def test_a_total_on_80_points_graded_as_the_score_it_converts_to(tmp_path):
    """77.1 ÷ 80 × 100 = 96.38: 优 on 100 points, though 77.1 itself would be 中."""
    assert _said(checked(tmp_path, REPORT.format(total="77.1", converted="96.38", grade="优"))) == []


def test_a_conversion_that_does_not_give_the_score_said(tmp_path):
    """77.1 ÷ 80 × 100 is 96.38, not 97.38 (said twice, the same figure each time)."""
    result = checked(tmp_path, REPORT.format(total="77.1", converted="97.38", grade="优"))
    assert ("TOTAL_MISMATCH", "error") in _said(result)
    assert any("96.38" in f.message for f in result.findings)


def test_the_grade_of_the_converted_score_still_checked(tmp_path):
    """96.38 on 100 points is 优 by the report's own bands, not 良."""
    result = checked(tmp_path, REPORT.format(total="77.1", converted="96.38", grade="良"))
    assert _said(result) == [("GRADE_MISMATCH", "error")]
