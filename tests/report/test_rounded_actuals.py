"""An achieved rate stated rounded stands for any value that rounds to it: a score (or a completion) worked out
from the value before rounding is right."""
from __future__ import annotations

from reading import checked

HEAD = "某县民宗局2023年度项目支出绩效自评报告\n（二）产出目标\n"
# 8 of 9 projects: 88.888…%; 15 × 88.889 ÷ 90 = 14.81 (from 88.89% it would be 14.82)
SAID = ("时效目标：项目完工率，绩效目标值为>=90%，截至2023年12月底完工8个，完工率88.89%，未达目标值，按完成比例计分，"
        "本项目满分15分，得{score}分。\n")


def codes(tmp_path, score: str) -> list[str]:
    return [f.code for f in checked(tmp_path, HEAD + SAID.format(score=score)).findings]


def test_a_score_from_the_rate_before_it_was_rounded_is_right(tmp_path):
    assert codes(tmp_path, "14.81") == []
    assert codes(tmp_path, "14.82") == []


def test_a_score_off_what_any_value_rounding_to_the_rate_gives_is_wrong(tmp_path):
    assert codes(tmp_path, "14.18") == ["SCORE_MISMATCH"]
