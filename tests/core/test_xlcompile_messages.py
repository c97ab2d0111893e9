"""A message's numbers as Excel shows them."""
from __future__ import annotations

from engine.core.xlcompile import _fail


def test_no_negative_zero_in_a_message():
    """Excel has no negative zero: a coefficient computed as -0.0 reads 0.00%, as the workbook shows it
    (the Python and the workbook readings of one submission agree — hypothesis found -0.00%)."""
    assert _fail("#VALUE!", "系数：{:.2%}", -0.0).message == "系数：0.00%"
    assert _fail("#VALUE!", "系数：{:.2%}", -0.5).message == "系数：-50.00%"
