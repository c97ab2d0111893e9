"""An item named otherwise (`资金使用方面`) whose statement gives the 预算执行率 right before its points ("…预算执行率=实际
支出/实际到位资金=97.34%，分值6分，得5.48分"): the execution's item, its score against 分值 × 执行率 (development's 213:
5.84 written 5.48)."""
from __future__ import annotations

from reading import checked, said


_SCORED = ("湘南县医疗保障局2024年城乡居民医保参保资助项目绩效自评报告\n"
           "资金使用方面，预算执行率=实际支出/实际到位资金=97.34%，分值6分，得{score}分；资金到位率94.00%，分值4分，得3.76分。\n")


def test_an_item_scored_on_the_execution_rate(tmp_path):
    assert said(checked(tmp_path, _SCORED.format(score="5.84"))) == []
    slip = checked(tmp_path, _SCORED.format(score="5.48"))
    assert said(slip) == [("SCORE_MISMATCH", "warning")] and "5.84" in slip.findings[0].message


def test_a_rate_of_another_measure_before_the_points_is_not_the_execution(tmp_path):
    # (the 到位率's item: its rate is no 执行率 — its score is not held to 分值 × it here)
    other = _SCORED.replace("资金到位率94.00%，分值4分，得3.76分", "资金到位率94.00%，分值4分，得3.67分")
    assert said(checked(tmp_path, other.format(score="5.84"))) == []
