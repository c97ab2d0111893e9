"""An indicator said in one statement of its own, in whatever order (name, target, achieved, points,
score), and the points of several said before them ("设置4项指标，每项5分：…")."""
from __future__ import annotations

import pytest

from reading import checked, indicator_values

DEDUCTIONS = """某县2024年耕地地力提升项目绩效自评报告
四、自评得分情况
本次自评采取“满分减扣分”方式，实施面积每少1000亩扣0.1分。
面积指标（目标≥8万亩），本项满分15分，少完成2,400亩，扣0.24分，得14.76分。
深松整地面积指标（目标≥3万亩），本项满分10分，实际3.2万亩，不扣分，得10分。
结转结余率1.86%，满分5分，实得5分；
资金管理规范性指标，本项满分10分，抽查发现1处票据不全，扣0.5分，得9.5分。
"""


def test_one_statement_each_in_whatever_order(tmp_path):
    result = checked(tmp_path, DEDUCTIONS)
    values = indicator_values(result)
    # "少完成2,400亩" is a shortfall, not what was achieved
    assert values["面积"] == (8, None, 15, 14.76)
    assert values["深松整地面积"] == (3, 3.2, 10, 10)
    assert values["结转结余率"] == (None, 1.86, 5, 5)
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items["资金管理规范性"] == (10, 9.5)       # no target nor figure achieved: an item
    assert "本项" not in items


def test_a_rule_or_a_statement_with_two_points_is_no_indicators(tmp_path):
    text = """评分说明：预算执行率分值10分，得分=执行率×10分，执行率低于60%的得0分。
培训人次目标500人次，实际完成520人次，数量指标分值10分、质量指标分值10分，得18分。
"""
    result = checked(tmp_path, text)
    assert all(i.weight is None and i.self_score is None for i in result.facts.indicators)
    assert result.facts.items == []


def test_the_points_of_several_said_before_them_each_statement_ending_with_its_score(tmp_path):
    text = """某市退役军人事务局2024年度部门整体支出绩效自评报告
（一）履职目标完成（分值20分，自评18.75分）。设置4项指标，每项5分：抚恤金按时发放率，目标100%，实际100%，得5分；适应性培训人数，目标不少于200人，实际培训214人，得5分；纪念设施维修数量，目标4处，实际完成3处，按完成比例75%计3.75分；服务平台建设，目标年内上线，实际已上线运行，得5分。
"""
    result = checked(tmp_path, text)
    values = indicator_values(result)
    assert values["抚恤金按时发放率"] == (100, 100, 5, 5)
    assert values["纪念设施维修数量"] == (4, 3, 5, 3.75)
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items["履职目标完成"] == (20, 18.75)       # "（分值20分，自评18.75分）"


