"""Points said once for a paragraph's indicators (engine/report/each_points.py)."""
from __future__ import annotations

from reading import checked, indicator_values

REPORT = """某旗卫生健康委员会2024年度部门整体支出绩效自评报告
二、绩效指标完成情况
| 三级指标 | 年度指标值 | 实际完成值 |
| 居民电子健康档案建档率 | ≥90% | 92.4% |
| 孕产妇系统管理率 | ≥90% | 93.1% |
| 家庭医生签约率 | ≥{target}% | 71.5% |
三、产出评价分析
产出指标3项，每项5分。居民电子健康档案建档率、孕产妇系统管理率、家庭医生签约率3项均达到目标值，各得5分。
"""


def test_names_scored_alike_after_each_items_points(tmp_path):
    values = indicator_values(checked(tmp_path, REPORT.format(target="70")))
    assert values["居民电子健康档案建档率"] == (90, 92.4, 5, 5) and values["家庭医生签约率"] == (70, 71.5, 5, 5)


def test_a_full_score_for_a_target_missed_is_found(tmp_path):
    result = checked(tmp_path, REPORT.format(target="75"))      # 71.5 ÷ 75 × 5 = 4.77, scored 5
    assert indicator_values(result)["家庭医生签约率"] == (75, 71.5, 5, 5)
    assert [f.code for f in result.findings] == ["SCORE_MISMATCH"]


def test_scores_above_the_points_said_are_not_given_them(tmp_path):
    text = REPORT.format(target="70").replace("各得5分", "各得6分")
    values = indicator_values(checked(tmp_path, text))
    assert values["居民电子健康档案建档率"] == (90, 92.4, None, None)


# a goals table, results said under other names, and points listed once then "其余N项均得满分"
GROUP_REPORT = """某县农业农村局2023年度农民培训项目绩效自评报告
一、项目基本情况
（一）年度绩效目标
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |
| 产出指标 | 数量指标 | 培训农民人数 | ≥500人 |
| | | 实训基地数量 | ≥6个 |
| | 质量指标 | 学员考核合格率 | ≥95% |
| | | 学员信息建档率 | 100% |
二、绩效目标完成情况
全年培训农民、建设实训基地分别为520人、7个，均完成年度目标。
全部学员录入信息系统，学员信息建档率100%。考核合格率{rate}%。
三、自评得分
产出指标共4项，分值30分：培训人数8分、实训基地数6分、考核合格率8分、建档率8分。除考核合格率一项按{rate}÷95×8计得{score}分外，其余{rest}项均得满分。
"""


def test_points_listed_then_the_rest_in_full(tmp_path):
    values = indicator_values(checked(tmp_path, GROUP_REPORT.format(rate="94.5", score="7.96", rest="3")))
    assert values["培训农民人数"] == (500, 520, 8, 8)          # results "培训农民…520人": the goals row's
    assert values["实训基地数量"] == (6, 7, 6, 6)
    assert values["学员信息建档率"] == (100, 100, 8, 8)         # its result said alone, by its name


def test_the_rest_counted_otherwise_reads_no_points(tmp_path):
    values = indicator_values(checked(tmp_path, GROUP_REPORT.format(rate="94.5", score="7.96", rest="2")))
    assert values["培训农民人数"][2:] == (None, None)     # four named, one scored apart, "其余2项": not the report's count


def test_a_score_said_again_by_name_is_checked(tmp_path):
    result = checked(tmp_path, GROUP_REPORT.format(rate="94.5", score="7.69", rest="3"))    # 94.5 ÷ 95 × 8 = 7.96
    # (a warning: target and actual from the text, points and score from the 评分 said apart)
    assert [(f.code, f.severity) for f in result.findings] == [("SCORE_MISMATCH", "warning")]
    assert "学员考核合格率" in result.findings[0].message


