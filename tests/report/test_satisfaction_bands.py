"""A 满意度 indicator's score against the bands the report's rules set for 满意度 itself ("满意度指标90%（含）以上得满分，
80%（含）至90%得分值的80%，80%以下不得分"), its target said apart or not at all (development's 641: 88.6% scored 4.5 of 5,
the band giving 4)."""
from __future__ import annotations

from reading import checked, said


_RULES = ("长岭县文化广电和旅游局2024年度部门整体支出绩效自评报告\n"
          "评分规则：定量指标达到指标值的得满分，未达到的按完成比例计分；满意度指标90%（含）以上得满分，80%（含）至90%得分值的"
          "80%，80%以下不得分。\n群众文化活动满意度88.6%，得{score}分（分值5分）；\n")


def test_a_satisfaction_scored_by_its_band(tmp_path):
    assert said(checked(tmp_path, _RULES.format(score="4"))) == []
    assert said(checked(tmp_path, _RULES.format(score="4.5"))) == [("SCORE_MISMATCH", "error")]


def test_no_bands_for_satisfaction_said_no_finding(tmp_path):
    plain = _RULES.replace("满意度指标90%（含）以上得满分，80%（含）至90%得分值的80%，80%以下不得分。", "满意度按调查结果计分。")
    assert said(checked(tmp_path, plain.format(score="4.5"))) == []
