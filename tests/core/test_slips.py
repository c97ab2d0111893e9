"""A stated figure off the way a hand slips (one digit, two swapped, one dropped or doubled, the point moved,
a part mistyped) against a difference of no such shape, which a reader pairing the wrong figures makes."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from engine.core.slips import a_slip


@pytest.mark.parametrize("stated, computed", [
    (171.03, 170.03),      # one digit wrong
    (2350.00, 2305.00),    # two swapped
    (95.8, 95.08),         # a zero dropped: at the one place it is written to, 95.8 for 95.1
    (1863420, 1836420),    # swapped, in 元
    (102.0, 120.0),        # swapped across the point's neighbours
    (17.59, 17.95),
    (31.25, 312.5),        # the point moved
])
def test_slips_of_the_hand(stated, computed):
    decimals = len(str(stated).split(".")[1]) if isinstance(stated, float) else 0
    assert a_slip(stated, computed, decimals)


def test_a_part_mistyped_is_a_slip_of_the_sum():
    """5,874.36 said, its parts 1,368.92 + 4,550.44 = 5,919.36: the part it needs, 4,505.44, is 4,550.44 with
    two digits swapped."""
    assert a_slip(5874.36, 5919.36, 2, (1368.92, 4550.44))


@pytest.mark.parametrize("stated, computed, parts", [
    (1540.35, 1452.60, (1268.00, 184.60)),     # a carry-over not read between them: 87.75 short
    (48.00, 155.60, (120.00, 35.60)),          # another list's figures taken as parts
    (80.0, 66.67, ()),
])
def test_differences_of_no_slips_shape(stated, computed, parts):
    assert not a_slip(stated, computed, 2, parts)


@given(st.integers(min_value=10_000, max_value=99_999_999), st.integers(min_value=1, max_value=9))
def test_one_digit_more_or_less_anywhere_is_a_slip(value, digit):
    """Any figure with one of its digits changed by `digit` (mod 10) is a slip of it."""
    text = str(value)
    for place in range(len(text)):
        changed = text[:place] + str((int(text[place]) + digit) % 10) + text[place + 1:]
        if changed[0] != "0":
            assert a_slip(int(changed) / 100, value / 100, 2)
