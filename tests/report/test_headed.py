"""An indicator headed by its name in a numbered paragraph, its figures in the sentences after; a target
given by a direction's sign right after the name; the score a deduction leaves."""
from __future__ import annotations

from reading import checked, indicator_values

HEADED = """三、绩效指标完成情况
1.河道保洁里程。目标不少于320公里，全年保洁{actual}公里，其中干流210公里、支流98公里。该项分值10分，按完成比例计得{score}分。
2.水质达标率。目标控制在5%以内，实际3.2%，8分全得。
"""


def test_a_paragraph_headed_by_its_name_is_one_indicator(tmp_path):
    result = checked(tmp_path, HEADED.format(actual="308", score="9.63"))
    values = indicator_values(result)
    assert values["河道保洁里程"] == (320.0, 308.0, 10.0, 9.63)    # (not 210: a part of what was achieved)
    assert values["水质达标率"] == (5.0, 3.2, 8.0, 8.0)           # scored in full: "8分全得"
    assert [f for f in result.findings if f.severity == "error"] == []


def test_its_score_checked_against_its_completion(tmp_path):
    found = checked(tmp_path, HEADED.format(actual="308", score="9.36")).findings
    assert [(f.code, f.severity) for f in found if f.code == "SCORE_MISMATCH"] == [("SCORE_MISMATCH", "error")]


def test_a_heading_of_a_group_is_no_indicator(tmp_path):
    text = "（二）产出指标。目标不少于320公里，全年保洁308公里。该项分值10分，得9.63分。\n"
    assert "产出指标" not in indicator_values(checked(tmp_path, text))