def test_points_for_each_then_the_ones_before_all_in_full(tmp_path):
    text = ("（三）产出。产出指标4项，每项5分。全年开展执法检查652家次，目标为不少于600家次；森林火灾受害率0.2‰，"
            "控制在0.9‰以内；灾情信息报送及时率100%，目标100%。以上{n}项均得满分。安全生产培训目标3,000人次，"
            "实际完成2,760人次，完成率92%，得4.6分。\n")
    values = indicator_values(checked(tmp_path, text.format(n="3")))
    assert values["森林火灾受害率"] == (0.9, 0.2, 5, 5)          # (achieved, then "控制在…以内": its ceiling)
    assert values["开展执法检查"] == (600, 652, 5, 5)
    assert values["安全生产培训"] == (3000, 2760, 5, 4.6)
    assert indicator_values(checked(tmp_path, text.format(n="2")))["森林火灾受害率"][2:] == (None, None)   # (not its count)


SCORED_APART = ("三、绩效目标完成情况\n| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成率 |\n"
                "| 产出指标 | 应急演练场次 | ≥40场 | 38场 | 95.00% |\n| 产出指标 | 搬迁避让户数 | ≥8户 | 7户 | 87.50% |\n"
                "四、自评得分情况\n评分规则：定量指标按完成率×分值计分；搬迁避让户数每少1户扣1分。\n"
                "搬迁避让完成7户，少1户，得{moved}分（分值5分）。\n应急演练完成38场，完成率95%，得{drills}分（分值5分）。\n")


def test_a_rows_result_scored_in_a_statement_of_its_own(tmp_path):
    result = checked(tmp_path, SCORED_APART.format(moved="4", drills="4.75"))
    values = indicator_values(result)
    assert values["应急演练场次"] == (40, 38, 5, 4.75) and values["搬迁避让户数"] == (8, 7, 5, 4)
    assert result.findings == []                           # (搬迁避让: 8 − 7 = 1户 short, 1 point taken)


def test_a_score_off_the_rows_completion_or_its_own_deduction_per_unit(tmp_path):
    result = checked(tmp_path, SCORED_APART.format(moved="3", drills="4.5"))    # 5 × 95% = 4.75; 5 − 1 = 4
    assert sorted((f.code, f.where) for f in result.findings) == [("SCORE_MISMATCH", "第7行"), ("SCORE_MISMATCH", "第8行")]


def test_a_bound_kept_said_after_what_was_achieved_is_its_target(tmp_path):
    text = ("1.预算执行。预算完成率（分值5分）：预算执行率95.99%，达到95%的指标值，得5分。预算调整率（分值4分）："
            "调整后全年预算比年初预算增加446.40万元，调整率9.54%，未超过10%，得4分。结转结余率（2分）：结转结余率3.78%，"
            "低于5%，得2分。\n（四）产出情况\n学业水平合格性考试合格率目标不低于95%，实际97.8%；教师培训目标360人次，实际完成402人次。"
            "以上2项分值各5分，均得满分。\n")
    result = checked(tmp_path, text)
    values = indicator_values(result)
    assert values["预算完成率"] == (95, 95.99, 5, 5) and values["预算调整率"] == (10, 9.54, 4, 4)
    assert values["学业水平合格性考试合格率"] == (95, 97.8, 5, 5) and values["教师培训"] == (360, 402, 5, 5)
    assert result.findings == []       # (低于5%: which side the target keeps is not said — not read as one)


def test_a_score_said_with_the_words_of_its_method_is_its_indicators(tmp_path):
    text = ("二、绩效目标\n年初设定的绩效目标为：村卫生室运行补助覆盖率100%，乡村医生培训不少于800人次。\n三、绩效目标完成情况\n"
            "全县205个村卫生室中198个通过年度考核并拨付运行补助，覆盖率96.59%，7个暂缓拨付；培训836人次。\n四、自评得分\n"
            "产出指标（50分）：乡村医生培训人次（7分）得7分。村卫生室运行补助覆盖率96.59%，按完成比例得{score}分（分值5分）。\n")
    result = checked(tmp_path, text.format(score="4.83"))
    assert indicator_values(result)["覆盖率"] == (100, 96.59, 5, 4.83)      # ("按完成比例" names no item)
    assert result.findings == []
    assert [f.code for f in checked(tmp_path, text.format(score="4.5")).findings] == ["SCORE_MISMATCH"]


