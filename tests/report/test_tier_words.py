"""A 定性 indicator's score against the share of its points its tier gets by the report's rule
(engine/report/tier_words.py)."""
from __future__ import annotations

import pytest

from engine.report.tier_words import tier_shares
from reading import checked


@pytest.mark.parametrize("rule, shares", [
    ("定性指标“好”“较好”“一般”分别按分值的100%、80%、60%计分。", {"好": 1.0, "较好": 0.8, "一般": 0.6}),
    ("定性指标“好”计100%、“较好”计80%、“一般”计50%。", {"好": 1.0, "较好": 0.8, "一般": 0.5}),
    ("定性指标“好”得满分、“较好”得分值的80%。", {"好": 1.0, "较好": 0.8}),
    ("“好”“较好”分别按100%、80%至90%计分。", {}),            # (a range: no one share for 较好)
])
def test_the_share_each_tier_word_gets(rule, shares):
    assert tier_shares(rule) == shares


REPORT = """某县水利局2024年度小型水库维修养护项目绩效自评报告
三、评分方法
定量指标按完成比例计分；定性指标“好”“较好”“一般”分别按分值的100%、80%、60%计分。
四、绩效指标完成情况
长效管护机制已基本建立，运行评为“较好”，得{score}分（分值15分）；群众反映良好。
"""


@pytest.mark.parametrize("score, found", [("12", []), ("13.5", ["SCORE_MISMATCH"])])
def test_a_tier_scored_otherwise_than_its_rule_gives(tmp_path, score, found):
    assert [f.code for f in checked(tmp_path, REPORT.format(score=score)).findings] == found


def test_no_rule_no_check(tmp_path):
    text = REPORT.format(score="13.5").replace("定性指标“好”“较好”“一般”分别按分值的100%、80%、60%计分。", "")
    assert checked(tmp_path, text).findings == []


def test_the_last_tier_said_as_nought():
    rule = "定性指标按“好”“较好”“一般”“差”分别计分值的100%、80%、60%、0。"
    assert tier_shares(rule) == {"好": 1.0, "较好": 0.8, "一般": 0.6}
