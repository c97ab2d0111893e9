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
    ("定性指标分“好”“较好”“一般”“差”四档，分别按该项分值的100%、80%、60%、0计分。", {"好": 1.0, "较好": 0.8, "一般": 0.6}),
    # unquoted, by how far the goal was met
    ("定性指标全部达到的得满分，基本达到的得分值的80%，未达到的不得分。", {"全部达到": 1.0, "基本达到": 0.8}),
    ("定性指标达到预期的得满分，部分达到的按分值的60%计分。", {"达到": 1.0, "部分达到": 0.6}),
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


# a form's 定性 row: the tier aimed at under 年度指标值, the one reached under 全年实际值; its 方向 column
# (方向 | 数值 | 单位 under 年度指标值) holds the other rows' signs
FORM = """某县人社局2023年度部门整体支出绩效自评表
定性指标分“好”“较好”“一般”“差”四档，分别按该项分值的100%、80%、60%、0计分。
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |  |  | 全年实际值 | 分值 | 得分 |
|  |  |  | 方向 | 数值 | 单位 |  |  |  |
| 产出指标 | 质量指标 | 城镇登记失业率 | ≤ | 3.5 | % | 2.9 | 40 | 40 |
|  | 数量指标 | 城镇新增就业人数 | ≥ | 2300 | 人 | 2416 | 40 | 40 |
| 效益指标 | 可持续影响 | 服务平台运行效果 | 定性 | 好 |  | {reached} | 20 | {score} |
"""


@pytest.mark.parametrize("reached, score, found", [("较好", "16", []), ("好", "20", []), ("较好", "20", ["SCORE_MISMATCH"])])
def test_a_forms_tier_reached_scored_by_the_rule(tmp_path, reached, score, found):
    """The tier reached scores its share of the points; a ≤ in the 方向 column is the target's (2.9 under
    a ceiling of 3.5 scores in full)."""
    result = checked(tmp_path, FORM.format(reached=reached, score=score))
    assert [f.code for f in result.findings] == found
    assert {i.name: i.direction for i in result.facts.indicators}["城镇登记失业率"] == "<="


MET = """某县农业农村局2023年度统防统治项目绩效自评报告
评分规则：定量指标按完成率计分；定性指标全部达到的得满分，基本达到的得分值的80%，未达到的不得分。
④统防统治服务长效机制：年初目标值为建立健全，实际为基本建立，属基本达到，该指标分值6分，自评得{score}分。
"""


@pytest.mark.parametrize("score, found", [("4.8", []), ("6", ["SCORE_MISMATCH"])])
def test_a_goal_met_in_part_unquoted_scored_otherwise_than_its_rule_gives(tmp_path, score, found):
    assert [f.code for f in checked(tmp_path, MET.format(score=score)).findings] == found