def test_points_said_before_a_list_that_is_not_what_it_said_are_no_ones(tmp_path):
    text = ("设置3项指标，每项5分：抚恤金按时发放率，目标100%，实际100%，得5分；适应性培训人数，目标不少于200人，"
            "实际培训214人，得6分；纪念设施维修数量，目标4处，实际完成3处，得3.75分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert all(v[2] is None for v in values.values())      # 6 > 5: the list is no such list (each score alone is read)


def test_bare_points_before_the_score_a_groups_label_and_a_figure_right_after_a_comma(tmp_path):
    """"…，完成率97.17%，6分，得5.65分" (6 right after a comma is a figure), "（8分，得8分）", and "（1）数量指标：" a
    group's label before the indicator's name; "目标不少于" is no part of a name."""
    text = """4.履职产出（20分，得19.65分）。
农田建设面积目标1.2万亩，实际建成1.13万亩，完成率94.17%，6分，得5.65分。
项目开工率目标不低于95%，实际100%（8分，得8分）。
（1）数量指标：新建养殖棚圈88座，目标90座，该指标分值6分，得分5.87分。
"""
    values = indicator_values(checked(tmp_path, text))
    assert values["农田建设面积"] == (1.2, 1.13, 6, 5.65)
    assert values["项目开工率"] == (95, 100, 8, 8)
    assert values["新建养殖棚圈"] == (90, 88, 6, 5.87)


def test_a_reason_with_a_figure_is_no_subject(tmp_path):
    text = ("更换改造老旧管网41.6公里，目标不少于45公里，完成率92.44%，未完成原因是2处管网改造因道路施工推迟，"
            "该指标分值10分，得分9.24分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["更换改造老旧管网"] == (45, 41.6, 10, 9.24)
    assert not any(name.startswith("未完成") for name in values)


def test_what_it_reached_of_its_target_is_no_target_nor_a_name(tmp_path):
    """"…，实际56.4%，达到目标值的94.00%，满分6分，实得5.64分": 94.00% is its completion; neither "达到" nor
    "实际" is an indicator of its own."""
    text = "6.医保电子凭证激活率目标不低于60%，实际56.4%，达到目标值的94.00%，满分6分，实得5.64分。\n"
    assert indicator_values(checked(tmp_path, text)) == {"医保电子凭证激活率": (60, 56.4, 6, 5.64)}


def test_points_and_scores_listed_in_turn_after_the_names(tmp_path):
    text = ("全年开展职业技能培训6,412人次，目标6,000人次；新增高技能人才152人，目标150人。\n"
            "上述指标中，职业技能培训、高技能人才、学员满意度3项指标，分值依次为8、7、5分，得分依次为8、7、4.6分。\n")
    result = checked(tmp_path, text)
    values = indicator_values(result)
    assert values["开展职业技能培训"][2:] == (8, 8) and values["新增高技能人才"][2:] == (7, 7)
    assert {i.name: (i.weight.value, i.score.value) for i in result.facts.items}["学员满意度"] == (5, 4.6)
    mismatched = checked(tmp_path, text.replace("得分依次为8、7、4.6分", "得分依次为8、7分"))
    assert all(v[2] is None for v in indicator_values(mismatched).values())   # two scores for three: none read


def test_a_completion_worked_out_from_the_achieved_rate_before_it_was_rounded(tmp_path):
    """12 of 14: 85.714…% → "85.71%"; 85.714 ÷ 90 = 95.24%, though 85.71 ÷ 90 = 95.23%: no error. A count or a
    target is no rounded figure: 1.13万亩 of 1.2万亩 is 94.17%, not 97.17%."""
    said = "14个村中12个按期完工，完工及时率85.71%，目标90%，完成率{rate}。\n"
    assert [f.code for f in checked(tmp_path, said.format(rate="95.24%")).findings] == []
    assert [f.code for f in checked(tmp_path, said.format(rate="95.23%")).findings] == []
    assert [f.code for f in checked(tmp_path, said.format(rate="96.24%")).findings] == ["COMPLETION_MISMATCH"]
    area = "高标准农田建设面积目标1.2万亩，实际建成1.13万亩，完成率97.17%。\n"
    assert [f.code for f in checked(tmp_path, area).findings] == ["COMPLETION_MISMATCH"]


def test_a_score_by_a_rule_the_report_states_for_that_indicator_by_name_is_a_warning(tmp_path):
    text = ("评分办法：定量指标按完成率乘以分值计分；造林成活率按分档计分，达到85%得满分，80%（含）至85%得分值的一半，80%以下不得分。\n"
            "| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 当年造林成活率 | ≥85% | 83.6% | 8 | 4 |\n")
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == [("SCORE_MISMATCH", "warning")]
    no_rule = text.replace("造林成活率按分档计分，达到85%得满分，80%（含）至85%得分值的一半，80%以下不得分。", "")
    # without it: 83.6 ÷ 85 × 8 = 7.87, scored 4 — no slip's shape, in a table of no national form: still a warning
    # ("按完成率乘以分值计分" taken as the report's word for scoring in proportion made false errors on unseen reports)
    assert [(f.code, f.severity) for f in checked(tmp_path, no_rule).findings] == [("SCORE_MISMATCH", "warning")]


def test_a_floor_below_which_nothing_is_scored_and_a_rule_of_completion_bands(tmp_path):
    form = ("某县2023年度项目支出绩效自评报告\n| 指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 项目完工数 | ≥10个 | {done}个 | 10 | {score} |\n注：{rule}\n")
    floor = "定量指标按完成比例计分，完成率低于60%的不得分。"
    assert [f.code for f in checked(tmp_path, form.format(done=5, score=0, rule=floor)).findings] == []
    assert [f.code for f in checked(tmp_path, form.format(done=7, score=0, rule=floor)).findings] == ["SCORE_MISMATCH"]
    # the report's own bands, each a share of the points: 80% → 60% of 10 = 6, recomputed by TIER_SCORE; a score
    # off them is a warning that says the report scores by bands
    bands = "完成率90%（含）以上得满分，完成率60%-90%得分值的60%，60%以下不得分。"
    assert [(f.code, f.severity) for f in checked(tmp_path, form.format(done=8, score=6, rule=bands)).findings] == []
    assert [(f.code, f.severity) for f in checked(tmp_path, form.format(done=8, score=7, rule=bands)).findings] == \
        [("SCORE_MISMATCH", "warning")]


def test_named_indicators_counted_then_each_given_its_points_in_full(tmp_path):
    text = "（四）效益（分值10分，得分10分）。事故死亡人数、应急救援到达时间2项指标各5分，均得满分。\n"
    items = {i.name: (i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items}
    assert items["事故死亡人数"] == (5, 5) and items["应急救援到达时间"] == (5, 5)


def test_a_ceiling_kept_under_whose_completion_is_the_ceiling_over_what_was_achieved(tmp_path):
    said = "信访投诉件数目标不超过5件，实际3件，完成率{rate}。\n"
    assert [f.code for f in checked(tmp_path, said.format(rate="166.67%")).findings] == []     # 5 ÷ 3
    assert [f.code for f in checked(tmp_path, said.format(rate="100%")).findings] == []
    assert [f.code for f in checked(tmp_path, said.format(rate="176.67%")).findings] == ["COMPLETION_MISMATCH"]


def test_a_group_label_then_an_indicator_whose_target_closes_its_name(tmp_path):
    """"数量指标：森林抚育面积目标3.2万亩，完成3.05万亩，完成率95.31%，分值6分，得5.27分" (6 × 95.31% = 5.72)."""
    text = ("（三）产出\n数量指标：森林抚育面积目标3.2万亩，完成3.05万亩，完成率95.31%，分值6分，得{score}分。\n"
            "| 指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 新造林成活率 | ≥85% | 91.3% | 5 | 5 |\n")
    result = checked(tmp_path, text.format(score="5.72"))
    assert indicator_values(result)["森林抚育面积"] == (3.2, 3.05, 6, 5.72) and result.findings == []
    assert [f.code for f in checked(tmp_path, text.format(score="5.27")).findings] == ["SCORE_MISMATCH"]
    again = text.format(score="5.72") + "新造林成活率目标≥85%，实际91.3%，分值5分，得5分。\n"
    assert len(checked(tmp_path, again).facts.indicators) == 2     # the form's row said again: read once


def test_indicators_said_with_their_figures_then_listed_with_their_points_all_in_full(tmp_path):
    text = ("二、绩效目标完成情况\n新增认证产品数目标15个，实际17个；带动农户数目标1500户，实际1,624户。\n"
            "三、自评得分情况\n本项目新增认证产品数（15分）、带动农户数（10分）均得满分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["新增认证产品数"] == (15, 17, 15, 15) and values["带动农户数"] == (1500, 1624, 10, 10)


def test_a_groups_points_in_its_heading_are_not_its_first_indicators(tmp_path):
    """"（二）产出指标（分值50分，得49.5分）小型水库维修养护座数，指标值为77座，实际完成77座，该项分值10分，自评得10分"."""
    text = ("按照评分规则：数量指标完成率100%（含）以上得满分，95%（含）至100%之间扣0.5分。\n"
            "（二）产出指标（分值50分，得49.5分）小型水库维修养护座数，指标值为77座，实际完成77座，该项分值10分，自评得10分。"
            "供水工程维修处数，指标值为不少于186处，实际完成179处，完成率96.24%，该项分值10分，扣0.5分，得9.5分。\n")
    result = checked(tmp_path, text)
    assert indicator_values(result)["小型水库维修养护座数"] == (77, 77, 10, 10)
    assert result.findings == []   # (its bands' 扣0.5分 said with its score, 10 − 0.5 = 9.5: the report's own deduction)


def test_points_said_as_this_items_bare_before_what_it_earned(tmp_path):
    text = "助餐服务人次目标为不少于3.6万人次，全年实际3.38万人次，完成率93.89%，该项10分，实得9.39分。\n"
    assert indicator_values(checked(tmp_path, text))["助餐服务人次"] == (3.6, 3.38, 10, 9.39)


def test_what_was_achieved_first_then_a_dash_and_the_name_scored_before_its_points(tmp_path):
    text = ("（三）产出（12分，得11.6分）。\n312天——全年公共文化场馆免费开放天数（目标≥300天），得6分（满分6分）；\n"
            "1.08万册——县图书馆新增藏书（目标≥1.2万册），完成率90%，得5.6分（满分6分）。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["全年公共文化场馆免费开放天数"] == (300, 312, 6, 6)
    assert values["县图书馆新增藏书"] == (1.2, 1.08, 6, 5.6)


def test_a_completion_cut_by_the_reports_own_rule_and_a_ceilings_share_used(tmp_path):
    cut = "（本报告比率保留两位小数，第三位起舍去。）\n培训人次目标300人次，实际完成296人次，完成率{rate}。\n"
    assert [f.code for f in checked(tmp_path, cut.format(rate="98.66%")).findings] == []        # 98.666… cut
    assert [f.code for f in checked(tmp_path, cut.format(rate="98.56%")).findings] == ["COMPLETION_MISMATCH"]
    no_rule = "培训人次目标300人次，实际完成296人次，完成率98.66%。\n"
    assert [f.code for f in checked(tmp_path, no_rule).findings] == ["COMPLETION_MISMATCH"]
    share = "单位成本目标不超过3万元，实际3.2万元，完成率106.67%。\n"      # 3.2 ÷ 3: the share of the ceiling used
    assert [f.code for f in checked(tmp_path, share).findings] == []


def test_a_score_in_a_report_with_a_deduction_rule_for_its_indicators_is_a_warning(tmp_path):
    # (93 ÷ 95 × 10 = 9.79, written 9.97: a slip's shape — of no shape, a table's row is a warning in any case)
    table = ("| 指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 抽检合格率 | ≥95% | 93% | 10 | 9.97 |\n")
    ruled = "评分规则：定量指标每低于目标1个百分点扣0.5分。\n" + table
    assert [(f.code, f.severity) for f in checked(tmp_path, ruled).findings] == [("SCORE_MISMATCH", "warning")]
    execution_only = "评分规则：预算执行率每低1个百分点扣0.5分；定量指标按完成比例计分。\n" + table
    assert [(f.code, f.severity) for f in checked(tmp_path, execution_only).findings] == [("SCORE_MISMATCH", "error")]


def test_a_score_alone_at_the_end_of_an_indicators_statement(tmp_path):
    text = ("（三）产出（分值12分，得11.65分）\n场馆每周开放时长目标不少于35小时，实际平均42小时，得6分；"
            "全民健身赛事活动目标不少于120场，实际举办113场，完成率94.17%，得5.65分（分值6分）。\n")
    result = checked(tmp_path, text)
    values = indicator_values(result)
    assert values["场馆每周开放时长"] == (35, 42, None, 6)           # a score with no points: read, not checked
    assert values["全民健身赛事活动"] == (120, 113, 6, 5.65)
    assert result.findings == []


SCORED_APART_UNBRACKETED = """某市2024年度技工培训补助项目绩效自评报告
二、绩效目标完成情况
（一）产出。培训人数目标不少于1500人，实际培训1620人；证书取得率目标≥80%，实际86%。
（二）效益。培训后上岗率目标≥60%，实际57.6%。
三、自评得分
经自评，产出指标中培训人数12分、证书取得率8分，均得满分；效益指标中培训后上岗率分值20分得19.2分。
"""


def test_points_said_right_after_each_name_and_a_score_right_after_its_points(tmp_path):
    """"A12分、B8分，均得满分" (no brackets) and "上岗率分值20分得19.2分" (no comma): each indicator said
    before gets its points and score — from a statement apart, so only warnings may come of them."""
    result = checked(tmp_path, SCORED_APART_UNBRACKETED)
    values = indicator_values(result)
    assert values["培训人数"] == (1500, 1620, 12, 12)
    assert values["证书取得率"] == (80, 86, 8, 8)
    assert values["培训后上岗率"] == (60, 57.6, 20, 19.2)
    assert not [f for f in result.findings if f.severity == "error"]


JOINED_BY_CORE = """某县2024年度市场监管局部门整体支出绩效自评报告
三、绩效目标完成情况
全年开展食品安全监督抽检1,260批次（目标不少于1,200批次）；投诉举报办结平均用时6.5个工作日（目标不超过5个工作日）；证照取得率96%（目标95%）。
四、自评得分情况
监督抽检批次（6分）得6分；取得率（4分）得4分；举报办结用时（5分）得3.85分，其中举报办结用时为逆向指标，按目标值÷实际值计分。
"""


def test_an_indicator_and_its_score_said_apart_under_a_shorter_name(tmp_path):
    """The 评分 names each indicator shortly ("监督抽检批次", "举报办结用时", "取得率"): each is joined to the one indicator
    whose name it shares a core with, and one said to be 逆向 is scored so — the score 5×5÷6.5 = 3.85 agrees."""
    result = checked(tmp_path, JOINED_BY_CORE)
    values = indicator_values(result)
    assert values["开展食品安全监督抽检"][2:] == (6, 6)
    assert values["证照取得率"][2:] == (4, 4)
    # the name its 评分 gives it is kept beside the one it was read by (and said in --json)
    named = {i.name: i.scored_as for i in result.facts.indicators}
    assert named["开展食品安全监督抽检"] == "监督抽检批次" and named["证照取得率"] == "取得率"
    reverse = next(i for i in result.facts.indicators if "办结平均用时" in i.name)
    assert (reverse.weight.value, reverse.self_score.value, reverse.direction) == (5, 3.85, "<=")
    assert not [f for f in result.findings if f.code == "SCORE_MISMATCH"]


UNSCORED_STATEMENTS = """某县2024年度教育局部门整体支出绩效自评报告
三、绩效目标完成情况
群众满意度达到95%以上，实际97%；受益家庭满意度年度目标≥90%，问卷调查结果为88.5%；
学生近视筛查覆盖率计划达到98%以上，实际覆盖率99.2%。
校舍维修面积原定2000平方米，实际完成2150平方米。婴儿死亡率控制在5‰以下，实际3.1‰。
截至9月底，政策知晓率达到80%以上，实际76%。
"""


def test_a_target_and_what_was_achieved_in_one_statement_without_points(tmp_path):
    """One target and what was achieved after it, however the two are worded, no points: an indicator of the
    name the statement opens with — its direction from the bound said after the target; a 9月底 figure is not
    the year's."""
    result = checked(tmp_path, UNSCORED_STATEMENTS)
    values = indicator_values(result)
    assert values["群众满意度"] == (95, 97, None, None)
    assert values["受益家庭满意度"] == (90, 88.5, None, None)
    assert values["学生近视筛查覆盖率"] == (98, 99.2, None, None)
    assert values["校舍维修面积"] == (2000, 2150, None, None)
    assert values["婴儿死亡率"] == (5, 3.1, None, None)
    directions = {i.name: i.direction for i in result.facts.indicators}
    assert directions["婴儿死亡率"] == "<=" and directions["群众满意度"] == ">="
    assert not any("知晓率" in name for name in values)


def test_what_was_achieved_said_before_the_target_word(tmp_path):
    """"助餐覆盖率57%，指标值60%，得5.7分（分值10分）": the figure closing the name's clause is what was achieved."""
    text = "（二）效益目标。高龄老人助餐覆盖率57%，指标值60%，得5.7分（分值10分），主要是居住分散。\n"
    values = indicator_values(checked(tmp_path, text))
    assert values["高龄老人助餐覆盖率"] == (60, 57, 10, 5.7)


FORM_AND_SENTENCE = """某旗2024年基础母牛扩群项目绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 效益指标 | 社会效益 | 母牛受胎率 | ≥60% | 63.5% | 5 | 5 |
| 产出指标 | 数量指标 | 扩群母牛头数 | ≥1200头 | 1260头 | 10 | 10 |
三、绩效目标完成情况
母牛受胎率目标≥60%，抽查实际63.5%，得{score}分（分值5分）。
"""


@pytest.mark.parametrize("score, wrong", [("5", False), ("4.5", True)])
def test_a_sentence_restating_a_forms_row_with_a_score_of_its_own(tmp_path, score, wrong):
    """The sentence restates the form's row (same target and actual) but scores it otherwise: its score is
    checked as it says it (63.5% ≥ 60%: full marks); the same score as the row's is no second finding."""
    found = [f for f in checked(tmp_path, FORM_AND_SENTENCE.format(score=score)).findings if f.code == "SCORE_MISMATCH"]
    assert [f.where for f in found] == (["第6行"] if wrong else [])


@pytest.mark.parametrize("rate, wrong", [("92%", False), ("93%", True)])
def test_a_completion_in_brackets_of_a_figure_whose_target_the_form_states(tmp_path, rate, wrong):
    """"全年提供老年助餐服务33.12万人次（完成年度目标的93%）": the form's row 助餐服务人次 (≥36万人次, 33.12万人次)
    is the same indicator — the same figure achieved, a name sharing its core — so 33.12 ÷ 36 = 92%."""
    text = ("| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 助餐服务人次 | ≥36万人次 | 33.12万人次 | 10 | 9.2 |\n"
            f"三、绩效目标完成情况\n全年提供老年助餐服务33.12万人次（完成年度目标的{rate}），未完成的原因是厨房改造停业。\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "COMPLETION_MISMATCH"]
    assert [f.severity for f in found] == (["warning"] if wrong else [])


@pytest.mark.parametrize("rate, wrong", [("107.67%", False), ("107.76%", True)])
def test_a_completion_rate_in_brackets_of_a_figure_whose_target_the_form_states(tmp_path, rate, wrong):
    text = ("| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 食品抽检批次 | ≥1200批次 | 1292批次 | 10 | 10 |\n"
            f"1.数量指标。全年完成食品抽检1,292批次（完成率{rate}），其中抽检合格1,270批次。\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "COMPLETION_MISMATCH"]
    assert bool(found) == wrong


ACHIEVED_THEN_BOUND = """三、履职效果
补贴性职业技能培训目标15,000人次，全年完成13,860人次，完成率92.40%，主要是两家机构资质到期（分值7分，得分6.47分）。
年末城镇登记失业率2.6%，控制在3%以内（分值7分，得分7分）。
4.公用经费控制率。公用经费预算560.00万元、实际支出533.74万元，控制率95.31%，不超过100%（分值5分，得分5分）。
劳动保障监察案件结案率97.8%，目标95%以上（分值7分，得分7分）。
"""


def test_what_was_achieved_then_the_bound_it_kept_and_no_name_of_achieved_words(tmp_path):
    """"失业率2.6%，控制在3%以内（分值7分，得分7分）": the bound after what was achieved is its target, its
    direction from its words; "全年完成13,860人次" names no indicator — the statement's opening name does."""
    result = checked(tmp_path, ACHIEVED_THEN_BOUND)
    values = indicator_values(result)
    assert values["补贴性职业技能培训"] == (15000, 13860, 7, 6.47)
    assert values["年末城镇登记失业率"] == (3, 2.6, 7, 7)
    assert values["劳动保障监察案件结案率"] == (95, 97.8, 7, 7)
    assert values["公用经费控制率"] == (100, 95.31, 5, 5)
    directions = {i.name: i.direction for i in result.facts.indicators}
    assert directions["年末城镇登记失业率"] == "<=" and directions["劳动保障监察案件结案率"] == ">="
    assert not any(name in values for name in ("全年完成", "控制在", "不超过"))
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_score_then_its_points_closing_a_statement_with_other_figures_in_it(tmp_path):
    """"…目标420户，实际完成401户，…兑付补助120.30万元，未完成的19户…，该项得7.64分（分值8分）。": the clause
    that ends the statement scores its indicator, whatever figures stand between."""
    text = ("（二）产出指标。农村户厕改造目标420户，实际完成401户，完成率95.48%，按户均3000元标准兑付补助120.30万元，"
            "未完成的19户因农户外出务工暂缓施工，该项得7.64分（分值8分）。\n")
    assert indicator_values(checked(tmp_path, text))["农村户厕改造"] == (420, 401, 8, 7.64)


GROUP_WORDS = """某县2024年全民健身项目绩效自评报告
三、绩效目标完成情况
委托第三方随机调查群众312人，满意度91.3%（目标≥90%）。
服务对象满意度目标≥95%，实际96.2%。
四、评分结果
| 一级指标 | 三级指标 | 分值 | 得分 |
| 效益 | {row} | 12 | 12 |
| | 服务对象满意度 | 8 | 8 |
"""


@pytest.mark.parametrize("row, joined", [("群众满意度", True), ("满意度指标", False)])
def test_an_indicator_read_under_its_groups_word_joins_a_row_of_one_indicator_of_it(tmp_path, row, joined):
    """"满意度91.3%" joins the row "群众满意度" (one indicator of that kind), not the group's own row
    "满意度指标"; a row named exactly as an indicator joins it even when the name is a group's word
    ("服务对象满意度")."""
    values = indicator_values(checked(tmp_path, GROUP_WORDS.format(row=row)))
    assert values["满意度"] == (90, 91.3) + ((12, 12) if joined else (None, None))
    assert values["服务对象满意度"] == (95, 96.2, 8, 8)


def test_a_statement_scoring_an_indicator_read_before_by_its_name(tmp_path):
    """"…各10分均得满分，新创小戏小品分值10分，按完成比例得8.33分": the name right before its points is the
    statement's subject (not the list before it), and the indicator of that name read before takes them."""
    text = """三、绩效目标完成情况
新创小戏小品目标≥6个，实际完成5个；覆盖行政村目标≥300个，实际覆盖318个。
四、自评得分
产出指标中演出场次、覆盖行政村各10分均得满分，新创小戏小品分值10分，按完成比例得8.33分。
"""
    values = indicator_values(checked(tmp_path, text))
    assert values["新创小戏小品"] == (6, 5, 10, 8.33)


def test_its_points_and_score_in_a_sentence_of_their_own_after_it(tmp_path):
    """"…受益群众满意度92.7%，目标不低于90%。该指标分值10分，得分10分。": the one indicator said before it in
    its paragraph takes them; a paragraph of two indicators gives them to neither."""
    one = "（四）满意度指标。委托第三方调查860户，受益群众满意度92.7%，目标不低于90%。该指标分值10分，得分10分。\n"
    assert indicator_values(checked(tmp_path, one))["受益群众满意度"] == (90, 92.7, 10, 10)
    two = one.replace("目标不低于90%。", "目标不低于90%；群众知晓率86%，目标不低于85%。")
    values = indicator_values(checked(tmp_path, two))
    assert values["受益群众满意度"][2:] == (None, None)


def test_what_was_achieved_said_as_a_rise_from_last_years_figure(tmp_path):
    """"普及率由上年的86.7%提高到89.2%，目标88%以上": 89.2% is what was achieved, 86.7% last year's, and the name
    is the words before 由; "…，但未达到85%的目标" is a bound, no name."""
    text = ("三、绩效目标完成情况\n全县农村自来水普及率由上年的86.7%提高到89.2%，目标88%以上，该指标分值10分，得分10分。\n"
            "视频监控覆盖率由上年的76%提高到82%，但未达到85%的目标，该指标分值5分，得分4.82分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["全县农村自来水普及率"] == (88, 89.2, 10, 10)
    assert values["视频监控覆盖率"] == (85, 82, 5, 4.82)


def test_what_was_achieved_before_its_target_in_brackets_or_before_a_bound_word(tmp_path):
    """"林农满意度94.1%（目标90%以上）", "森林覆盖率78.62%，稳定在目标值78.5%以上", "…受害率0.05‰，控制在0.8‰以内": the
    figure after the name is what was achieved (‰ a unit of its own), the bound word names nothing."""
    text = ("三、绩效目标完成情况\n生态效益：森林覆盖率78.62%，稳定在目标值78.5%以上，分值6分，得6分；森林火灾受害率0.05‰，"
            "控制在0.8‰以内，分值5分，得5分。满意度：林农满意度94.1%（目标90%以上），分值5分，得5分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["森林覆盖率"] == (78.5, 78.62, 6, 6)
    assert values["森林火灾受害率"] == (0.8, 0.05, 5, 5)
    assert values["林农满意度"] == (90, 94.1, 5, 5)
    assert "稳定在" not in values


@pytest.mark.parametrize("said, wrong", [("85.71%", False), ("87.51%", True)])
def test_a_completion_said_later_in_its_sentence_by_a_formula_in_words(tmp_path, said, wrong):
    """"…目标≤48小时，实际平均56小时，未达目标，按逆向指标“目标值÷实际值”计算完成率为87.51%": the formula's words are
    no target; the completion, the next figure after what was achieved, is checked (48 ÷ 56 = 85.71%)."""
    text = ("三、绩效目标完成情况\n机电井故障平均修复时间目标≤48小时，实际平均56小时，未达目标，按逆向指标“目标值÷实际值”"
            f"计算完成率为{said}，该项分值10分，得8.57分。\n")
    result = checked(tmp_path, text)
    assert indicator_values(result) == {"机电井故障平均修复时间": (48, 56, 10, 8.57)}
    assert [(f.code, f.severity) for f in result.findings] == ([("COMPLETION_MISMATCH", "error")] if wrong else [])
    reverse = "“三公”经费年度控制目标12.00万元，实际支出10.56万元，按反向指标计算完成率113.64%。\n"
    assert checked(tmp_path, reverse).findings == []      # (反向: a ceiling, 12 ÷ 10.56)


def test_its_points_in_brackets_after_its_name_then_its_target(tmp_path):
    """"统计数据差错率（7分），目标值≤0.5%，…差错率0.21%，优于目标，得7分": the bracket is its own points (not a
    group's, which stands before a name of its own), its name the words before it."""
    text = ("3.3产出\n产出类指标满分30分，自评得29.90分。统计数据差错率（7分），目标值≤0.5%，全年经市局审核差错率0.21%，"
            "优于目标，得7分；统计数据按时上报率（7分），目标值100%，全年按时上报率98.6%，按完成比例得6.90分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["统计数据差错率"] == (0.5, 0.21, 7, 7)
    assert values["统计数据按时上报率"] == (100, 98.6, 7, 6.9)


def test_a_target_with_its_bound_after_it_then_what_was_achieved(tmp_path):
    """"完成森林抚育5,000亩以上，实际抚育5,120亩" (the bound after the figure, no cue before it) and "…成活率要求达到
    85%以上，经秋季核查，成活率为88.6%" (what was achieved under its measure's word again)."""
    text = ("二、绩效目标完成情况\n完成森林抚育5,000亩以上，实际抚育5,120亩。\n"
            "新造林苗木成活率要求达到85%以上，经秋季核查，成活率为88.6%。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["完成森林抚育"] == (5000, 5120, None, None)
    assert values["新造林苗木成活率"] == (85, 88.6, None, None)


def test_what_was_achieved_with_its_unit_before_the_target_and_a_comparison_named_nothing(tmp_path):
    """"全年改造供热管网43.6公里，指标值为不少于42公里，…该项分值15分，自评得15分": 43.6公里 is what was achieved, not part
    of the name; "新建改造换热站6座，与目标持平（分值10分，得10分）": the points are the indicator's, 与目标持平 no item."""
    text = ("三、绩效目标完成情况\n数量方面，全年改造供热管网43.6公里，指标值为不少于42公里，完成目标，该项分值15分，自评得15分。\n")
    assert indicator_values(checked(tmp_path, text))["全年改造供热管网"] == (42, 43.6, 15, 15)
    same = "一、绩效目标\n新建改造换热站6座。\n二、绩效目标完成情况\n新建改造换热站6座，与目标持平（分值10分，得10分）。\n"
    result = checked(tmp_path, same)
    assert not [i for i in result.facts.items if "持平" in i.name]


def test_a_part_of_what_was_achieved_is_not_the_achieved_figure(tmp_path):
    """"开展惠民演出136场，其中苏木镇、嘎查98场，旗内社区及广场38场，年度目标为120场以上": 38 is a part, not what
    was achieved against the 120."""
    text = "二、绩效目标完成情况\n全年开展惠民演出136场，其中苏木镇、嘎查98场，旗内社区及广场38场，年度目标为120场以上。\n"
    assert all(actual != 38 for _, actual, _, _ in indicator_values(checked(tmp_path, text)).values())


def test_a_ceilings_completion_by_the_reports_own_reverse_rule(tmp_path):
    """"≤10%，实际8.0%，完成进度80.00%" is the share of the ceiling used — a convention — unless the report says a
    reverse indicator's completion is 目标值÷实际值 (10 ÷ 8 = 125%): then 80% is said otherwise than its rule."""
    said = "设施非正常运行率绩效目标值≤10%，实际8.0%，完成进度80.00%。\n"
    assert checked(tmp_path, said).findings == []
    rule = "评分说明：反向指标（越小越好）完成进度=目标值÷实际值×100%。\n"
    assert [f.code for f in checked(tmp_path, rule + said).findings] == ["COMPLETION_MISMATCH"]


@pytest.mark.parametrize("said, value", [("实际下降8.61%", -8.61), ("实际为-8.61%", -8.61), ("实际8.61%", 8.61)])
def test_a_change_held_under_nought_said_as_a_fall(tmp_path, said, value):
    """"变动率指标值为不高于0，实际下降8.61%": the change achieved is −8.61%, under its ceiling — full marks are right."""
    text = f"某局2024年度部门整体支出绩效自评报告\n二、投入指标\n“三公”经费变动率指标值为不高于0，{said}，该项分值5分，自评得5分。\n"
    result = checked(tmp_path, text)
    assert [(i.name, i.target.value, i.actual.value) for i in result.facts.indicators] == [("“三公”经费变动率", 0, value)]
    assert [f.code for f in result.findings] == ([] if value < 0 else ["SCORE_MISMATCH"])


@pytest.mark.parametrize("said, values", [
    ("农村自来水普及率目标为90%，年末达到88.4%，得8.84分", (90, 88.4, None, 8.84)),
    ("农村供水工程水质达标率目标为不低于85%，抽检达标率78.6%，得4.62分", (85, 78.6, None, 4.62)),
    ("农村供水工程水质达标率目标为不低于85%，完成率92.47%，得4.62分", None),    # (a completion is no figure achieved)
])
def test_a_statement_of_target_achieved_and_score_without_points(tmp_path, said, values):
    text = f"某县水利局2023年度部门整体支出绩效自评报告\n四、评分\n{said}；全年未发生责任事故。\n"
    read = indicator_values(checked(tmp_path, text))
    assert (next(iter(read.values())) if read else None) == values


def test_a_plan_then_what_was_done(tmp_path):
    text = ("某县水利局2023年度部门整体支出绩效自评报告\n四、评分\n年度计划维修养护小型水库12座，实际完成12座，得8分；"
            "计划维修农村供水工程45处，完成41处，得{score}分。\n")
    read = indicator_values(checked(tmp_path, text.format(score="7.29")))
    assert read == {"维修养护小型水库": (12, 12, None, 8), "维修农村供水工程": (45, 41, None, 7.29)}


@pytest.mark.parametrize("done, found", [("92.50", []), ("93.75", ["COMPLETION_MISMATCH"])])
def test_the_plans_word_inside_the_name_and_the_completion_after(tmp_path, done, found):
    """"布病免疫计划羊只64万只，实际免疫59.2万只（完成率93.75%）": 59.2 ÷ 64 = 92.50%; in the results section, the
    plan's figure is no result of the goal "布病免疫羊只不少于64万只"."""
    text = ("某旗2023年度动物防疫项目绩效自评报告\n（三）年度绩效目标\n布病免疫羊只不少于64万只，病死畜无害化处理率100%。\n"
            f"三、绩效目标完成情况\n布病免疫计划羊只64万只，实际免疫59.2万只（完成率{done}%），部分牧户夏季转场；\n")
    result = checked(tmp_path, text)
    assert indicator_values(result)["布病免疫羊只"][:2] == (64, 59.2)
    assert [f.code for f in result.findings] == found
