"""A score a sentence works out by a formula it states itself (engine/report/said_formula.py)."""
from __future__ import annotations

import pytest

from reading import checked

SAID = ("关于2024年度河口镇污水管网运维项目绩效自评情况的报告\n"
        "一、预算执行情况\n"
        "全年预算数为420万元，全年执行数{spent}万元，预算执行率{rate}，按“20分×执行率”计算，预算执行情况得分{score}分。\n")


def findings(tmp_path, **figures):
    return [(f.code, f.severity) for f in checked(tmp_path, SAID.format(**figures)).findings]


def test_a_score_against_the_formula_its_own_sentence_states(tmp_path):
    # 20 × 91.4% = 18.28, written 18.82
    assert ("SCORE_MISMATCH", "error") in findings(tmp_path, spent="383.88", rate="91.4%", score="18.82")


@pytest.mark.parametrize("rate, score", [("91.4%", "18.28"), ("91%", "18.2"), ("91%", "18.28")])
def test_a_score_the_stated_rate_gives_at_its_precision_is_no_finding(tmp_path, rate, score):
    # 383.88/420 = 91.40%: "91%" stated to the whole per cent allows 20 × (90.5%…91.5%) = 18.1…18.3
    assert [c for c, _ in findings(tmp_path, spent="383.88", rate=rate, score=score)] == []
