"""Every worked number of SPEC 4.1–4.8, through the Excel catalogue as a user calls it."""
import pytest

from engine.core.errors import CellError
from udfs import FUNCTIONS as F


def excel_error(name, *args):
    with pytest.raises(CellError) as err:
        F[name](*args)
    return err.value


# 4.1 ratio
def test_ratio_budget_execution_93_16_percent_of_10():
    assert F["RATIO_SCORE"](0.9316, 10) == 9.32
    assert F["RATIO_SCORE"]("93.16%", 10) == 9.32


def test_ratio_is_capped():
    assert F["RATIO_SCORE"](1.2, 6) == 6
    assert F["RATIO_SCORE"](1.2, 6, 1.1) == 6.6


# 4.2 indicator
@pytest.mark.parametrize("direction, target, actual, weight, completion, score", [
    ("≥", "95%", "100%", 25, 1.0526, 25.0),
    ("≥", "150件", "284件", 10, 1.8933, 10.0),
    ("≥", "100人", "52人", 15, 0.52, 7.80),
    ("≥", "5%", "0%", 10, 0.0, 0.0),           # a 下降率 target is positive on the rate
    ("=", "100%", "100%", 15, 1.0, 15.0),
    ("=", 0, 0, 5, 1.0, 5.0),                   # = 0: full marks when actual ≤ 0
    ("=", 0, 1, 5, 0.0, 0.0),
    ("≤", "50万元", "40万元", 10, 1.0, 10.0),     # under a cost ceiling
    ("≤", 50, 62.5, 10, 0.8, 8.0),              # over it: target / actual
    ("<", 50, 50, 10, 1.0, 10.0),
])
def test_indicator_examples(direction, target, actual, weight, completion, score):
    assert F["COMPLETION_RATE"](direction, target, actual) == pytest.approx(completion, abs=5e-5)
    assert F["PERF_SCORE"](direction, target, actual, weight) == score


def test_reverse_deviation_method():
    # 1 − (actual − target) / target, 0 once actual ≥ 2 × target
    assert F["COMPLETION_RATE"]("≤", 50, 60, "deviation") == pytest.approx(0.8)
    assert F["PERF_SCORE"]("≤", 50, 60, 10, "deviation") == 8.0
    assert F["PERF_SCORE"]("≤", 50, 100, 10, "deviation") == 0.0
    assert F["PERF_SCORE"]("≤", 50, 130, 10, "deviation") == 0.0
    assert F["PERF_SCORE"]("≤", 50, 60, 10, "ratio") == pytest.approx(8.33)


@pytest.mark.parametrize("tier, coefficient, score", [
    ("达成年度指标", "100%", 10.0), ("达成年度指标", 0.8, 8.0), ("部分达成并具有一定效果", "79%", 7.9),
    ("部分达成并具有一定效果", 0.6, 6.0), ("未达成且效果较差", 0.3, 3.0), ("未达成且效果较差", 0, 0.0),
])
def test_qualitative(tier, coefficient, score):
    assert F["PERF_SCORE"]("定性", tier, coefficient, 10) == score


@pytest.mark.parametrize("tier, coefficient", [
    ("达成年度指标", 0.79), ("部分达成并具有一定效果", 0.8), ("未达成且效果较差", 0.6), ("达成年度指标", 1.01),
])
def test_qualitative_coefficient_outside_tier(tier, coefficient):
    assert excel_error("PERF_SCORE", "定性", tier, coefficient, 10).code == "#VALUE!"


def test_qualitative_without_coefficient_is_na_not_assumed():
    err = excel_error("PERF_SCORE", "定性", "达成年度指标", None, 10)
    assert err.code == "#N/A" and "定性系数" in err.message


def test_negative_target_is_num():
    assert excel_error("PERF_SCORE", "≥", -5, 3, 10).code == "#NUM!"


# 4.3 tiers
def test_tier_score_range_and_string():
    tiers = [[">=90%", 1], [">=75%", 0.7], [">=60%", 0.4], ["else", 0]]
    assert F["TIER_SCORE"](0.9, tiers) == 1
    assert F["TIER_SCORE"]("89.99%", tiers) == 0.7
    assert F["TIER_SCORE"](0.6, ">=0.9:1;>=0.75:0.7;>=0.6:0.4;else:0") == 0.4
    assert F["TIER_SCORE"](0.5999, ">=0.9:1;>=0.75:0.7;>=0.6:0.4;else:0") == 0


