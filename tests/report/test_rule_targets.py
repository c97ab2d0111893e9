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
| | | 入户走访覆盖率 | 5 | 知晓率≥80%得满分 | 90% | 5 |
"""


def test_a_rows_own_rule_opening_with_its_line_gives_its_target(tmp_path):
    result = checked(tmp_path, EVIDENCE_TABLE.format(share="5", built="7.33"))
    values = indicator_values(result)
    assert values["在职人员控制率"] == (100, 93.55, 5, 5)       # (the share worked out: its result)
    assert values["重点支出安排率"] == (90, 92, 5, 5) and values["养老服务设施新建数量"] == (12, 11, 8, 7.33)
    assert values["临时救助平均办理时限"] == (10, 7, 7, 7)
    assert values["救助政策知晓率"][0] == 80       # (the end of its own name before the line: its own)
    assert values["入户走访覆盖率"][0] is None     # (another name before the line: not taken as this row's)
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


# a 评分表 whose 完成情况 cells are sentences of several figures, its 评分标准 the line ("目标≥120场，…")
SAID_IN_WORDS = """某县2024年度部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 完成情况 | 得分 |
| 投入 | 预算配置 | 预算调整率 | 4 | 预算调整率=（追加数+调减数）÷年初预算数；≤10%得4分，超过的得2分 | 年初预算1,200.00万元，追加80.00万元、调减10.00万元，调整率7.50% | 4 |
| 产出 | 产出数量 | 送戏下乡场次 | 5 | 目标≥120场，按完成比例计分 | 全年送戏下乡{shows}场，其中进村演出68场 | {score} |
| | 产出质量 | 文献外借量 | 5 | 目标≥18万册次，按完成比例计分 | 全年外借16.9万册次，同比增长4.3% | 4.69 |
| 效果 | 满意度 | 群众满意度 | 5 | 目标≥90%，每低1个百分点扣0.5分 | 发放问卷600份，回收562份，满意538份，满意度95.73% | 5 |
"""


def test_what_a_sentence_of_figures_says_was_achieved(tmp_path):
    """The rate after the end of the row's name, not a change said beside it; a count in the target's unit, the first
    (a 其中 after it is a part); the target the line its 评分标准 opens with, after the word 目标 or a definition."""
    result = checked(tmp_path, SAID_IN_WORDS.format(shows="112", score="4.67"))
    assert indicator_values(result) == {"预算调整率": (10, 7.5, 4, 4), "送戏下乡场次": (120, 112, 5, 4.67),
                                        "文献外借量": (18, 16.9, 5, 4.69), "群众满意度": (90, 95.73, 5, 5)}
    assert not result.findings


def test_a_cell_of_two_rates_and_no_name_gives_no_achieved_figure(tmp_path):
    """"回收率93.67%，满意率95.73%" in the 群众满意度 row: neither rate after its name — which is its own is not known."""
    text = SAID_IN_WORDS.format(shows="112", score="4.67").replace("满意度95.73%", "回收率93.67%，满意率95.73%")
    assert indicator_values(checked(tmp_path, text))["群众满意度"][1] is None
