"""The line a scoring rule draws for a rate ("结转结余率不超过5%的得满分") as the target of the indicator of
that name read with what it achieved and no target (engine/report/rule_targets.py)."""
from __future__ import annotations

from reading import checked, indicator_values

RULES = """某县2024年度部门整体支出绩效自评报告
四、自评得分情况
评分说明：预算执行率达到95%（含）的得满分；预算调整率（上级追加不计入）不超过15%的得满分，每超过1个百分点扣0.3分；结转结余率不超过5%、在职人员控制率和公用经费控制率不超过100%的得满分；定量指标完成的得满分。
本级压减调整2,006.30万元，预算调整率{adjust}，分值3分，得{adjust_score}分；结转结余率3.52%，分值3分，得{carry_score}分。
公用经费控制率96.37%，分值6分，得6分。
"""


def _read(tmp_path, adjust="12.79%", adjust_score="3", carry_score="3"):
    return checked(tmp_path, RULES.format(adjust=adjust, adjust_score=adjust_score, carry_score=carry_score))


def test_each_rate_named_by_a_rule_takes_its_line_as_target_and_direction(tmp_path):
    result = _read(tmp_path)
    values = indicator_values(result)
    assert values["预算调整率"] == (15, 12.79, 3, 3) and values["结转结余率"] == (5, 3.52, 3, 3)
    assert values["公用经费控制率"] == (100, 96.37, 6, 6)     # (two names joined by 和 under one line)
    assert {i.direction for i in result.facts.indicators} == {"<="}
    assert not result.findings


def test_full_marks_where_the_line_is_met_are_checked_as_a_warning(tmp_path):
    found = [f for f in _read(tmp_path, carry_score="2.5").findings if f.code == "SCORE_MISMATCH"]
    assert [f.severity for f in found] == ["warning"] and "目标取自评分规则" in found[0].message


def test_a_line_missed_is_scored_by_the_rule_not_by_completion(tmp_path):
    """19.96% over a 15% line, 0.3 deducted per point over: the rule's own method, no finding."""
    result = _read(tmp_path, adjust="19.96%", adjust_score="1.5")
    assert indicator_values(result)["预算调整率"] == (15, 19.96, 3, 1.5)
    assert not [f for f in result.findings if f.code == "SCORE_MISMATCH"]


def test_no_line_or_two_lines_for_one_name_give_no_target(tmp_path):
    two = RULES.replace("定量指标完成的得满分", "结转结余率不超过3%的得满分")
    values = indicator_values(checked(tmp_path, two.format(adjust="12.79%", adjust_score="3", carry_score="3")))
    assert values["结转结余率"][0] is None
    none = RULES.replace("评分说明：", "说明：按完成的得满分。另").replace("的得满分", "时计分")
    values = indicator_values(checked(tmp_path, none.format(adjust="12.79%", adjust_score="3", carry_score="3")))
    assert all(target is None for target, *_ in values.values())


# a 评分表 whose rows give the rule (评分标准) and what was achieved (自评依据), no 指标值 column
EVIDENCE_TABLE = """某区2024年度部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 自评依据 | 自评得分 |
| 投入 | 预算配置 | 在职人员控制率 | 5 | 在职人员控制率≤100%得满分 | 58/62=93.55% | {share} |
| | | 重点支出安排率 | 5 | ≥90%得满分，每低1个百分点扣0.3分 | 92.0% | 5 |
| 产出 | 履职产出 | 养老服务设施新建数量 | 8 | ≥12个，按实际/目标×分值计分 | 11个 | {built} |
| | | 临时救助平均办理时限 | 7 | ≤10个工作日得满分 | 7个工作日 | 7 |
| | | 救助政策知晓率 | 5 | 知晓率≥80%得满分 | 86% | 5 |
"""


def test_a_rows_own_rule_opening_with_its_line_gives_its_target(tmp_path):
    result = checked(tmp_path, EVIDENCE_TABLE.format(share="5", built="7.33"))
    values = indicator_values(result)
    assert values["在职人员控制率"] == (100, 93.55, 5, 5)       # (the share worked out: its result)
    assert values["重点支出安排率"] == (90, 92, 5, 5) and values["养老服务设施新建数量"] == (12, 11, 8, 7.33)
    assert values["临时救助平均办理时限"] == (10, 7, 7, 7)
    assert values["救助政策知晓率"][0] is None     # (another name before the line: not taken as this row's)
    assert [i.direction for i in result.facts.indicators][:4] == ["<=", ">=", ">=", "<="]
    assert not result.findings


def test_a_score_against_its_rows_own_line_is_a_warning(tmp_path):
    """Full marks where the line is met (93.55% under 100%), scored 4: a warning; a shortfall (11 of 12)
    is scored by the rule's own words, not checked."""
    text = EVIDENCE_TABLE.format(share="4", built="8")
    found = [f for f in checked(tmp_path, text).findings if f.code == "SCORE_MISMATCH"]
    assert [f.severity for f in found] == ["warning"] and "目标取自该行评分标准" in found[0].message


def test_the_line_a_rate_is_measured_against_right_after_it(tmp_path):
    """"项目预算调剂比例23.83%，超过20%控制线3.83个百分点，扣1.5分，得2.5分（分值4分）": the line is the rate's target —
    no direction (超过 says how it stands), nothing computed from it."""
    text = ("某县残疾人联合会2023年度部门整体支出绩效自评报告\n（二）部门管理（25分）：得23.5分。项目预算调剂比例23.83%，"
            "超过20%控制线3.83个百分点，扣1.5分，得2.5分（分值4分）。\n")
    result = checked(tmp_path, text)
    ind = next(i for i in result.facts.indicators if "调剂比例" in i.name)
    assert (ind.target.value, ind.actual.value, ind.direction, ind.rule_line) == (20, 23.83, None, True)
    assert result.findings == []
