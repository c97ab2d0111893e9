"""The fast path and the full path agree on whatever a department types into a cell, not
only on what `fill` writes: spaces to "clear" a cell, full-width digits, booleans, dates,
numbers stored as text, words."""
from __future__ import annotations

import datetime
import os

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from engine import recalc
from engine.book.fastpath import try_fast
from engine.book.fill import fill, save_atomic

from engine.book.template import build_template
from engine.core import rulesets
from helpers import load_sample, type_into

EXAMPLES = int(os.environ.get("ROUNDTRIP_EXAMPLES", "6"))
SAMPLES = {"dept-simple": "000", "mof2020": "002", "dept-common": "004"}
TYPED = st.sampled_from([
    None, " ", "  ", "\u3000", " \u3000 ", "是 ", " 否", "√", True, False, 0, 1, 0.5, "0.5", "96%", " 96.2% ",
    "９６．２％", "564.36", "564.36万元", " 5,640.36 ", "12元", "-3", "很多", "定性", " ≥", ">=", "不低于",
    "产出指标 ", "效益指标", "满意度指标", "按规定公开 ", "未公开", "达成年度指标", 150, "284件", "30 人",
    datetime.datetime(2025, 3, 20), datetime.date(2025, 3, 20)])


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typed")
    out = {}
    for rule_set, sample in SAMPLES.items():
        template = folder / f"{rule_set}-template.xlsx"
        save_atomic(build_template(rulesets.load(rule_set)), template)
        fill(template, {k: v for k, v in load_sample(sample).items() if not k.startswith("_")},
             folder / f"{rule_set}.xlsx")
        out[rule_set] = folder / f"{rule_set}.xlsx"
    return out


def cells_of(rule_set: str) -> list[str]:
    rs = rulesets.load(rule_set)
    return sorted(rs.inputs) + [f"self_{r.id}" for r in rs.rows] + ["self_total"] + \
        [f"indicator:{n}:{c}" for n in (1, 2, 3) for c in ("level1", "name", "direction", "target", "actual",
                                                             "weight", "coefficient", "deviation_reason")]


@pytest.mark.parametrize("rule_set", SAMPLES)
# each example is a full formulas load (5–10 s): no shrinking, the failing cells are few already
@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_and_full_paths_agree_on_typed_cells(filled, tmp_path, rule_set, data):
    typed = data.draw(st.dictionaries(st.sampled_from(cells_of(rule_set)), TYPED, min_size=1, max_size=8))
    wb = openpyxl.load_workbook(filled[rule_set])
    type_into(wb, typed)
    path = tmp_path / "typed.xlsx"
    wb.save(path)
    fast = try_fast(path)
    assert fast is not None
    full = recalc(path, fast=False)
    a, b = fast.to_dict(), full.to_dict()
    for key in a:
        assert a[key] == b[key], (key, typed, a[key], b[key])
