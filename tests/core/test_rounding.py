from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given, strategies as st

from engine.core.rounding import excel_round
from udfs import FUNCTIONS


@pytest.mark.parametrize("value, digits, expected", [
    (2.675, 2, 2.68), (0.125, 2, 0.13), (-2.675, 2, -2.68), (1.005, 2, 1.01),
    (9.316, 2, 9.32), (5.8742, 2, 5.87), (0.5, 0, 1.0), (-0.5, 0, -1.0), (1234.5, -1, 1230.0),
    (1235.0, -1, 1240.0), (0.1 + 0.2, 2, 0.3), (-0.004, 2, 0.0),
])
def test_excel_round_examples(value, digits, expected):
    assert excel_round(value, digits) == expected
    assert FUNCTIONS["PERF_ROUND"](value, digits) == expected


def test_perf_round_default_digits_is_two():
    assert FUNCTIONS["PERF_ROUND"](1.005) == 1.01
    assert FUNCTIONS["PERF_ROUND"]("1.005") == 1.01


def test_python_round_would_be_wrong_here():
    # the reason excel_round exists: banker's rounding on the binary value
    assert round(1.005, 2) == 1.0 and round(2.675, 2) == 2.67


@given(st.one_of(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
                 st.floats(min_value=-1e300, max_value=1e300)),
       st.integers(min_value=-3, max_value=6))
def test_perf_round_matches_decimal_reference(value, digits):
    shown = Decimal(repr(float(f"{value:.15g}")))  # the 15-significant-digit value Excel shows
    with localcontext() as ctx:
        ctx.prec = 500
        expected = float(shown.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    assert excel_round(value, digits) == (0.0 if expected == 0 else expected)
