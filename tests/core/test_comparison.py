"""Comparisons as Excel makes them (SPEC 2): at 15 significant digits, on every path."""
from __future__ import annotations

import copy

import pytest

from engine import evaluate
from engine.core.rounding import excel_compare, excel_value
from udfs import FUNCTIONS


def test_a_binary_inexact_quotient_is_the_decimal_excel_shows():
    assert 6.93 / 7.7 < 0.9                                  # the double: 0.8999999999999999
    assert excel_value(6.93 / 7.7) == 0.9
    assert excel_compare(6.93 / 7.7, ">=", 0.9) and not excel_compare(6.93 / 7.7, "<", 0.9)
    assert excel_compare(0.1 + 0.2, "=", 0.3) and not excel_compare(0.1 + 0.2, ">", 0.3)
    assert not excel_compare(0.9 - 1e-13, ">=", 0.9)          # a real difference stays one


@pytest.mark.parametrize("call, expected", [
    (lambda: FUNCTIONS["TIER_SCORE"](FUNCTIONS["CONTROL_RATE"](6.93, 7.7), ">=90%:1;>=75%:0.7;else:0"), 1),
    (lambda: FUNCTIONS["TIER_SCORE"](FUNCTIONS["CONTROL_RATE"](6.93, 7.7), ">90%:1;else:0"), 0),
    (lambda: FUNCTIONS["EXCESS_DEDUCT"](0.3 - 0.2, 0.1, 0.1, 1), 1),           # 0.09999999999999998 ≤ 10%
    (lambda: FUNCTIONS["PERF_SCORE"]("≤", 0.3, 0.1 + 0.2, 10), 10),             # a ceiling met exactly
    (lambda: FUNCTIONS["CHECK_SCORE"](0.1 + 0.2, 0.3), 0.1 + 0.2),              # not above the maximum
    (lambda: FUNCTIONS["PERF_SCORE"]("定性", "部分达成", 0.7 + 0.1, 10, None), None),  # 80% is not < 80%
    (lambda: FUNCTIONS["PERF_GRADE"](89.99999999999999), "优"),
])
def test_the_excel_functions_compare_at_15_digits(call, expected):
    if expected is None:
        with pytest.raises(Exception):
            call()
    else:
        assert call() == expected


def test_evaluate_reaches_the_tier_a_spreadsheet_reaches(common_submission):
    data = copy.deepcopy(common_submission)
    data["inputs"].update(asset_total=7.7, asset_in_use=6.93)                  # 90.00% shown
    assert {i["id"]: i["score"] for i in evaluate(data).items}["asset_utilization"] == 1


def test_the_headless_engine_compares_as_excel():
    import formulas

    from udfs.formulas_functions import register
    register()
    compiled = formulas.Parser().ast("=IF(6.93/7.7>=0.9,1,0.7)")[1].compile()
    assert float(compiled()) == 1
    compiled = formulas.Parser().ast('=IF("b">"a",1,0)')[1].compile()            # text still compares as text
    assert float(compiled()) == 1