def test_tier_boundaries_as_written():
    assert F["TIER_SCORE"](0.9, ">0.9:1;else:0") == 0
    assert F["TIER_SCORE"](0.9, ">=0.9:1;else:0") == 1
    assert F["TIER_SCORE"](1.0, "<=100%:1;else:0") == 1
    assert F["TIER_SCORE"](1.0, "<100%:1;else:0") == 0


def test_tier_without_else_and_no_match():
    assert excel_error("TIER_SCORE", 0.1, ">=0.9:1").code == "#N/A"
    assert excel_error("TIER_SCORE", 0.1, "about 90:1").code == "#VALUE!"


# 4.4 / 4.5
def test_deduct():
    assert F["DEDUCT_SCORE"](5, 2, 1) == 3
    assert F["DEDUCT_SCORE"](8, 3, 4) == 0
    assert excel_error("DEDUCT_SCORE", 5, -1, 1).code == "#NUM!"


def test_excess_deduct_is_continuous():
    assert F["EXCESS_DEDUCT"](0.1084, 0.10, 0.1, 1) == pytest.approx(0.916)
    assert F["EXCESS_DEDUCT"]("10.84%", "10%", 0.1, 1) == pytest.approx(0.916)
    assert F["EXCESS_DEDUCT"](0.10, 0.10, 0.1, 1) == 1
    assert F["EXCESS_DEDUCT"](0.30, 0.10, 0.1, 1) == 0


# 4.6
def test_quarter_score_worked_example():
    # progress 45.67%, 57.96%, 65.97%, 99.46% → 1 + 1 + 0.8796 + 0.9946 + 2 = 5.87
    assert F["QUARTER_SCORE"](100, 45.67, 57.96, 65.97, 99.46) == 5.87
    assert F["QUARTER_SCORE"]("13,892.35万元", 6343.97, 8051.96, 9164.78, 13817.33) == 5.87


def test_quarter_average_uses_uncapped_ratios():
    # a slow first quarter made up later: the average may still reach its 2 points
    # r = 0.4, 1.4, 1.33, 1.0: uncapped mean 1.03 → 2 points (a capped mean 0.85 would give 1.7)
    assert F["QUARTER_SCORE"](100, 10, 70, 100, 100) == 5.4
    assert F["QUARTER_SCORE"](100, 10, 60, 90, 100) == 5.3
    assert excel_error("QUARTER_SCORE", 0, 1, 2, 3, 4).code == "#DIV/0!"


# 4.7
def test_check_score():
    assert F["CHECK_SCORE"]("是", 1.5) == 1.5
    assert F["CHECK_SCORE"]("否", 1.5) == 0
    assert F["CHECK_SCORE"](1.2, 1.5) == 1.2
    assert excel_error("CHECK_SCORE", 2, 1.5).code == "#VALUE!"
    assert excel_error("CHECK_SCORE", -0.5, 1.5).code == "#VALUE!"
    assert excel_error("CHECK_SCORE", None, 1).code == "#N/A"


# 4.8
def test_total_sums_rounded_items():
    assert F["PERF_TOTAL"]([[1.005], [2.005]]) == 3.02   # 1.01 + 2.01, not round(3.01)
    assert F["PERF_TOTAL"]([[9.32, None]], 90) == 99.32
    err = excel_error("PERF_TOTAL", [[9.32], ["#DIV/0! 预算执行率无法计算"]])
    assert err.code == "#N/A"


@pytest.mark.parametrize("total, grade", [(90, "优"), (89.99, "良"), (80, "良"), (79.99, "中"), (60, "中"),
                                          (59.99, "差"), (0, "差")])
def test_grade_bands(total, grade):
    assert F["PERF_GRADE"](total) == grade


def test_grade_bands_overridable():
    assert F["PERF_GRADE"](85, [[85, "优"], [70, "良"], [0, "差"]]) == "优"
    assert F["PERF_GRADE"](69, ">=85:优;>=70:良;else:差") == "差"
