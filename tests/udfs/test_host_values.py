"""What xlwings hands a UDF besides floats and text: Decimal for a currency-formatted cell,
datetime for a date, bool for TRUE/FALSE, in single cells and in ranges.  Each is read as
Excel's own formulas (and the headless engine, which reads the file) read it, or refused with
a message that names the field."""
import datetime
from decimal import Decimal

import pytest

import udfs.xl
from engine.book.readback import plain
from udfs import REGISTRY
from test_registry import _example_args


def as_decimal(value):
    if isinstance(value, list):
        return [as_decimal(v) for v in value]
    return Decimal(repr(value)) if type(value) is float or type(value) is int else value


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.name)
def test_a_currency_formatted_cell_counts_as_its_number(spec):
    args = _example_args(spec.example)
    assert getattr(udfs.xl, spec.name)(*map(as_decimal, args)) == getattr(udfs.xl, spec.name)(*args)


def test_currency_cells_in_a_range_count_too():
    assert udfs.xl.PERF_TOTAL([[Decimal("9.32"), Decimal("90")]]) == udfs.xl.PERF_TOTAL([[9.32, 90.0]]) == 99.32
    assert udfs.xl.EXEC_RATE(Decimal("919.76"), Decimal("951.76")) == udfs.xl.EXEC_RATE(919.76, 951.76)


def test_a_date_is_the_serial_number_excel_and_the_headless_engine_compute_with():
    day = datetime.datetime(2024, 3, 1)
    serial = plain(day)                      # what recalc reads from the file: 45352
    assert serial == 45352
    assert udfs.xl.EXEC_RATE(day, 100000) == udfs.xl.EXEC_RATE(float(serial), 100000) == pytest.approx(0.45352)
    assert udfs.xl.EXEC_RATE(datetime.date(2024, 3, 1), 100000) == udfs.xl.EXEC_RATE(day, 100000)


def test_true_in_an_amount_is_refused_by_name_and_in_a_check_is_yes():
    shown = udfs.xl.EXEC_RATE(True, 951.76)
    assert shown.startswith("#VALUE!") and "执行数" in shown
    assert udfs.xl.CHECK_SCORE(True, Decimal("1.5")) == 1.5 and udfs.xl.CHECK_SCORE(False, 1.5) == 0