def test_a_count_achieved_twice_under_names_sharing_little_is_one_indicator(tmp_path):
    text = ("一、绩效目标\n年度总体目标：全年更新室外健身器材不少于1,200件；维修多功能运动场地18片。\n二、绩效目标完成情况\n"
            "全年更新室外健身器材1,236件。完成多功能运动场地维修16片，另有2片顺延至次年。\n三、自评得分\n"
            "经自评，除场地维修1项外其余指标均得满分；场地维修完成16片，按完成比例计得{score}分（分值10分）。\n")
    result = checked(tmp_path, text.format(score="8.89"))
    assert indicator_values(result)["维修多功能运动场地"] == (18, 16, 10, 8.89)     # (16片 achieved by it alone)
    assert result.findings == []
    assert [f.code for f in checked(tmp_path, text.format(score="8.98")).findings] == ["SCORE_MISMATCH"]


UNDER = """某县农业农村局2024年度茶产业发展项目支出绩效自评报告
（二）产出指标（30分）。产出指标共3项，每项10分。
1.新建标准化茶园面积：目标不少于3,000亩，年末实际完成3,120亩，完成率104.00%，得10分。
2.低产茶园改造面积：目标5,000亩，实际完成5,000亩，得10分。
3.茶园绿色防控覆盖率：目标不低于90%，实际覆盖率88.2%，得9.80分。
（三）效益指标（{heading}）
1.带动脱贫户户数：指标值≥1,500户，实际带动1,462户，得7.31分。
2.茶园化学农药使用量：指标值≤12.5吨，全年实际使用11.8吨，得7.5分。
"""


def test_points_said_for_each_numbered_line_under_a_paragraph_or_heading(tmp_path):
    values = indicator_values(checked(tmp_path, UNDER.format(heading="15分，每项7.5分")))
    assert values["新建标准化茶园面积"] == (3000, 3120, 10, 10) and values["茶园绿色防控覆盖率"] == (90, 88.2, 10, 9.8)
    assert values["带动脱贫户户数"] == (1500, 1462, 7.5, 7.31) and values["茶园化学农药使用量"] == (12.5, 11.8, 7.5, 7.5)


def test_no_points_for_lines_not_as_many_as_said(tmp_path):
    # (15 points of 5 each are three indicators: two lines under it are not those three)
    values = indicator_values(checked(tmp_path, UNDER.format(heading="15分，每项5分")))
    assert values["带动脱贫户户数"][2] is None


SCORED_BY_NAME = ("某县交通运输局2024年度农村公路养护项目支出绩效自评报告\n"
                  "评分情况。产出指标中，农村公路日常养护里程得{first}分，县乡道路面大中修里程得9.25分，优良中等路率得8分，"
                  "以上3项每项分值10分，产出指标合计得{group}分。效益指标2项每项分值10分，农村群众出行条件得10分，"
                  "养护长效机制得8分，合计得18分。\n")


def test_items_scored_by_name_with_their_points_said_after_or_before_them(tmp_path):
    result = checked(tmp_path, SCORED_BY_NAME.format(first="10", group="27.25"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"农村公路日常养护里程": (10, 10), "县乡道路面大中修里程": (10, 9.25), "优良中等路率": (10, 8),
                     "农村群众出行条件": (10, 10), "养护长效机制": (10, 8)}
    assert result.findings == []


def test_an_item_scored_over_the_points_said_after_it(tmp_path):
    found = checked(tmp_path, SCORED_BY_NAME.format(first="10.13", group="27.38")).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "error")] and "10.13" in found[0].message