def test_a_target_by_the_sign_after_its_name(tmp_path):
    text = ("四、绩效指标完成情况\n防控面积年度指标值≥60万亩，实际62.4万亩，分值15分，得15分；"
            "生物制剂使用比例≥90%，实际100%，分值10分，得10分；亩均防治成本≤5元，实际3.86元，分值10分，得10分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["生物制剂使用比例"] == (90.0, 100.0, 10.0, 10.0)
    assert values["亩均防治成本"] == (5.0, 3.86, 10.0, 10.0)


def test_the_score_a_deduction_leaves(tmp_path):
    text = ("（四）预算执行率（10分）\n根据评分办法，每低1个百分点扣0.5分。本项目执行率93.66%，低于100%共6.34个百分点，"
            "扣3.17分，得{score}分。\n")
    assert [f.code for f in checked(tmp_path, text.format(score="6.83")).findings if f.severity == "error"] == []
    found = [f for f in checked(tmp_path, text.format(score="6.38")).findings if f.code == "SCORE_MISMATCH"]
    assert [f.severity for f in found] == ["error"] and "6.83" in found[0].message


def test_the_execution_item_past_its_shortfall(tmp_path):
    text = ("二、预算执行\n全年预算3565.23万元，全年支出3461.35万元，预算执行率97.09%。\n三、评分\n"
            "（一）预算执行（分值10分）。预算执行率97.09%，比100%低2.91个百分点，扣0.58分，得9.42分。\n")
    items = [(i.name, i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items]
    assert items == [("预算执行率", 10.0, 9.42)]


def test_an_indicator_named_in_full_with_its_target_then_by_its_short_name(tmp_path):
    text = ("二、绩效指标完成情况\n牦牛冷配受胎率目标不低于60%，经妊娠检查受胎945头，受胎率45.0%，低于目标，该项分值10分，得7.5分。"
            "种畜调运后死亡率控制在2%以内，实际死亡种公羊24只，死亡率1.14%，得5分（分值5分）。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["牦牛冷配受胎率"] == (60.0, 45.0, 10.0, 7.5)
    assert values["种畜调运后死亡率"] == (2.0, 1.14, 5.0, 5.0)


def test_a_headed_paragraph_saying_what_was_achieved_first(tmp_path):
    text = ("三、绩效目标完成情况\n1.残疾儿童康复救助。全年救助0-6岁残疾儿童338人，年度目标≥320人，完成目标。\n"
            "2.食品安全监督抽检。全年完成抽检2,586批次，目标为不少于2,400批次，完成率107.75%。抽检发现不合格样品64批次。\n"
            "（二）效益指标完成情况分析。受益群众1680人，目标1500人。\n")
    indicators = checked(tmp_path, text).facts.indicators
    by_target = {i.target.value: (i.actual.value, i.name) for i in indicators}
    assert by_target[320.0][0] == 338.0 and by_target[2400.0][0] == 2586.0   # (not 64: the next sentence's)
    assert len([i for i in indicators if i.target.value in (320.0, 2400.0)]) == 2   # (each read once)
    assert not any("效益" in i.name for i in indicators)                              # (a group's heading names none)


def test_the_execution_items_points_said_beside_its_rate_or_after_its_score(tmp_path):
    before = ("二、预算执行\n全年预算261.40万元，实际支出245.41万元，预算执行率93.88%。\n三、评分\n"
              "预算执行率按“执行率×分值”计分，分值10分，执行率93.88%，得9.39分。\n")
    after = ("二、预算执行\n全年预算2854.96万元，全年支出2771.35万元，预算执行率97.07%。\n三、评分\n"
             "预算执行率97.07%，得7.77分（分值8分）。政府采购规范，得3分。\n")
    items = [(i.name, i.weight.value, i.score.value) for i in checked(tmp_path, before).facts.items]
    assert items == [("预算执行率", 10.0, 9.39)]
    item = next(i for i in checked(tmp_path, after).facts.items if i.row_id == "budget_execution")
    assert (item.weight.value, item.score.value) == (8.0, 7.77)


def test_the_years_tasks_are_its_goals(tmp_path):
    text = ("（三）年度主要工作任务\n一是做实人民调解，调解成功率不低于96%；二是做好法律援助，全年办结法律援助案件不少于420件。\n"
            "三、绩效目标完成情况\n受理矛盾纠纷3,902件，调解成功3,816件，调解成功率97.80%；办结法律援助案件468件。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["调解成功率"][:2] == (96.0, 97.8)


def test_a_score_table_row_named_by_its_indicator_not_by_its_rule(tmp_path):
    text = ("五、评分情况\n| 一级指标 | 三级指标 | 评价标准 | 分值 | 自评得分 |\n"
            "| 产出 | 审计报告按时出具率 | 100%；按完成比例计分 | 6 | 5.84 |\n"
            "| 效果 | 推动建章立制 | 好得满分，较好得分值的80% | 6 | 4.8 |\n")
    items = [(i.name, i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items]
    assert items == [("审计报告按时出具率", 6.0, 5.84), ("推动建章立制", 6.0, 4.8)]


def test_a_goals_tables_target_joins_the_score_tables_row_of_its_name(tmp_path):
    text = ("（三）项目绩效目标\n| 一级指标 | 三级指标 | 年度指标值 |\n| 产出指标 | 新增馆藏图书 | ≥12000册 |\n"
            "| 产出指标 | 举办阅读推广活动场次 | ≥160场 |\n| 满意度指标 | 读者满意度 | ≥90% |\n"
            "三、完成情况\n全年新增馆藏图书12,860册。\n四、自评得分\n"
            "指标                    分值     实际完成          得分\n"
            "新增馆藏图书             10      12860册           10\n"
            "阅读推广活动场次         10      180场             10\n"
            "读者满意度               15      95.6%             15\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["新增馆藏图书"] == (12000.0, 12860.0, 10.0, 10.0)
    assert values["阅读推广活动场次"] == (160.0, 180.0, 10.0, 10.0)
    assert values["读者满意度"] == (90.0, 95.6, 15.0, 15.0)
    assert "举办阅读推广活动场次" not in values        # (one indicator, not a goal's row beside its score's)


def test_an_indicators_name_without_its_points_or_a_periods_word(tmp_path):
    text = ("三、绩效目标完成情况\n4.违法用地图斑整改率（6分）：目标不低于95%，实际78.2%，完成率82.32%，低于85%，该项不得分。\n"
            "5.满意度指标：服务对象满意度年初指标值为不低于90%，实际完成值95.6%。\n")
    indicators = {i.name: i for i in checked(tmp_path, text).facts.indicators}
    assert indicators["违法用地图斑整改率"].weight.value == 6.0
    assert indicators["服务对象满意度"].actual.value == 95.6


def test_a_table_whose_name_column_is_headed_just_指标(tmp_path):
    text = ("年初设定的部门整体绩效指标及全年完成情况如下：\n| 指标 | 目标值 | 完成值 |\n|---|---|---|\n"
            "| 居民电子健康档案建档率 | ≥90% | 92.4% |\n| 孕产妇死亡率 | ≤15/10万 | 0 |\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["居民电子健康档案建档率"][:2] == (90.0, 92.4)


def test_指标_is_no_name_column_beside_another():
    from engine.report.vocabulary import form_header
    block, columns = form_header(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    assert block == "indicators" and columns[3] == "name" and 0 not in columns


def test_a_numbered_headings_name_for_the_sentences_after_it(tmp_path):
    text = ("三、绩效目标完成情况\n4.托养照护。年度指标值为不少于1,200人次，实际1,146人次，完成率95.5%。该项分值6分，得5.4分。\n"
            "2.残疾儿童康复救助。目标为150名以上。全年对163名0—6岁残疾儿童实施康复救助，按每名每年12,000元标准拨付定点康复机构"
            "1,956,000元（分值8分，得8分）。\n")
    indicators = checked(tmp_path, text).facts.indicators
    assert sorted(i.name for i in indicators) == ["托养照护", "残疾儿童康复救助"]      # (none named "" or "按每名每年")
    values = indicator_values(checked(tmp_path, text))
    assert values["托养照护"] == (1200.0, 1146.0, 6.0, 5.4) and values["残疾儿童康复救助"] == (150.0, 163.0, 8.0, 8.0)


def test_a_headed_name_in_quotes_and_of_problems_put_right(tmp_path):
    text = "三、绩效目标完成情况\n3.河湖“清四乱”问题整改率：目标100%，全年排查问题46个，整改46个，整改率100%，分值10分，得10分。\n"
    assert indicator_values(checked(tmp_path, text))["河湖“清四乱”问题整改率"] == (100.0, 100.0, 10.0, 10.0)


def test_a_goal_kept_under_its_ceiling_pairs_with_its_result(tmp_path):
    # (two goals in ‰: paired by name, not by their unit)
    text = ("（一）年度绩效目标。部门整体绩效目标为：新增造林绿化面积不少于1200亩；林木有害生物成灾率控制在0.8‰以内；"
            "森林火灾受害率控制在0.9‰以内。\n（二）目标完成情况。全年新增造林绿化1236亩；林木有害生物成灾率0.5‰；全年未发生森林火灾。\n")
    indicator = next(i for i in checked(tmp_path, text).facts.indicators if i.name == "林木有害生物成灾率")
    assert (indicator.direction, indicator.target.value, indicator.actual.value) == ("<=", 0.8, 0.5)


def test_an_indicators_points_in_brackets_right_before_the_colon_are_its_own(tmp_path):
    text = ("二、完成情况\n数量指标。养老金领取人数（8分）：全年目标值为全年平均不少于16,800人，全年完成值17,036人，得8分。"
            "全年缴费人数（8分）：全年目标值不少于36,500人，全年完成34,120人，得7.2分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["养老金领取人数"] == (16800.0, 17036.0, 8.0, 8.0)
    assert "" not in values and "全年" not in values


def test_a_headed_target_with_words_before_its_sign_and_points_scored_in_full(tmp_path):
    text = ("三、完成情况\n1.残疾人就业。年度目标为新增就业不少于260名。全年通过多种方式新增残疾人就业287名，同比多31名，"
            "完成率110.38%（分值8分，得8分）。\n2.辅助器具适配。目标900件以上，全年适配轮椅、助听器等1,032件（分值5分，全得）。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["残疾人就业"] == (260.0, 287.0, 8.0, 8.0)
    assert values["辅助器具适配"] == (900.0, 1032.0, 5.0, 5.0)


def test_the_heading_names_an_indicator_its_sentence_read_under_words_cut_short(tmp_path):
    """"1.残疾儿童康复救助。全年救助0-6岁残疾儿童338人，年度目标≥320人": the sentence's own reading names it by the
    words after the figure "6" ("岁残疾儿童"); the heading over its one target names it."""
    text = ("某县残联2023年度部门整体支出绩效自评报告\n四、绩效目标完成情况\n"
            "1.残疾儿童康复救助。全年救助0-6岁残疾儿童338人，年度目标≥320人，完成目标。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["残疾儿童康复救助"][:2] == (320, 338)
