"""Figures a report states in sentences: items listed with their points and score, and an
indicator's target and what was achieved, one clause after the other."""
from __future__ import annotations

import pytest

from reading import amounts, checked, error_codes, indicator_values

LISTED = """某县林业站2024年度部门整体支出绩效自评报告
一、自评结论
经自评，综合评分为95分，评价等级为优。
二、绩效指标完成情况
1.投入管理（20分）：得18分。因年中追加预算偏多扣2分。
2.过程管理（30分）：得29分。
3.产出（30分）：得29分。全年完成人工造林年度指标≥1200亩，实际完成1260亩；苗木成活率年度指标≥90%，实际达到93.5%。
4.效果（20分）：得19分。林农满意度年度计划≥90%，问卷调查实际为94%；“三公”经费年度指标≤8万元，实际支出62000元。
以上四项合计得分95分。
评分标准：得分90分（含）以上为“优”，低于60分的为“差”。
"""


def read(tmp_path, text: str, name: str = "report.txt"):
    return checked(tmp_path, text, name)


def test_items_listed_with_their_points_and_score(tmp_path):
    result = read(tmp_path, LISTED)
    items = [(i.name, i.weight.value, i.score.value) for i in result.facts.items]
    assert items == [("投入管理", 20, 18), ("过程管理", 30, 29), ("产出", 30, 29), ("效果", 20, 19)]
    assert result.facts.total.value == 95 and result.facts.grade[0] == "优"


def test_an_indicator_stated_as_target_then_achievement(tmp_path):
    result = read(tmp_path, LISTED)
    read_ = [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert read_ == [("完成人工造林", ">=", 1200, 1260), ("苗木成活率", ">=", 90, 93.5), ("林农满意度", ">=", 90, 94)]
    # 8万元 against 62000元: another unit, not read as one indicator; nothing is a finding
    assert result.findings == [], [f.message for f in result.findings]


def test_the_cue_words_are_data_read_in_their_order():
    """templates/_report_cues.toml: the first measure whose words the label's last clause holds."""
    from engine.report.numbers import measure_of
    from engine.report.vocabulary import cues
    measures, scopes = cues()
    assert [name for name, _ in measures][:2] == ["deviation", "completion"] and ("basic", "基本支出") in scopes
    assert measure_of("全年支出") == "spend" and measure_of("全年预算") == "total_budget"
    assert measure_of("年初预算") == "initial" and measure_of("同比增长") == "share"
    assert measure_of("偏差率（实际完成率−目标）") == "deviation"   # deviation is tried before completion


SCORED_FIRST = """某县水务局小型水库维修养护项目2024年度绩效自评报告
一、自评结论
经评价小组逐项打分，本项目自评得分93.2分，自评结果为“优秀”。其中预算执行率得分9.2分（分值10分），产出指标得分46分（满分50分），效益指标得分28分（满分30分），满意度指标得分10分（满分10分）。
二、预算执行情况
该项目财政资金总额60.00万元，实际拨付使用55.20万元，预算执行率92%。
三、项目情况
全年维修水库3座，各水库维修后评分分别为90分、92分、95分。
"""


def test_items_stated_score_first_and_a_projects_total(tmp_path):
    """"产出指标得分46分（满分50分）": items with their score first; "本项目自评得分" is the project's
    total, not an item's; a project funded by the budget alone ("财政资金总额") has its budget and
    spending read as the whole; scores listed "分别为…" are no total."""
    result = read(tmp_path, SCORED_FIRST)
    items = [(i.name, i.weight.value, i.score.value) for i in result.facts.items]
    assert items == [("预算执行率", 10, 9.2), ("产出指标", 50, 46), ("效益指标", 30, 28), ("满意度指标", 10, 10)]
    assert result.facts.total.value == 93.2 and result.facts.grade[0] == "优"
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_total": 60.0, "spend_total": 55.2}
    assert result.facts.keyed_rates()["exec_rate"].value == 92
    assert result.findings == [], [f.message for f in result.findings]
    slipped = read(tmp_path, SCORED_FIRST.replace("产出指标得分46分", "产出指标得分47分"))
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


PROJECT_PROSE = """项目支出绩效自评报告
项目名称：某县山塘整治工程
评价年度：2024
（二）资金情况
项目总投资600万元，其中省级资金400万元、县级配套200万元。2024年到位资金480万元，实际支出456万元，执行率95%。
三、绩效目标完成情况
1.整治山塘数量：年度指标值为12座，实际完成12座，得20分（分值20分）。
2.新增灌溉面积：年度指标值≥0.8万亩，实际恢复0.72万亩，完成率90%，得18分（分值20分）。
四、自评结论
项目决策得14分（满分15分），过程管理得24分（满分25分），产出得38分（满分40分），效益得18分（满分20分），综合评分 94 分，评价等级为“优”。
"""


def test_a_project_report_in_prose(tmp_path):
    """评价年度：2024; 到位资金 as the year's budget; "实际恢复0.72万亩" is the actual; items
    "项目决策得14分（满分15分）" with 得 alone."""
    result = read(tmp_path, PROJECT_PROSE)
    facts = result.facts
    assert facts.fiscal_year == 2024
    assert {k: n.value for k, n in facts.keyed_amounts().items()} == {"budget_total": 480, "spend_total": 456}
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in facts.indicators] == [
        ("整治山塘数量", 12, 12, 20, 20), ("新增灌溉面积", 0.8, 0.72, 20, 18)]
    assert [(i.name, i.weight.value, i.score.value) for i in facts.items] == [
        ("项目决策", 15, 14), ("过程管理", 25, 24), ("产出", 40, 38), ("效益", 20, 18)]
    assert facts.total.value == 94 and result.findings == [], [f.message for f in result.findings]
    slipped = read(tmp_path, PROJECT_PROSE.replace("完成率90%", "完成率92%"))
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["COMPLETION_MISMATCH"]


def test_carried_over_balances_are_no_initial_budget_and_bare_points_in_brackets(tmp_path):
    text = ("某区商务局2024年度部门整体支出绩效自评报告\n"
            "2024年度本年收入合计1,200.00万元，年初结转和结余80.00万元。\n"
            "2024年年初预算1,150.00万元，全年预算1,260.00万元，全年执行1,222.20万元，执行率97%。\n"
            "预算执行率得9.7分（10分），产出指标得48分（50分），效益指标得28分（30分），满意度指标得9分（10分），"
            "部门整体支出绩效自评得分为94.7分，评价等级为优。\n")
    result = read(tmp_path, text)
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts["budget_initial"] == 1150 and amounts["budget_total"] == 1260
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items] == [
        ("预算执行率", 10, 9.7), ("产出指标", 50, 48), ("效益指标", 30, 28), ("满意度指标", 10, 9)]
    assert result.facts.total.value == 94.7 and result.findings == [], [f.message for f in result.findings]


def test_an_indicator_in_brackets_after_its_name(tmp_path):
    text = ("一、评分情况\n1.投入管理（20分）：得20分。公务接待费控制在预算以内（年度指标≤6万元，实际支出5.12万元）。\n")
    found = [(i.name, i.direction, i.target.value, i.actual.value) for i in read(tmp_path, text).facts.indicators]
    assert found == [("公务接待费控制在预算以内", "<=", 6, 5.12)]


COUNTED = """某县文物所2024年度项目支出绩效自评总报告
一、项目绩效目标情况
本所2024年度共有3个项目，预算合计150.0万元，全年实际支付合计141.2万元。
1、古建筑修缮项目：预算80万元，全年实际支付76. 2万元，使用率95.25%。
2、文物普查项目：预算40万元，全年实际支付35万元。
3、安防运维项目：预算30万元，全年实际支付30万元。
二、存在问题
部分尾款待结算。
"""


def test_a_counted_whole_against_its_listed_items(tmp_path):
    """"共有3个项目，预算合计…" and the three items listed under it: the parts of the whole; a
    decimal point a line join left a space after ("76. 2万元") is one."""
    result = read(tmp_path, COUNTED)
    assert [(s.whole.value, [p.value for p in s.parts]) for s in result.facts.sums] == [
        (150.0, [80, 40, 30]), (141.2, [76.2, 35, 30])]
    assert result.findings == [], [f.message for f in result.findings]
    wrong = read(tmp_path, COUNTED.replace("预算合计150.0万元", "预算合计160.0万元"))
    # the parts are not of the whole's own statement: a warning that says so (precision first)
    assert [(f.code, f.severity) for f in wrong.findings] == [("SUM_MISMATCH", "warning")]
    assert "逐条列出" in wrong.findings[0].message and "160.0" in wrong.findings[0].message
    # one item more than the count: not the list it counts, nothing read as its parts
    more = COUNTED.replace("二、存在问题", "4、宣传项目：预算10万元，全年实际支付10万元。\n二、存在问题")
    assert read(tmp_path, more).facts.sums == []


def test_the_cue_words_of_indicators_totals_and_grades_are_data():
    """One definition: the readers use the patterns of templates/_report_cues.toml, not copies."""
    from engine.report import claims, totals
    from engine.report.vocabulary import grade_words, words
    assert claims._TARGET is words()["target"] and claims._ACTUAL is words()["actual"]
    assert totals.STRONG_TOTAL is words()["strong_total"] and totals._RULE_WORDS is words()["rule"]
    from engine.report import numbers
    assert numbers._STOP is words()["comparison"] and numbers.stop_parts("同比增长5%")
    assert not numbers.stop_parts("外贸稳增长专项资金")
    assert totals.GRADE_WORDS == grade_words() and grade_words()["良好"] == "良"
    assert all(word in totals._GRADE.pattern for word in grade_words())
    from engine.report import lists, named_rates
    from engine.report.vocabulary import names
    assert lists._BY_FUNCTION is words()["by_function"] and lists._DETAIL_OF is words()["detail_of"]
    assert lists._SPENDING_WHOLE is words()["spending_whole"]
    assert named_rates._SPENDING_TOTAL == names()["spending_total"] and "支出合计" in names()["spending_total"]
    assert named_rates._COUNT_UNITS is names()["count_units"] and names()["count_units"]["人次"] == "人次"
    assert names()["headline"]["年初预算数"] == "budget_initial"


def test_a_project_reports_project_funds_are_its_whole_and_its_title_names_the_department(tmp_path):
    text = ("青河县水利局2024年度农村供水保障补助资金项目绩效自评报告\n"
            "一、资金情况\n项目资金共600万元，截至2024年12月20日，已完成拨付540.00万元，执行率95%。\n"
            "二、自评结论\n本项目自评得分92分，评价等级为“优”。\n")
    result = read(tmp_path, text)
    facts = result.facts
    assert facts.dept_name == "青河县水利局"
    amounts = {k: n.value for k, n in facts.keyed_amounts().items()}
    assert (amounts["budget_total"], amounts["spend_total"]) == (600, 540)
    # 540 ÷ 600 = 90%, not the 95% written: a warning, as SPEC 8 has it
    assert [(f.code, f.severity) for f in result.findings] == [("STATED_RATE_MISMATCH", "warning")]
    department = text.replace("项目绩效自评报告", "部门整体支出绩效自评报告")
    assert "budget_total" not in read(tmp_path, department).facts.keyed_amounts()   # 项目资金 is a part there


DETAILED = """某镇2024年度衔接资金项目绩效自评报告
三、绩效目标自评完成情况分析
1.项目资金到位情况。2024年我镇项目资金共到位300.00万元，其中：衔接资金260.00万元，预拨资金40.00万元。项目资金具体到位情况如下：甲村道路项目到位资金120.00万元；乙村灌溉项目到位资金100.00万元；丙村产业项目到位资金80.00万元。
2.项目资金执行情况。截至2024年12月31日，已支付项目资金285.00万元，支付率95%。
（1）丁村村道硬化计划3.0公里，已完成2.7公里，完成率90%，剩余路段转入次年实施。
"""


def test_a_whole_and_its_detail_listed_after_it_and_a_plan_done_and_its_rate(tmp_path):
    """"…共到位300.00万元 … 具体到位情况如下：A…；B…；C…" — the list's figures are the whole's
    parts (a warning when they do not add up: they are not of its own statement); "计划3.0公里，
    已完成2.7公里，完成率90%" is an indicator with its completion."""
    result = read(tmp_path, DETAILED)
    sums = [(s.whole.value, [p.value for p in s.parts], s.one_statement) for s in result.facts.sums]
    assert (300, [120, 100, 80], False) in sums and (300, [260, 40], True) in sums
    ind = result.facts.indicators[0]
    assert (ind.name, ind.target.value, ind.actual.value, ind.completion.value) == ("丁村村道硬化", 3, 2.7, 90)
    assert result.findings == [], [f.message for f in result.findings]
    off = read(tmp_path, DETAILED.replace("丙村产业项目到位资金80.00万元", "丙村产业项目到位资金90.00万元")
               .replace("完成率90%", "完成率92%"))
    assert [(f.code, f.severity) for f in off.findings] == [("SUM_MISMATCH", "warning"), ("COMPLETION_MISMATCH", "error")]


def test_a_cover_of_fields_is_not_one_sentence(tmp_path):
    text = ("部门整体支出绩效评价自评报告\n（2024年度）\n评价类型：项目实施过程评价□  项目完成结果评价☑\n"
            "部门（单位）全称：某县人民检察院（公章）\n主管部门审核意见：\n填报日期：2025年2月20日\n")
    facts = read(tmp_path, text).facts
    assert facts.dept_name == "某县人民检察院"      # not "部门", the title's first word
    assert "某县人民检察院(公章)\n主管部门审核意见" in facts.text


def test_the_department_beside_a_seal(tmp_path):
    text = "部门整体支出绩效评价自评表\n单位（盖章）：某县林业局　　　　填报日期：2025年3月1日\n"
    assert read(tmp_path, text).facts.dept_name == "某县林业局"


def test_the_department_signing_at_the_end(tmp_path):
    text = "2024年度衔接资金项目绩效自评报告\n一、基本情况\n全年到位资金100万元。\n\n某县青山镇人民政府\n2025年1月20日\n"
    assert read(tmp_path, text).facts.dept_name == "某县青山镇人民政府"


def test_a_portals_department_field_without_its_place_takes_the_titles_place(tmp_path):
    text = ("洮渭县2023年度农机购置补贴资金绩效自评报告\n索引号： | GS6127/2024-03317 | 部门： | 农业农村局 |\n"
            "---|---|---|---|\n\n一、基本情况\n全年到位资金612万元。\n")
    assert read(tmp_path, text).facts.dept_name == "洮渭县农业农村局"


def test_an_opening_that_names_the_province_asking_is_no_department(tmp_path):
    """"按照省农业农村厅、省财政厅关于开展…绩效自评的要求" names who asked, not whose report it is."""
    text = ("某县2023年黑土地保护利用项目绩效自评报告\n按照省农业农村厅、省财政厅关于开展2023年转移支付资金绩效自评的要求，"
            "县农业农村局对本年度项目开展了自评。\n全年到位资金100万元。\n\n某县农业农村局\n2024年4月12日\n")
    assert read(tmp_path, text).facts.dept_name == "某县农业农村局"


def test_a_fields_initial_budget_of_the_whole_and_spent_by_the_year_end(tmp_path):
    """"资金总额年初预算数：0元" is the initial budget, not the total; "截至12月31日，已支出…元" is spent."""
    text = ("某县农业农村局2023年度病害防控项目支出绩效自评报告\n资金总额年初预算数：0元；资金总额全年预算数：2,400,000.00元。\n"
            "项目资金2,400,000.00元；截至2023年12月31日，已支出2,280,000.00元；预算执行率为95.00%。\n")
    facts = read(tmp_path, text).facts
    keyed = {k: round(facts.amount(n), 2) for k, n in facts.keyed_amounts().items()}
    assert (keyed["budget_initial"], keyed["budget_total"], keyed["spend_total"]) == (0, 240, 228)


def test_funds_arranged_for_the_year_and_a_grant_of_funds_handed_down_are_the_budget(tmp_path):
    """"2023年度安排衔接资金1,862万元", "共安排财政衔接推进乡村振兴补助资金21,683万元", "市财政下达我局…建设经费348万元"."""
    for said, budget in (("2023年度安排衔接资金1,862万元，其中中央资金1,200万元、县级资金662万元。", 1862),
                         ("全县共安排财政衔接推进乡村振兴补助资金2,168万元。", 2168),
                         ("市财政下达我局站前枢纽配套建设经费348万元，到位率100%。", 348)):
        text = f"某县2023年度衔接资金项目绩效自评报告\n{said}\n"
        assert amounts(read(tmp_path, text)).get("budget_total") == budget, said


def test_initial_adjustment_and_total_sentences_apart(tmp_path):
    """年初 + 调整 = 调整后 stated in one paragraph's sentences: checked, a warning that says so."""
    text = ("某县科协2024年度部门整体支出绩效自评报告\n"
            "二、预算执行情况\n2024年年初预算200.00万元。年中追加预算30.00万元。全年预算240.00万元，全年执行228.00万元。\n")
    found = read(tmp_path, text).findings
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "warning")] and "同一段" in found[0].message
    assert read(tmp_path, text.replace("全年预算240.00万元", "全年预算230.00万元")).findings == []


def test_two_lists_in_one_sentence_and_parts_of_a_part_in_brackets(tmp_path):
    text = ("某局2024年度部门整体支出绩效自评报告\n"
            "全年实际收入500.00万元，其中财政拨款收入450.00万元，上年结转结余50.00万元；全年实际支出480.00万元，"
            "其中基本支出300.00万元（人员经费250.00万元、公用经费50.00万元），项目支出180.00万元。\n")
    result = read(tmp_path, text)
    assert [(s.whole.value, [p.value for p in s.parts]) for s in result.facts.sums] == [
        (500, [450, 50]), (480, [300, 180])]
    assert result.findings == []


def test_each_projects_total_against_the_grade_its_sentence_gives(tmp_path):
    """A department report with a form for each project: no project's 总分 row is the report's
    total; each project's 自评得分 is checked against the grade of its own sentence."""
    text = ("某街道2024年度部门决算\n第四部分 绩效评价情况\n"
            "部门整体支出绩效自评得分95.2分，自评等级为“优”。\n"
            "（一）甲项目绩效自评综述\n根据年初设定的绩效目标，项目自评得分92分，自评等级为“优”。\n"
            "（二）乙项目绩效自评综述\n根据年初设定的绩效目标，项目自评得分86.5分，自评等级为“优”。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 95.2
    # no scale stated: a band away by the usual 90/80/60 is a warning that says so
    assert [(f.code, f.severity) for f in result.findings] == [("GRADE_MISMATCH", "warning")]
    assert "86.5" in result.findings[0].message and "未写明等级划分" in result.findings[0].message
    scaled = read(tmp_path, text + "评分等级：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。\n")
    errors = [f for f in scaled.findings if f.severity == "error"]
    assert [f.code for f in errors] == ["GRADE_MISMATCH"] and "86.5" in errors[0].message
    # two bands away: wrong by any scale
    far = read(tmp_path, text.replace("86.5分", "72.5分"))
    assert [(f.code, f.severity) for f in far.findings] == [("GRADE_MISMATCH", "error")]
    # a total not named as one ("本部门得分…"): maybe an item's score, its grade checked as a warning
    bare = read(tmp_path, "某街道2024年度部门整体支出绩效自评报告\n经综合评价，本部门得分72.5分，自评等级为“优”。\n")
    assert [(f.code, f.severity) for f in bare.findings] == [("GRADE_MISMATCH", "warning")]


def test_a_list_after_a_sentence_of_several_amounts_names_no_whole(tmp_path):
    text = ("某区商务局2024年度稳增长专项资金绩效自评报告\n"
            "2024年市级下达外贸稳增长专项资金300.00万元，其中：上年结转资金40.00万元，本年下达资金250.00万元。\n"
            "截至2024年12月31日，项目资金实际支出280.00万元，执行率93.33%，结余20.00万元结转使用。"
            "其中：展会补贴150.00万元，保费补助130.00万元。\n")
    result = read(tmp_path, text)
    # 稳增长 names the fund, no comparison: 40 + 250 ≠ 300 is found; the list after a sentence of
    # 实际支出 and 结余 names no whole and is not checked
    assert [(s.whole.value, [p.value for p in s.parts]) for s in result.facts.sums] == [(300, [40, 250])]
    assert [f.code for f in result.findings if f.severity == "error"] == ["SUM_MISMATCH"]


def test_what_was_achieved_first_and_its_target_after(tmp_path):
    text = ("二、绩效目标完成情况\n2024年场馆免费开放310天（目标不少于300天）；举办公益讲座52期，完成年度目标（≥48期）；"
            "新建、更新健身器材36套，目标30套，完成率120%。\n"
            "三、自评结论\n投入类指标得19分（满分20分），过程类指标得28分（满分30分，其中预算执行率得9.5分），"
            "产出类指标得48分（满分50分）。自评得分95分，评价等级为优。\n")
    result = read(tmp_path, text)
    found = [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert found == [("场馆免费开放", ">=", 300, 310), ("举办公益讲座", ">=", 48, 52), ("更新健身器材", "=", 30, 36)]
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items][:3] == [
        ("投入类指标", 20, 19), ("过程类指标", 30, 28), ("产出类指标", 50, 48)]
    assert result.findings == [], [f.message for f in result.findings]


def test_a_results_list_mark_is_no_figure_of_its_item(tmp_path):
    text = """某镇2024年度衔接资金项目绩效自评报告
一、绩效目标设定情况
年初设定目标：修建机耕道不少于6.5公里，补助种粮大户不少于120户。
二、绩效目标完成情况
（1）修建机耕道6.8公里，全部通过验收；
（2）补助种粮大户112户，其余因未达条件未补助。
"""
    result = read(tmp_path, text)
    pairs = [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert pairs == [("修建机耕道", ">=", 6.5, 6.8), ("补助种粮大户", ">=", 120, 112)]


def test_achieved_above_its_target_in_brackets_and_a_rate_of_nought(tmp_path):
    text = """某县教育局2024年度学生资助项目绩效自评报告
一、绩效目标完成情况
受助学生满意度95.5%，高于年度目标（≥90%）。
困难学生辍学率年度指标≤0.8%，全年实际辍学率为0。
"""
    result = read(tmp_path, text)
    pairs = [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert pairs == [("受助学生满意度", ">=", 90, 95.5), ("困难学生辍学率", "<=", 0.8, 0)]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_the_department_of_a_form_field_a_supervisor_or_an_opening_and_no_title_that_names_none(tmp_path):
    form = "部门预算项目支出绩效自评表（2024年度）\n主管部门\t某县水利局\n实施单位\t某县河道管理所\n"
    assert read(tmp_path, form).facts.dept_name == "某县河道管理所"        # not "部门预算"
    whole = "部门整体绩效自评表\n（2024年度）\n主管部门 | 某区档案馆 | 财政处室 | 行政政法处\n"
    assert read(tmp_path, whole).facts.dept_name == "某区档案馆"
    prose = "2024年度项目支出绩效自评总报告\n一、基本情况\n某市烈士陵园管理处2024年度共有3个项目，预算合计90万元。\n"
    assert read(tmp_path, prose).facts.dept_name == "某市烈士陵园管理处"   # not "2024年度"
    final = "某区某街道办事处2024年度部门决算\n第一部分 部门决算报表\n"
    assert read(tmp_path, final).facts.dept_name == "某区某街道办事处"


def test_what_remains_after_a_list_is_no_part_of_it(tmp_path):
    text = ("某市2024年度专项债券项目绩效自评报告\n一、资金情况\n截至2024年底，该项目累计到位专项债券资金8,000万元，"
            "其中2023年到位3,000万元、2024年到位5,000万元，剩余1,500万元计划于2025年发行到位。\n")
    result = read(tmp_path, text)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert [[n.value for n in s.parts] for s in result.facts.sums] == [[3000, 5000]]


def test_indicators_with_their_points_in_brackets_and_their_score_last(tmp_path):
    text = """某县2024年度专项债券项目绩效自评价报告
三、评价结论
经综合评价，该项目绩效自评价得分97.3分，评价等级为“优”。
1.过程指标。资金到位率（10分）：计划到位8,000万元，实际到位8,000万元，到位率100%，得10分；项目管理规范性（10分）：资料不全，扣2分，得8分。
2.产出指标。工程形象进度（10分）：阶段性目标80%，截至2024年12月31日累计完成78%，得9.75分；带动就业（10分）：目标≥200人，实际186人，得10分。
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.direction, i.target and i.target.value, i.actual and i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators]
    assert rows == [("资金到位率", None, None, 100, 10, 10), ("项目管理规范性", None, None, None, 10, 8),
                    ("工程形象进度", "=", 80, 78, 10, 9.75), ("带动就业", ">=", 200, 186, 10, 10)]
    mismatched = [f.message for f in result.findings if f.code == "SCORE_MISMATCH"]
    assert len(mismatched) == 1 and "带动就业" in mismatched[0]      # 10 × 186/200 = 9.30, scored 10


def test_achieved_first_with_thousands_a_ceiling_in_brackets_and_the_completion_after(tmp_path):
    text = """某县市场监管局2024年度部门整体支出绩效自评报告
三、绩效目标完成情况
全年完成食品抽检2,105批次（目标≥2000批次）；强制检定计量器具5,830台件，年度目标6,000台件，完成率97.71%；
“三公”经费支出15.20万元（控制在18.00万元以内）。
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert rows == [("完成食品抽检", ">=", 2000, 2105), ("强制检定计量器具", "=", 6000, 5830),
                    ("“三公”经费支出", "<=", 18, 15.2)]
    # 5,830 ÷ 6,000 = 97.17%, not the 97.71% stated (two digits swapped: a slip, an error)
    assert [f.code for f in result.findings if f.severity == "error"] == ["COMPLETION_MISMATCH"]


def test_a_rate_after_a_list_of_parts_is_the_wholes_and_last_years_figures_are_not_this_years(tmp_path):
    text = """某县市场监管局2024年度部门整体支出绩效自评报告
二、预算执行情况
2024年全年预算3,200.00万元，全年实际支出3,040.00万元，其中基本支出2,000.00万元，项目支出1,040.00万元，预算执行率95.00%。
全年支出较上年增长5.10%（2023年全年预算3,000.00万元，实际支出2,892.50万元，执行率96.42%）。
"""
    facts = read(tmp_path, text).facts
    rates = {k: n.value for k, n in facts.keyed_rates().items()}
    assert rates.get("exec_rate") == 95.0 and "project_exec_rate" not in rates
    assert {k: n.value for k, n in facts.keyed_amounts().items()}["budget_total"] == 3200.0


def test_what_was_achieved_alone_after_its_groups_name_among_the_results_not_the_goals(tmp_path):
    text = """某县教育局2024年度学生资助项目绩效自评报告
一、绩效目标
质量指标：资助对象认定准确率≥98%。
二、绩效目标完成情况
②质量指标：资助对象认定准确率100%。
③时效指标：资助资金于学期结束前发放到位，到位率100%，完成率100%。
"""
    rows = [(i.name, i.target and i.target.value, i.actual.value) for i in read(tmp_path, text).facts.indicators]
    # (its target the goal of its name: ≥98%)
    assert ("资助对象认定准确率", 98, 100) in rows and ("到位率", None, 100) in rows
    assert all(name != "完成率" for name, _, _ in rows) and len(rows) == 2


def test_a_scope_said_aside_in_brackets_and_an_item_weighed_otherwise_than_the_framework(tmp_path):
    text = """某县市场监管局2024年度部门整体支出绩效自评报告
一、预算情况
年初预算数为2,000.00万元。年中追加预算300.00万元（主要为食品抽检专项经费），调整后全年预算数为2,300.00万元。
全年实际支出2,185.00万元，预算执行率95.00%。
二、自评结论
经自评，部门整体支出绩效自评得分93.00分，其中：预算执行（20分）得19.00分，产出指标（40分）得37.00分，效益指标（30分）得27.00分，满意度指标（10分）得10.00分。自评等级为“优”。
"""
    result = read(tmp_path, text)
    assert {k: n.value for k, n in result.facts.keyed_amounts().items()}["budget_total"] == 2300.0
    assert [f.code for f in result.findings if f.code == "SCORE_MISMATCH"] == []   # 20 × 95% = 19, not the framework's 10


def test_a_scope_said_in_an_aside_with_figures_ends_with_it(tmp_path):
    """"年中追加213.50万元（其中：食品安全专项经费156.00万元，…57.50万元），全年预算2,059.70万元": the 专项
    named inside the brackets is the aside's, the 全年预算 after them the whole's."""
    text = ("某县市场监管局2024年度部门整体支出绩效自评报告\n一、预算情况\n2024年年初预算1,846.20万元，年中追加213.50万元"
            "（其中：食品安全专项经费156.00万元，知识产权资助资金57.50万元），全年预算2,059.70万元。全年支出1,987.36万元。\n")
    amounts = {k: n.value for k, n in read(tmp_path, text).facts.keyed_amounts().items()}
    assert (amounts["budget_total"], amounts["spend_total"]) == (2059.70, 1987.36)


def test_last_years_total_is_not_this_years(tmp_path):
    text = """某县农业农村局2023年度部门整体支出绩效自评报告
一、上年绩效自评结果应用
我局2022年度部门整体支出绩效自评得分为94.85分，评价等级为优。
二、自评结论
经自评，我局2023年度部门整体支出绩效自评得分96.26分，评价等级为“优”。
"""
    facts = read(tmp_path, text).facts
    assert facts.fiscal_year == 2023 and facts.total.value == 96.26


def test_a_project_reports_project_rate_against_its_own_amounts(tmp_path):
    text = """2024年城乡义务教育补助经费项目支出绩效自评报告
一、执行率情况
2024年本项目下达预算300.00万元，全年实际支出288.00万元，项目预算执行率97.3%。
"""
    result = read(tmp_path, text)
    assert [(f.code, f.severity) for f in result.findings] == [("STATED_RATE_MISMATCH", "warning")]   # 96.00%


def test_a_list_in_brackets_inside_a_list_ends_with_its_bracket(tmp_path):
    text = ("某县疾控中心2024年度项目支出绩效自评报告\n一、资金使用\n全年执行数300.00万元，其中劳务补助80.00万元，"
            "检测试剂150.00万元（其中政府采购合同140.00万元），消杀物资70.00万元。\n")
    result = read(tmp_path, text)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert [[n.value for n in s.parts] for s in result.facts.sums] == [[80, 150, 70]]


def test_a_plans_verb_before_its_name_and_an_items_points_then_its_score(tmp_path):
    text = """某市绿色种养循环农业试点项目支出绩效自评报告
一、绩效目标完成情况
（1）数量指标：计划完成粪肥还田面积10万亩，实际完成10.36万亩；计划建设田间贮存池40座，实际建成38座，完成计划的95%。
（2）质量指标：还田粪肥腐熟检测合格率计划达到95%以上，实际为98.2%。
二、评分情况
1.投入指标：分值15分，得分14.2分。
2.产出指标：分值85分，得分82.5分。
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.target.value, i.actual.value) for i in result.facts.indicators]
    assert rows == [("粪肥还田面积", 10, 10.36), ("田间贮存池", 40, 38), ("还田粪肥腐熟检测合格率", 95, 98.2)]
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items] == [("投入指标", 15, 14.2), ("产出指标", 85, 82.5)]


def test_the_executions_score_said_inside_its_groups(tmp_path):
    # "其中预算执行率指标分值5分，得分4.73分" and "…得4.72分，满分5分": the execution item
    for said in ("其中预算执行率指标分值5分，得分4.73分（按5分×预算执行率计算）", "其中预算执行率指标得4.73分，满分5分"):
        text = ("某县草原站2024年度部门整体支出绩效自评报告\n"
                "全年预算数1,200.00万元，全年实际支出1,136.40万元，预算执行率94.70%。\n"
                f"过程指标：分值25分，得分23.1分。{said}；另因资产台账更新不及时扣分。\n")
        result = read(tmp_path, text)
        execution = [(i.weight.value, i.score.value) for i in result.facts.items if i.row_id == "budget_execution"]
        assert execution == [(5, 4.73)]
        assert [i.name for i in result.facts.items if i.row_id != "budget_execution"] == ["过程指标"]


def test_the_grade_of_another_evaluation_is_not_the_reports(tmp_path):
    text = ("某县机关事务服务中心2023年度项目支出绩效自评报告\n"
            "物业管理经费全年预算数198.60万元，执行数191.26万元，项目自评得分为96.77分。\n"
            "按照县财政局部署，委托第三方机构对该项目开展部门评价，评价得分88.5分，评价等级为“良”。\n"
            "自评结论：项目完成年度绩效目标，自评等级为“优”。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 96.77 and result.facts.grade[0] == "优"
    assert [f.code for f in result.findings if f.code == "GRADE_MISMATCH"] == []


def test_the_wholes_total_before_the_projects_said_earlier(tmp_path):
    text = ("某镇农业综合服务中心2023年度单位决算\n"
            "1.病虫害防控项目绩效自评综述：项目自评得分为94.60分。\n"
            "2.耕地质量监测项目绩效自评综述：项目自评得分为88.40分。\n"
            "单位整体支出绩效自评得分96.57分，等级为“优”。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 96.57 and result.facts.grade[0] == "优" and result.findings == []


def test_a_score_after_its_other_parts_is_no_total(tmp_path):
    text = ("某县科协2023年度项目支出绩效自评报告\n"
            "本项目自评得分情况为：其中：项目立项6分，绩效目标5分，资金管理7分，产出目标62分，效益目标15分，总得分95，"
            "综合评定等级为“优”。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 95 and result.findings == []


def test_a_list_with_an_item_said_by_its_count_is_no_sum(tmp_path):
    text = ("某街道办事处2023年度部门整体支出绩效自评报告\n"
            "2023年末固定资产原值2,863.15万元，其中房屋及构筑物2,106.42万元、通用设备381.27万元、车辆2辆。\n")
    assert [f.code for f in read(tmp_path, text).findings] == []
    listed = text.replace("、车辆2辆", "、专用设备375.46万元")         # 2,106.42 + 381.27 + 375.46 = 2,863.15
    assert [f.code for f in read(tmp_path, listed).findings] == []
    wrong = text.replace("、车辆2辆", "、专用设备357.46万元")
    assert [f.code for f in read(tmp_path, wrong).findings] == ["SUM_MISMATCH"]


def test_a_list_read_another_way_that_adds_up_is_no_error(tmp_path):
    # its first parts come to the whole; the clause after the ； is another figure's
    first = ("某县民宗局2023年度项目支出绩效自评报告\n"
             "年中上级追加少数民族发展资金156.00万元，其中中央资金120.00万元、省级资金36.00万元；"
             "宗教活动场所安全隐患整治经费上年结转8.50万元。\n")
    assert [f.code for f in read(tmp_path, first).findings] == []
    # a part that is the sum of the parts after it: a project's spending, then what it went on
    nested = ("某县民宗局2023年度项目支出绩效自评报告\n"
              "4个项目全年执行258.75万元，其中少数民族发展资金执行172.38万元，用于示范村寨建设128.60万元、"
              "基础设施改善31.28万元、宣传培训12.50万元。\n")
    assert [f.code for f in read(tmp_path, nested).findings] == []
    wrong = first.replace("省级资金36.00万元；", "省级资金38.00万元；")    # 120 + 38 ≠ 156, however read
    assert [f.code for f in read(tmp_path, wrong).findings] == ["SUM_MISMATCH"]


def test_indicators_listed_in_one_sentence_each_with_its_target_said(tmp_path):
    text = ("某县科协2023年度项目支出绩效自评报告\n"
            "（1）数量目标：新建服务站数量绩效目标值是6个，实际完成值为6个，目标完成率为100%；开展培训场次绩效目标值是40场，"
            "实际完成值为52场，目标完成率为130%；受益农户人次绩效目标值是3000人次，实际完成值为3450人次，目标完成率为{rate}。\n")
    result = read(tmp_path, text.format(rate="115%"))
    rows = {i.name: (i.target.value, i.actual.value) for i in result.facts.indicators}
    assert rows == {"新建服务站数量": (6, 6), "开展培训场次": (40, 52), "受益农户人次": (3000, 3450)}
    assert result.findings == []
    wrong = read(tmp_path, text.format(rate="125%"))          # 3450 / 3000 = 115%
    assert [f.code for f in wrong.findings] == ["COMPLETION_MISMATCH"]


def test_an_indicators_name_then_a_colon_then_its_target_and_result(tmp_path):
    text = ("某街道办事处2023年度部门整体支出绩效自评报告\n"
            "1.社区网格员培训：目标≥12期，实际开展14期，培训网格员共计386人次。\n"
            "2.城市管理案件按期结案率：目标≥95%，实际97.2%（受理2,046宗，按期结案1,989宗）。\n")
    rows = {i.name: (i.direction, i.target.value, i.actual.value) for i in read(tmp_path, text).facts.indicators}
    assert rows == {"社区网格员培训": (">=", 12, 14), "城市管理案件按期结案率": (">=", 95, 97.2)}


def test_items_whose_points_are_declared_before_their_scores(tmp_path):
    text = ("某区水务局2023年度部门整体支出绩效自评价报告\n"
            "按照决策（15分）、过程（25分）、产出（35分）、效益（25分）四个方面评分，自评价得分95.95分，等级为“优秀”。"
            "其中：决策得14.2分；过程得23.65分（预算执行率10分×96.53%得9.65分，资金管理8分得7.5分，组织实施7分得6.5分）；"
            "产出得34.1分；效益得24.0分。\n")
    items = {i.name: (i.weight.value, i.score.value) for i in read(tmp_path, text).facts.items}
    assert items == {"决策": (15, 14.2), "过程": (25, 23.65), "预算执行率": (10, 9.65), "资金管理": (8, 7.5),
                     "组织实施": (7, 6.5), "产出": (35, 34.1), "效益": (25, 24.0)}


def test_indicators_a_clause_each_in_one_long_sentence(tmp_path):
    text = ("某县市场监管局2023年度项目支出绩效自评报告\n"
            "产出指标：食品监督抽检批次年度目标值≥1,800批次，实际完成1,862批次，分值8分，得8分；"
            "预算执行率分值5分，实际执行率96.52%，得4.83分；"
            "农产品快检批次年度目标值≥6,000批次，实际完成5,730批次，完成率95.5%，分值8分，得7.64分。\n")
    result = read(tmp_path, text)
    rows = {i.name: (i.target.value, i.actual.value) for i in result.facts.indicators if i.target}
    assert rows["农产品快检批次"] == (6000, 5730)
    assert [f.code for f in result.findings if f.severity == "error"] == []


PROJECT_SCORED_IN_PARAGRAPHS = """东岭县妇女联合会2024年度巾帼创业补助项目绩效自评报告
一、项目基本情况
本项目全年安排资金50万元，截至2024年6月30日拨付20万元，执行率40%；截至2024年12月31日实际拨付49万元，执行率98%。
二、项目绩效评价情况
（一）项目决策情况
项目立项规范性本项目满分5分，得5分，得分原因为：立项程序规范。绩效目标合理性本项目满分4分，得3分，扣分原因为：目标偏低。
（二）项目管理情况
预算执行率本项目满分10分，得9.8分，得分原因为：资金使用率98%。
"""


def test_a_project_scored_paragraph_by_paragraph(tmp_path):
    """"名称本项目满分5分，得5分" is an item; the rate said after 截至6月30日 is the 运行监控's, the
    one after 截至12月31日 in the next clause the year's; a 妇女联合会 titling its report is the department."""
    result = read(tmp_path, PROJECT_SCORED_IN_PARAGRAPHS)
    items = [(i.name, i.weight.value, i.score.value) for i in result.facts.items]
    assert items == [("项目立项规范性", 5, 5), ("绩效目标合理性", 4, 3), ("预算执行率", 10, 9.8)]
    assert result.facts.keyed_rates()["exec_rate"].value == 98
    assert amounts(result)["budget_total"] == 50
    assert result.facts.dept_name == "东岭县妇女联合会"
    assert result.findings == [], [f.message for f in result.findings]


SCORED_CLAUSE_BY_CLAUSE = """南川区农业农村局2024年度耕地质量监测经费项目绩效自评报告
二、绩效指标完成情况及得分
（一）过程指标（20分）。资金到位率分值5分，年度目标值100%，实际完成值100%，得5分；预算执行率分值10分，实际执行率97.35%，得9.74分；制度执行有效性分值5分，因2份监测报告迟交，扣0.5分，得4.5分。
（二）效益指标（30分）。监测点位达标率年度目标值≥90%，全年监测点位120个、达标111个，达标率92.5%，分值15分，得15分；农户满意度年度目标值≥85%，第三方调查结果为88.1%，上年为83%，分值15分，得15分。
"""


def test_items_and_indicators_scored_clause_by_clause(tmp_path):
    """"名称分值5分，…，得4.5分；" is an item whatever is said between its points and its score; an
    indicator's achievement said with no 实际 is the figure in its target's unit after it (not the
    上年 one, not the points)."""
    result = read(tmp_path, SCORED_CLAUSE_BY_CLAUSE)
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"资金到位率": (5, 5), "预算执行率": (10, 9.74), "制度执行有效性": (5, 4.5)}
    read_ = {i.name: (i.target.value, i.actual.value) for i in result.facts.indicators}
    assert read_ == {"资金到位率": (100, 100), "监测点位达标率": (90, 92.5), "农户满意度": (85, 88.1)}
    assert error_codes(result) == []


RATES_OF_THEIR_OWN_CLAUSES = """石门县水利局2024年度河道管护项目绩效自评报告
一、资金情况
项目全年预算800.00万元，截至2024年11月30日已完成拨付690.40万元，执行率86.30%；截至2024年12月31日累计拨付776.00万元，执行率97.00%。
全年预算数812.50万元，执行数790.22万元，完成预算的97.26%（年中绩效运行监控时执行率为45.10%）。
项目支出合计实际支付212.00万元。其中河道清淤专项全年预算186.00万元，执行172.38万元，执行率92.68%。
"""


def test_a_rate_is_checked_against_the_amounts_said_with_it(tmp_path):
    """A rate after another in its sentence has the amounts said since (here none it can be checked
    by); a 运行监控 rate in brackets has none; a spending said a sentence before a budget is not
    divided by it. Nothing here is a finding — and a rate that does not fit its own amounts is."""
    assert checked(tmp_path, RATES_OF_THEIR_OWN_CLAUSES).findings == []
    wrong = RATES_OF_THEIR_OWN_CLAUSES.replace("执行率86.30%", "执行率86.03%")
    assert [f.code for f in checked(tmp_path, wrong).findings] == ["STATED_RATE_MISMATCH"]


FINAL_ACCOUNTS_WITH_SELF_EVALUATION = """清河区园林局2024年度部门决算情况说明
一、财政拨款收入支出决算总体情况说明
2024年度财政拨款收、支总计5,210.40万元。其中，年初财政拨款结转和结余120.40万元，本年财政拨款收入5,090.00万元；本年财政拨款支出5,002.10万元，年末财政拨款结转和结余208.30万元。
二、部门整体绩效自评情况
年度主要绩效指标完成情况：公园绿地养护面积目标≥300公顷，实际312公顷；古树名木保护率目标≥98%，实际99.2%。
经自评，部门整体绩效自评得分94.60分，其中预算执行率得分9.60分（权重10分）、绩效指标得分85.00分（权重90分），自评等级为“优”。
"""


def test_a_total_after_indicators_listed_target_then_actual(tmp_path):
    """An indicator said as "名称目标≥300公顷，实际312公顷" is its sentence, not the paragraphs after it:
    the total said after it is read; a 收、支总计 has a list each side (no sum of them all)."""
    result = read(tmp_path, FINAL_ACCOUNTS_WITH_SELF_EVALUATION)
    assert result.facts.total.value == 94.60 and result.facts.grade[0] == "优"
    assert [i.name for i in result.facts.indicators] == ["公园绿地养护面积", "古树名木保护率"]
    assert result.findings == [], [f.message for f in result.findings]


@pytest.mark.parametrize("head, name", [
    ("名称: | 江川市河湖管理局2024年度部门决算情况说明 | ||||\n", "江川市河湖管理局"),
    ("2024年度青崖县林业局部门决算\n", "青崖县林业局"),
    ("青崖县林业局关于2024年度林业改革发展资金绩效自评情况的报告\n", "青崖县林业局"),
    ("沙溪县2024年度救灾资金绩效自评报告\n\n发布时间：2025-05-20　来源：沙溪县应急管理局　【字体：大 中 小】\n",
     "沙溪县应急管理局"),
])
def test_the_department_named_by_a_pages_title_or_source(tmp_path, head, name):
    """The department: a title in a page's 名称 cell, a title with the year first or with 关于, or, the
    last resort, the page's 来源; never a heading's words ("2.部门整体绩效自评情况。我局…")."""
    text = head + "一、基本情况\n2.部门整体绩效自评情况。我局2024年全年预算100.00万元，全年执行98.00万元，预算执行率98.00%。\n"
    assert read(tmp_path, text).facts.dept_name == name


def test_the_department_figures_said_of_the_whole_by_name(tmp_path):
    """A 决算 explanation states projects' and the accounts' figures first; the sentence naming the
    部门整体 gives the self-evaluation's budget, spending and rate."""
    text = ("岭北县林业局2024年度部门决算\n一、决算情况\n2024年度支出合计3,600.00万元，其中：基本支出1,000.00万元，项目支出2,600.00万元。\n"
            "二、预算绩效情况说明\n（1）护林防火项目。年初预算400.00万元，全年执行380.00万元，预算执行率95.00%。\n"
            "本部门2024年度部门整体支出年初预算3,000.00万元，年中追加600.00万元，调整后预算3,600.00万元。"
            "全年执行3,420.00万元，预算执行率95.00%。\n")   # (the spending in the sentence after)
    result = read(tmp_path, text)
    read_ = amounts(result)
    assert [read_[k] for k in ("budget_initial", "budget_adjust", "budget_total", "spend_total")] == [3000, 600, 3600, 3420]
    assert result.findings == [], [f.message for f in result.findings]


OWN_GRADE_SCALE = """苍山县水务局2024年度部门整体支出绩效自评报告
一、自评结论
按照《苍山县部门整体支出绩效评价办法》，评价结果分为四个等级：85分（含）以上为优，70分（含）至85分为良，60分（含）至70分为中，60分以下为差。
经自评，我局2024年度部门整体支出绩效自评得分87.5分，评价等级为优。
"""


def test_a_grade_by_the_scale_the_report_states(tmp_path):
    """87.5 is 优 by the report's own scale (85 and above), not by the usual 90: no finding — and a
    grade its own scale does not give is still one (72 is 良 by it, not 优)."""
    assert read(tmp_path, OWN_GRADE_SCALE).findings == []
    wrong = OWN_GRADE_SCALE.replace("87.5分", "72分")
    assert error_codes(read(tmp_path, wrong)) == ["GRADE_MISMATCH"]
    in_part = OWN_GRADE_SCALE.replace("，70分（含）至85分为良，60分（含）至70分为中", "")   # 优 from 85, the rest
    assert read(tmp_path, in_part).findings == []                                         # the usual bounds
    assert error_codes(read(tmp_path, in_part.replace("87.5分", "72分"))) == ["GRADE_MISMATCH"]   # 72: 中


@pytest.mark.parametrize("listed, severity", [
    ("其中：工资福利支出420.00万元，商品和服务支出580.00万元", "warning"),   # may leave a part unsaid
    ("其中：基本支出420.00万元，项目支出580.00万元", "error"),               # names every part
    ("其中：人员经费420.00万元，公用经费100.00万元，项目支出480.00万元", "error"),
    ("其中：工资福利支出720.00万元，商品和服务支出470.00万元", "error"),     # more than the whole
    ("其中：基本支出420.00万元，项目支出300.00万元", "warning"),             # names every part, no slip's shape
])
def test_a_list_short_of_its_whole_is_an_error_only_when_it_names_every_part(tmp_path, listed, severity):
    """1,090.00 said: 1,000.00 or 1,190.00 listed are a digit off it (a slip); 720.00 is of no slip's shape."""
    text = f"某县文化馆2024年度部门整体支出绩效自评报告\n2024年全年支出1,090.00万元，{listed}。\n"
    findings = read(tmp_path, text).findings
    assert [(f.code, f.severity) for f in findings] == [("SUM_MISMATCH", severity)]


def test_a_ceilings_completion_said_as_the_share_of_it_used(tmp_path):
    """"≤20万元，实际16万元，完成率80%": the share of the ceiling used, a convention of its own, no
    error; a 完成率 neither convention gives (75% of ≤5, 4) is one."""
    text = ("某县文化馆2024年度部门整体支出绩效自评报告\n\n“三公”经费控制目标≤20万元，实际支出16万元，完成率80%。\n"
            "公务接待费目标≤5万元，实际支出4万元，完成率75%。\n")
    result = read(tmp_path, text)
    assert [(i.completion.value) for i in result.facts.indicators] == [80, 75]
    assert [(f.code, "公务接待费" in f.message) for f in result.findings] == [("COMPLETION_MISMATCH", True)]


def test_a_budget_moved_by_an_amount_not_named_an_adjustment(tmp_path):
    """"年初210.00，安排上年结转资金12.00，追加14.80，全年236.80": with the amount said between them the
    budget adds up (no finding); what does not add up even so is a warning, not an error."""
    text = ("某县交通运输局2024年度农村客运补贴项目绩效自评报告\n\n本项目年初预算210.00万元，年中安排上年结转资金12.00万元，"
            "同时追加当年财政拨款14.80万元，全年预算236.80万元。\n")
    assert read(tmp_path, text).findings == []
    off = read(tmp_path, text.replace("236.80", "240.80")).findings
    assert [(f.code, f.severity) for f in off] == [("SUM_MISMATCH", "warning")]


TOWN_BUDGET_AND_PROJECTS = """汾川镇人民政府2024年度部门整体支出绩效自评报告

2024年年初预算1,046.30万元。年度中预算调整两次：第一次追加农村人居环境整治资金120.00万元；第二次调减公用经费15.60万元，同时追加防汛救灾应急资金48.00万元。调整后全年预算1,198.70万元，全年支出1,171.86万元，预算执行率97.76%。其中基本支出预算812.40万元，支出809.95万元，执行率99.70%；项目支出预算386.30万元，支出361.91万元，执行率93.69%。

项目名称\t预算数（万元）\t执行数（元）\t执行率\t自评得分\t等级
农村人居环境整治\t120.00\t1,164,500.00\t97.04%\t95.70\t优秀
防汛救灾应急\t48.00\t480,000.00\t100.00%\t98.00\t优秀
"""


def test_adjustments_of_parts_a_part_rate_after_its_own_pair_and_a_column_in_yuan(tmp_path):
    """Adjustments said of parts (调减公用经费, 追加…资金) move the whole budget; a rate after its own
    scope's budget and spending in its clause is theirs, not the whole's; a 执行数（元） column beside
    预算数（万元） is in 元. All of it adds up: no finding."""
    assert read(tmp_path, TOWN_BUDGET_AND_PROJECTS).findings == []
    off = read(tmp_path, TOWN_BUDGET_AND_PROJECTS.replace("1,164,500.00", "1,146,500.00")).findings
    assert [f.code for f in off] == ["STATED_RATE_MISMATCH"] and "114.65" in off[0].message


def test_a_listed_parts_rate_by_its_own_pair_and_money_taken_back(tmp_path):
    """"其中财政拨款预算726.58万元，支出714.52万元，执行率98.34%": the rate of that pair, not of the
    whole's budget; 收回统筹资金 takes from the budget."""
    text = ("某县文化和旅游局2024年度部门整体支出绩效自评报告\n\n"
            "2024年年初预算692.40万元，6月追加58.78万元；10月收回统筹资金6.00万元。调整后预算745.18万元，"
            "全年支出731.09万元，预算执行率98.11%。其中财政拨款预算726.58万元，支出714.52万元，执行率98.34%。\n")
    assert read(tmp_path, text).findings == []
    off = read(tmp_path, text.replace("执行率98.34%", "执行率98.43%")).findings
    assert [f.code for f in off] == ["STATED_RATE_MISMATCH"] and "714.52÷726.58" in off[0].message


def test_a_list_that_says_it_names_some_parts(tmp_path):
    """"其中A186.00万元、B74.80万元等": some of the parts, said so — nothing to add up."""
    text = "某县市场监督管理局2024年度部门整体支出绩效自评报告\n\n6个项目预算金额合计412.60万元，其中食品安全抽检经费186.00万元、特种设备检验经费74.80万元等。\n"
    assert read(tmp_path, text).findings == []


def test_a_list_whose_parts_end_at_its_etc_and_what_follows_its_semicolon(tmp_path):
    """"其中A…、B…、C180.00万元等；上年结转资金318.62万元": the list ends at its 等, the carry-over after
    the ； is no part of it — some parts, nothing to add up."""
    text = ("某县发展和改革局2024年度部门整体支出绩效自评报告\n年内追加以工代赈资金等1,520.00万元，其中直补资金640.00万元、"
            "项目资金700.00万元、以工代赈资金150.00万元等；上年结转资金260.40万元，主要为工程尾款。\n")
    assert [f.code for f in read(tmp_path, text).findings] == []


def test_a_list_whose_parts_say_what_they_hold_is_checked_in_a_warning(tmp_path):
    """"…180万元（含上年结转80万元）", "…、含安装调试费120万元": which figures make up the whole is not certain."""
    head = "某县2023年度项目支出绩效自评报告\n"
    for said in ("下达资金1,000.00万元，其中A镇300.00万元、B镇350.00万元、C镇400.00万元（C镇含上年结转50.00万元）。",
                 "项目支出800.00万元，其中设备购置420.00万元、含安装调试费120.00万元，工程建设380.00万元。"):
        assert [(f.code, f.severity) for f in read(tmp_path, head + said + "\n").findings] == [("SUM_MISMATCH", "warning")]


def test_parts_off_their_whole_by_no_more_than_a_cent_each_are_a_warning(tmp_path):
    head = "某县2023年度项目支出绩效自评报告\n\n一、资金情况\n"
    off = read(tmp_path, head + "全年支出100.00万元，其中A 33.34万元、B 33.34万元、C 33.34万元。\n").findings
    assert [(f.code, f.severity) for f in off] == [("SUM_MISMATCH", "warning")] and "尾数" in off[0].message
    more = read(tmp_path, head + "全年支出100.00万元，其中A 33.34万元、B 33.34万元、C 34.32万元。\n").findings
    assert [(f.code, f.severity) for f in more] == [("SUM_MISMATCH", "error")]


def test_a_list_said_with_namely_names_every_part(tmp_path):
    """"安排项目3个，预算资金612.40万元，即：A…、B…、C…": the parts of the whole, all of them."""
    text = ("某州粮食和物资储备局2024年度项目支出绩效自评报告\n本年安排项目3个，预算资金612.40万元，即：储备粮利费补贴"
            "{a}万元、救灾物资采购经费180.00万元、粮库运维费12.40万元。\n")
    assert [f.code for f in read(tmp_path, text.format(a="420.00")).findings] == []
    assert [(f.code, f.severity) for f in read(tmp_path, text.format(a="402.00")).findings] == [("SUM_MISMATCH", "error")]


YEAR_END_AFTER_NOVEMBER = """石河县农业农村局2024年设施农业补助资金项目绩效自评总结报告

一、资金执行情况
截至2024年11月30日，已拨付补助资金900.00万元，执行率75.00%；截至2024年12月31日，累计拨付补助资金1,164.00万元，执行率97.00%。其中：温室建设拨付700.00万元、大棚建设拨付400.00万元、配套设施建设拨付64.00万元。
二、指标完成情况
（1）受益脱贫人口（含监测对象）：年度目标≥800人，实际768人，完成率96.00%。
三、自评得分
项目综合自评得分96.5分，自评等级为“优”。2023年度同类项目自评得分为95.6分。
"""


def test_the_year_end_figures_after_an_interim_clause(tmp_path):
    """The title's year (not an earlier year's 年度 said later); 截至11月30日 is interim, 截至12月31日 the
    year's; the 其中 list after it is of the last clause's amount; a name with a bracket aside."""
    result = read(tmp_path, YEAR_END_AFTER_NOVEMBER)
    assert result.facts.fiscal_year == 2024 and result.facts.total.value == 96.5
    assert amounts(result)["spend_total"] == 1164 and result.facts.keyed_rates()["exec_rate"].value == 97
    assert [(s.whole.value, len(s.parts)) for s in result.facts.sums] == [(1164, 3)]
    assert [i.name for i in result.facts.indicators] == ["受益脱贫人口(含监测对象)"]
    assert result.findings == [], [f.message for f in result.findings]
    after = YEAR_END_AFTER_NOVEMBER.replace("2024年11月30日", "2025年3月31日")   # after the year: no interim
    assert read(tmp_path, after).facts.keyed_rates()["exec_rate"].value == 75


TRANSFER_FUNDS = """青檀镇人民政府2024年度上级转移支付资金绩效自评报告

一、资金情况
（一）青檀镇人民政府2024年度下达上级资金转移支付600.00万元。其中：中央资金200.00万元，省级资金250.00万元，市级资金150.00万元，资金共安排8个项目。
截至2024年12月31日，8个项目累计支出576.00万元，资金执行率96.00%。年中绩效监控时（截至6月30日）累计支出260.00万元，支出进度43.33%。
二、指标完成情况
（1）数量指标：新建茶叶加工厂房，年度目标1处，实际完成1处；改造农村户厕，年度目标≥180户，实际完成192户。
（2）质量指标：项目竣工验收合格率，年度目标100%，实际100%。
"""


def test_transfer_funds_said_down_and_indicators_after_their_name_and_a_comma(tmp_path):
    """下达…转移支付 is the budget, 累计支出 at the year's end the spending (the 运行监控's is not);
    a 其中 list followed by "资金共安排8个项目" has no item said by its count; "名称，年度目标1处，
    实际完成1处" is an indicator, with or without a sign."""
    result = read(tmp_path, TRANSFER_FUNDS)
    assert (amounts(result)["budget_total"], amounts(result)["spend_total"]) == (600, 576)
    assert [(s.whole.value, len(s.parts)) for s in result.facts.sums] == [(600, 3)]
    assert [(i.name, i.direction, i.target.value, i.actual.value) for i in result.facts.indicators] == [
        ("新建茶叶加工厂房", "=", 1, 1), ("改造农村户厕", ">=", 180, 192), ("项目竣工验收合格率", "=", 100, 100)]
    assert result.findings == [], [f.message for f in result.findings]
    short = read(tmp_path, TRANSFER_FUNDS.replace("市级资金150.00", "市级资金105.00")).findings   # (a list of levels
    assert [(f.code, f.severity) for f in short] == [("SUM_MISMATCH", "warning")]              # may leave one out)


def test_spending_said_as_executed_in_all(tmp_path):
    """"两个支出方向合计实际执行1579.988275万元" is the spending (six decimals of 万元 as written)."""
    text = ("某州应急管理局2024年度中央自然灾害救灾资金绩效自评报告\n一、资金情况\n全州共安排救灾资金全年预算1706万元。"
            "截至2024年12月31日，两个支出方向合计实际执行1579.988275万元，资金执行率92.61%。\n")
    assert amounts(read(tmp_path, text))["spend_total"] == 1579.988275


def test_a_rate_set_as_a_target_is_not_the_rate_achieved(tmp_path):
    """"年度绩效目标为：…预算执行率≥90%" before "…执行率96.60%": the target is no execution rate."""
    text = ("某街道办事处2024年度部门整体支出绩效自评报告\n一、绩效目标\n年度绩效目标为：居民满意度≥90%；预算执行率≥90%。\n"
            "二、预算执行\n全年预算500.00万元，全年支出483.00万元，预算执行率96.60%。\n")
    assert read(tmp_path, text).facts.keyed_rates()["exec_rate"].value == 96.60


def test_a_whole_said_to_be_made_of_parts_in_the_next_line(tmp_path):
    """"实际完成投资83.42万元" then "实际完成投资由A…、B…、C…三部分组成": the parts of that whole, a warning
    when they do not add up (they are not of the whole's own sentence); nothing when they do."""
    text = ("某县公路安全生命防护工程2024年度绩效自评报告\n（一）资金投入情况。该项目下达资金86万元，实际完成投资83.42万元。\n"
            "实际完成投资由建安工程费76.15万元、监理费3.12万元、设计费4.15万元三部分组成。\n")
    assert [(f.code, f.severity) for f in read(tmp_path, text).findings] == []
    short = read(tmp_path, text.replace("设计费4.15", "设计费2.65")).findings
    assert [(f.code, f.severity) for f in short] == [("SUM_MISMATCH", "warning")]
    some = read(tmp_path, text.replace("设计费4.15万元三部分", "设计费2.65万元等")).findings   # "等": some of them
    assert [f.code for f in some] == []


def test_an_indicator_with_its_points_after_its_name(tmp_path):
    """"馆藏档案数字化页数8分，目标120万页，实际完成104.6万页，得6.97分": 8 is its points, not its name's."""
    text = ("某市档案馆2024年度部门整体支出绩效自评报告\n3.3 产出（12分，得10.97分）。馆藏档案数字化页数8分，目标120万页，"
            "实际完成104.6万页，得6.97分；接收档案进馆4分，目标不少于3,000卷，实际3,412卷，得4分。\n")
    read_ = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
             for i in read(tmp_path, text).facts.indicators]
    assert read_ == [("馆藏档案数字化页数", 120, 104.6, 8, 6.97), ("接收档案进馆", 3000, 3412, 4, 4)]


INDICATORS_SAID_SCORED_IN_A_TABLE = """某县疾病预防控制中心2024年度地方病防治项目绩效自评报告
一、项目资金情况
项目全年预算80.00万元，全年支出76.24万元，预算执行率95.30%。
二、绩效目标完成情况
重点人群尿碘检测目标≥400份，实际完成389份；碘盐覆盖率目标≥95%，实际97.8%。扣分主要在“监测工作”指标，目标≥40%，实际36.2%。
三、自评得分
| 指标 | 分值 | 得分 |
| 预算执行率 | 10 | 9.53 |
| 重点人群尿碘检测份数 | 45 | 43.76 |
| 碘盐覆盖率 | 45 | 45 |
| 合计 | 100 | 98.29 |
"""


def test_indicators_said_in_prose_and_scored_in_a_table(tmp_path):
    """An indicator said in a sentence and scored by name in a 评分表's row (the one name holding most of
    the other) is one indicator; a score that does not follow is a warning saying where each figure
    came from (two statements joined)."""
    result = read(tmp_path, INDICATORS_SAID_SCORED_IN_A_TABLE)
    joined = [(i.name, i.weight.value, i.self_score.value) for i in result.facts.indicators
              if i.weight and not i.item_too]   # (the 预算执行率 row: an item's, read as its rate too)
    assert joined == [("重点人群尿碘检测", 45, 43.76), ("碘盐覆盖率", 45, 45)]
    assert result.findings == [], [f.message for f in result.findings]
    slipped = read(tmp_path, INDICATORS_SAID_SCORED_IN_A_TABLE.replace("| 45 | 43.76 |", "| 45 | 42.76 |")
                   .replace("98.29", "97.29")).findings
    assert [(f.code, f.severity) for f in slipped] == [("SCORE_MISMATCH", "warning")]
    assert "取自评分表" in slipped[0].message


INDICATOR_PARAGRAPHS_WITH_POINTS = """某区农业农村委员会2024年度部门整体支出绩效自评报告
三、绩效指标完成情况
定量指标未达到目标的按“实际值÷目标值×分值”计分。
1.新建高标准农田。年度目标不少于3.2万亩，实际建成3.36万亩，亩均财政投入按不低于1,500元的标准安排。该指标分值10分，得分10分。
2.粮食播种面积。年度目标不少于52万亩，统计部门反馈实际播种51.6万亩。该指标分值10分，得分9.92分。
3.数量指标。全年维修养护农村供水工程134处，目标不少于120处，该指标分值15分，得分15分。更换改造老旧管网41.6公里，目标不少于45公里，完成率92.44%，未完成原因是道路施工推迟，该指标分值10分，得分9.24分。
4.食品安全监督抽检批次：目标≥2,400批次，实际完成2,586批次，分值8分，得8分。
"""


def test_indicators_with_their_points_and_score_said_after_them(tmp_path):
    """A numbered paragraph titled by the indicator ("1.新建高标准农田。年度目标…，实际…") and its points and
    score once in the paragraph ("该指标分值10分，得分10分"); an indicator said achieved-first with its
    points and score later in its sentence, no other figure but a completion between."""
    result = read(tmp_path, INDICATOR_PARAGRAPHS_WITH_POINTS)
    got = [(i.name, i.target.value, i.actual.value, i.weight and i.weight.value, i.self_score and i.self_score.value)
           for i in result.facts.indicators]
    assert got == [("新建高标准农田", 3.2, 3.36, 10, 10), ("粮食播种面积", 52, 51.6, 10, 9.92),
                   ("维修养护农村供水工程", 120, 134, 15, 15), ("更换改造老旧管网", 45, 41.6, 10, 9.24),
                   ("食品安全监督抽检批次", 2400, 2586, 8, 8)]
    assert result.findings == [], [f.message for f in result.findings]
    slipped = read(tmp_path, INDICATOR_PARAGRAPHS_WITH_POINTS.replace("得分9.92分", "得分9.29分")).findings
    assert [(f.code, f.severity) for f in slipped] == [("SCORE_MISMATCH", "error")]


def test_each_source_with_its_own_rate(tmp_path):
    """"…实际支出331.28万元，预算执行率92.02%。其中中央衔接资金支出276.50万元，执行率92.17%；县级配套…，执行率
    91.30%": each source's rate is its own (its budget unsaid), not the whole's."""
    text = ("某县农业农村局2024年度茶叶初制所改造项目绩效自评报告\n一、资金\n项目年度预算360.00万元，截至2024年12月31日实际支出"
            "331.28万元，预算执行率92.02%。其中中央衔接资金支出276.50万元，执行率92.17%；县级配套资金支出54.78万元，执行率91.30%。\n")
    assert read(tmp_path, text).findings == []
    assert [f.code for f in read(tmp_path, text.replace("92.02%", "92.20%")).findings] == ["STATED_RATE_MISMATCH"]


UNMET_GOALS_SECTION = """某镇人民政府2024年度茶叶初制所改造项目绩效自评报告
一、自评结论
3.未完成的绩效目标。项目按期完工率87.5%，未达到90%的目标值，1个初制所因电力增容审批延误。
二、绩效目标完成情况
（1）数量指标。带动茶农户数目标≥1,200户，实际带动1,286户，完成目标的{said}%。
"""


def test_a_section_of_unmet_goals_states_results_and_a_completion_said_of_the_target(tmp_path):
    """"未完成的绩效目标" is a section of results (its 87.5% is no target, the 90% after it is); "…，完成目标的
    107.17%" is the completion said (1,286 ÷ 1,200), checked."""
    result = read(tmp_path, UNMET_GOALS_SECTION.format(said="107.17"))
    assert [(i.name, i.target.value, i.actual.value, i.completion and i.completion.value) for i in result.facts.indicators] == [
        ("项目按期完工率", 90, 87.5, None), ("带动茶农户数", 1200, 1286, 107.17)]
    assert result.findings == []
    assert [f.code for f in read(tmp_path, UNMET_GOALS_SECTION.format(said="107.71")).findings] == ["COMPLETION_MISMATCH"]


def test_an_adjustment_described_in_brackets_is_no_other_move_of_the_budget(tmp_path):
    """"年初预算…，年中追加2,197.35万元（主要为中央水利发展资金1,860.00万元…），加上年初结转和结余379.18万元，
    全年预算数…": the amount in brackets describes the 追加, the 结转 added is a move of the budget — they add up."""
    text = ("某县水务局2024年度部门决算\n第四部分 预算绩效情况说明\n2024年年初预算3,960.80万元，年中追加2,197.35万元（主要为中央"
            "水利发展资金1,860.00万元及省级水土保持补助资金），加上年初结转和结余379.18万元，全年预算数{total}万元。\n")
    assert read(tmp_path, text.format(total="6,537.33")).findings == []
    assert [(f.code, f.severity) for f in read(tmp_path, text.format(total="6,573.33")).findings] == [("SUM_MISMATCH", "warning")]


def test_the_reports_own_sentence_after_rules_in_one_paragraph(tmp_path):
    """"评分方法：…×10；…。经自评，本项目总分89.44分，自评等级为“优”。…90分（含）以上为优，80分（含）—90分为良…":
    the sentence after the rules is the report's — its total is read, its grade checked by the scale stated."""
    text = ("某区林业管理站2024年度生态公益林养护项目绩效自评报告\n四、自评结论\n评分方法：执行率得分=执行率×10；定量指标未达目标的"
            "按“实际完成值÷年度指标值×分值”计分。经自评，本项目总分89.44分，自评等级为“优”。区财政局等级划分标准：90分（含）以上为优，"
            "80分（含）—90分为良，60分（含）—80分为中，60分以下为差。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 89.44
    assert [(f.code, f.severity) for f in result.findings] == [("GRADE_MISMATCH", "error")]


@pytest.mark.parametrize("said", ["综合自评得分88.92分", "总得分88.92分", "项目总分为88.92分"])
def test_the_total_said_right_after_the_rules_without_an_opening_word(tmp_path, said):
    """"评分方法：…；时效指标每延期一批次扣1分。综合自评得分96.92分，自评等级为“优”（90分以上为优）": no 经自评 before
    the total, yet the sentence is the report's own."""
    text = ("某县发展和改革委员会2023年度补贴资金兑付项目绩效自评报告\n四、自评结论\n评分方法：兑付率指标得分=兑付比例×10分；"
            f"定量指标达到目标的得满分；时效指标每延期一批次扣1分。{said}，自评等级为“优”（90分以上为优）。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 88.92
    assert [(f.code, f.severity) for f in result.findings] == [("GRADE_MISMATCH", "error")]


def test_a_subsidy_paid_out_is_its_spending_and_its_share_paid_the_rate(tmp_path):
    text = ("某县2023年度补贴资金兑付项目绩效自评报告\n二、资金兑付情况\n全年预算2,842.34万元，已兑付补贴资金2,818.76万元，"
            "兑付比例{rate}。\n")
    right = read(tmp_path, text.format(rate="99.17%"))
    assert amounts(right)["spend_total"] == 2818.76 and right.facts.keyed_rates()["exec_rate"].value == 99.17
    assert right.findings == []
    assert [f.code for f in read(tmp_path, text.format(rate="99.71%"), "slipped.txt").findings] == ["STATED_RATE_MISMATCH"]


def test_rules_announced_inside_a_paragraph_and_the_budgets_completion_rate(tmp_path):
    """"…共14项指标。评分规则为：预算完成率以100%为满分基准…；…按“执行率÷95%×分值”计分。本项目自评得分…": the
    figures of the rules are none of the report's, its own sentence after them is; 预算完成率 is the execution rate."""
    text = ("某区人力资源和社会保障局2024年度部门整体支出绩效自评报告\n一、预算执行\n全年支出9,486.71万元，预算完成率96.58%。\n"
            "二、评分\n本次自评设三部分共14项指标。评分规则为：预算完成率以100%为满分基准，每低1个百分点扣0.5分；90%（含）—95%的按"
            "“执行率÷95%×分值”计分。本项目自评得分92.35分，自评等级为“优”。\n")
    facts = read(tmp_path, text).facts
    assert facts.keyed_rates()["exec_rate"].value == 96.58
    assert (facts.total.value, facts.grade[0]) == (92.35, "优")


def test_a_project_reports_budget_named_before_a_sum_said_down(tmp_path):
    """"项目年初预算1,268.40万元。…区财政局转下达市级专项资金350.00万元，项目全年预算调整为1,618.40万元": in a
    项目支出 report the 项目全年预算 is the whole's, named as a 全年预算 before the sum said 下达."""
    text = ("某街道办事处2024年度背街小巷整治项目绩效自评报告\n一、项目资金\n项目年初预算1,268.40万元，全部为区级资金。2024年7月，"
            "区财政局转下达市级专项资金350.00万元，项目全年预算调整为1,618.40万元。\n")
    assert amounts(read(tmp_path, text))["budget_total"] == 1618.40


def test_indicators_scored_together_after_them(tmp_path):
    """"…。以上2项各10分，均得满分": each of the two indicators said just before has 10 points and scores 10; a
    count that does not match the indicators read gives nothing (which ones are meant is not known)."""
    text = ("某镇人民政府2024年度部门整体支出绩效自评报告\n（三）效益指标\n农村生活垃圾有效治理率100%（目标≥95%）；"
            "城乡居民医保参保率97.6%（目标≥97%）。以上{n}项各10分，均得满分，本类得分20分。\n")
    got = [(i.name, i.weight and i.weight.value, i.self_score and i.self_score.value)
           for i in read(tmp_path, text.format(n="2")).facts.indicators]
    assert got == [("农村生活垃圾有效治理率", 10, 10), ("城乡居民医保参保率", 10, 10)]
    assert all(i.weight is None for i in read(tmp_path, text.format(n="3")).facts.indicators)


INDICATORS_SAID_FIVE_WAYS = """某县自然资源局2024年度部门整体支出绩效自评报告
三、绩效指标完成情况
定量指标未达到目标的按“实际值÷目标值×分值”计分。
（三）产出（40分，得38.86分）
1.不动产登记办结率（分值8分）：目标≥98%，实际99.2%，得8分。
2.耕地保护目标任务完成数：目标14个，实际完成12个，完成率85.71%，得6.86分（分值8分）。
3.地质灾害隐患点巡查次数目标≥48次，实际52次，该指标分值8分，得分8分。
4.执法案件办结率98.5%，高于95%的目标，得8分（分值8分）。
5.森林火灾受害率0.12‰，低于0.9‰的控制目标，得8分（分值8分）。
"""


def test_indicators_said_five_ways_with_their_points_and_scores(tmp_path):
    """Points in brackets after the name, score and points in brackets at the end, points then score, and
    what was achieved compared with the target after it ("…，高于95%的目标", "…，低于0.9‰的控制目标": a ceiling)."""
    result = read(tmp_path, INDICATORS_SAID_FIVE_WAYS)
    got = {i.name: (i.direction, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
           for i in result.facts.indicators}
    assert got == {"不动产登记办结率": (">=", 98, 99.2, 8, 8), "耕地保护目标任务完成数": ("=", 14, 12, 8, 6.86),
                   "地质灾害隐患点巡查次数": (">=", 48, 52, 8, 8), "执法案件办结率": (">=", 95, 98.5, 8, 8),
                   "森林火灾受害率": ("<=", 0.9, 0.12, 8, 8)}
    assert result.findings == [], [f.message for f in result.findings]


def test_achieved_against_a_target_said_with_its_sign_or_its_margin(tmp_path):
    """"…，达到不低于67.5%的目标": the sign said with the target; "…，低于3.3‰的控制指标2.5个千分点": the margin after."""
    text = ("三、绩效目标完成情况\n（1）生态效益：森林覆盖率67.86%，达到不低于67.5%的目标；"
            "林业有害生物成灾率0.8‰，低于3.3‰的控制指标2.5个千分点。\n")
    got = {i.name: (i.direction, i.target.value, i.actual.value) for i in read(tmp_path, text).facts.indicators}
    assert got == {"森林覆盖率": (">=", 67.5, 67.86), "林业有害生物成灾率": ("<=", 3.3, 0.8)}


def test_statements_scored_on_their_own(tmp_path):
    """"在职人员控制率为93.48%（…），未超编，该项分值5分，得5分": an indicator with what it achieved (no target
    said); "绩效目标合理性，该指标分值4分，得分4分": an item; "本类得分…" names no subject."""
    text = ("某县市场监督管理局2024年度部门整体支出绩效自评报告\n（一）投入情况\n绩效目标合理性，该指标分值4分，得分4分。"
            "在职人员控制率为93.48%（实有在职86人÷核定编制92名），未超编，该项分值5分，得5分。本类得分9分。\n")
    facts = read(tmp_path, text).facts
    assert [(i.name, i.target, i.actual.value, i.weight.value, i.self_score.value) for i in facts.indicators] == [
        ("在职人员控制率", None, 93.48, 5, 5)]
    assert [(i.name, i.weight.value, i.score.value) for i in facts.items] == [("绩效目标合理性", 4, 4)]


def test_an_item_with_its_points_and_score_in_one_bracket(tmp_path):
    """"（一）投入情况（分值20分，得分19.5分）": the item 投入 (情况 is no part of its name), 20 points, 19.5."""
    text = ("某县文化广电旅游局2024年度部门整体支出绩效自评报告\n（一）投入情况（分值20分，得分19.5分）\n"
            "（二）过程情况（分值30分，得分27.87分）\n")
    assert [(i.name, i.weight.value, i.score.value) for i in read(tmp_path, text).facts.items] == [
        ("投入", 20, 19.5), ("过程", 30, 27.87)]


def test_indicators_named_together_in_the_scores_summary(tmp_path):
    """"…产出指标中演出场次、覆盖行政村、群众评议合格率各10分均得满分": each named one is scored 10 of 10, and
    joined by its name to the indicator said earlier ("送戏下乡演出场次目标≥360场，实际完成366场")."""
    text = ("某市文化旅游局2024年度送戏下乡项目绩效自评报告\n二、绩效目标完成情况\n送戏下乡演出场次目标≥360场，实际完成366场；"
            "群众评议合格率目标≥95%，实际97.8%。\n三、自评得分\n经自评，产出指标中演出场次、覆盖行政村、群众评议合格率各10分均得满分。\n")
    got = {i.name: (i.weight and i.weight.value, i.self_score and i.self_score.value) for i in read(tmp_path, text).facts.indicators}
    assert got == {"送戏下乡演出场次": (10, 10), "群众评议合格率": (10, 10)}


def test_a_weighted_indicators_completion_is_not_what_it_achieved(tmp_path):
    """"服务对象满意度（6分）：目标不低于90%，问卷调查结果84.6%，完成率94.00%，得5.64分": achieved 84.6%, its
    completion said 94.00% (checked), its score 6 × 94% = 5.64 — no finding; 112.5% said 121.5% is found."""
    text = ("某县自然资源和规划局2024年度部门整体支出绩效自评报告\n（四）效益指标（20分）\n4.服务对象满意度（6分）：目标不低于90%，"
            "问卷调查结果84.6%，完成率{said}%，得5.64分。\n")
    result = read(tmp_path, text.format(said="94.00"))
    assert [(i.actual.value, i.completion.value) for i in result.facts.indicators] == [(84.6, 94.0)]
    assert result.findings == []
    assert [f.code for f in read(tmp_path, text.format(said="96.00")).findings if f.severity == "error"] == ["COMPLETION_MISMATCH"]


def test_points_said_as_full_marks_and_scores_as_actually_got(tmp_path):
    """"（一）投入情况（满分20分，实得19.6分）", "部门预算资金到位率100%，满分4分，实得4分", "…目标不低于95%，实际96.1%，
    满分7分，实得7分": 满分 is the points, 实得 the score."""
    text = ("某区医疗保障局2024年度部门整体支出绩效自评报告\n（一）投入情况（满分20分，实得19.6分）\n"
            "部门预算资金到位率100%，满分4分，实得4分；绩效目标合理性，该项满分4分，实得4分。\n"
            "1.基本医疗保险参保率目标不低于95%，实际96.1%，满分7分，实得7分。\n")
    facts = read(tmp_path, text).facts
    assert {i.name: (i.weight.value, i.self_score.value) for i in facts.indicators} == {
        "部门预算资金到位率": (4, 4), "基本医疗保险参保率": (7, 7)}
    assert {i.name: (i.weight.value, i.score.value) for i in facts.items} == {"投入": (20, 19.6), "绩效目标合理性": (4, 4)}


def test_achieved_then_target_then_points_and_score_in_brackets(tmp_path):
    """"——新改建农村公路126.4公里，目标120公里（分值8分，得8分）": the dash is no part of the name; the bracket
    of points and score after the target is its."""
    text = ("某县交通运输局2024年度部门整体支出绩效自评报告\n（三）产出指标\n——新改建农村公路126.4公里，目标120公里（分值8分，得8分）。\n")
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, text).facts.indicators] == [("新改建农村公路", 120, 126.4, 8, 8)]


SCORED_IN_ONE_PARAGRAPH = """某县交通运输局2024年度部门整体支出绩效自评报告
（一）决策指标。目标设定（分值3分），得3分；预算编制合理性（分值3分），部分项目年中调整幅度较大，得2.7分。
（二）过程指标。本级压减调整2,006.30万元，预算调整率12.79%，分值3分，得3分；政府采购执行率（分值3分）、资产管理（分值3分）均得满分。
（三）产出指标。——完成危桥改造16座，目标18座，2座因跨河施工需待枯水期实施（分值8分，得7.11分）。
"""


def test_scores_said_in_one_paragraph_several_ways(tmp_path):
    """Points in brackets after the name and the score after words ("预算编制合理性（分值3分），…，得2.7分"); a
    statement's subject is its last clause naming a figure ("本级压减调整2,006.30万元，预算调整率12.79%，分值3分，
    得3分" is of 预算调整率); several in brackets scored in full; a bracket of points and score closing an
    indicator's statement, other figures before it."""
    facts = read(tmp_path, SCORED_IN_ONE_PARAGRAPH).facts
    items = {i.name: (i.weight.value, i.score.value) for i in facts.items}
    assert {k: items[k] for k in ("目标设定", "预算编制合理性", "政府采购执行率", "资产管理")} == {
        "目标设定": (3, 3), "预算编制合理性": (3, 2.7), "政府采购执行率": (3, 3), "资产管理": (3, 3)}
    got = {i.name: (i.target and i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in facts.indicators}
    assert got == {"预算调整率": (None, 12.79, 3, 3), "完成危桥改造": (18, 16, 8, 7.11)}


SCORED_SECTION_BY_SECTION = """泺川市残疾人联合会2024年度部门整体支出绩效自评报告

三、综合评价结论
经自评，市残联2024年度部门整体绩效自评综合得分96.05分，评价等级为“优”。其中，决策指标10分，得9.20分；过程指标20分，得18.85分；产出指标40分，得40分；效益指标30分，得28.00分。
四、绩效评价指标分析
1.预算执行率（分值5分）。全年预算10,000.00万元，支出9,700.00万元，执行率97.00%，得4.85分。
2.新增残疾人就业：目标不少于1,200名，实际1,356名，得8分（分值8分）。
3.托养照护服务：目标不低于2,400人次，实际2,220人次，完成率92.50%，得3.70分（分值4分）。
"""


def test_items_and_indicators_scored_section_by_section(tmp_path):
    """"决策指标10分，得9.20分" is an item; "预算执行率（分值5分）。…，得4.85分" the execution item with
    its points; "名称：目标…，实际…，得3.70分（分值4分）" an indicator with its score and points."""
    result = read(tmp_path, SCORED_SECTION_BY_SECTION)
    items = {i.name: (i.weight and i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"预算执行率": (5, 4.85), "决策指标": (10, 9.2), "过程指标": (20, 18.85), "产出指标": (40, 40),
                     "效益指标": (30, 28)}
    assert {i.name: (i.weight.value, i.self_score.value) for i in result.facts.indicators} == {
        "新增残疾人就业": (8, 8), "托养照护服务": (4, 3.7)}
    assert result.findings == [], [f.message for f in result.findings]
    wrong = SCORED_SECTION_BY_SECTION.replace("得3.70分（分值4分）", "得3.80分（分值4分）")
    # the report does not say a shortfall scores in proportion (it may deduct by steps): a warning saying so
    assert [(f.code, f.severity) for f in read(tmp_path, wrong).findings] == [("SCORE_MISMATCH", "warning")]
    assert "未写明按完成比例计分" in read(tmp_path, wrong).findings[0].message
    for rule in ("未达到目标的按实际值/目标值×分值计分。", "未完成的按完成比例计分。", "得分=完成率×分值。"):
        assert error_codes(read(tmp_path, wrong + rule + "\n")) == ["SCORE_MISMATCH"], rule


def test_a_score_that_follows_a_completion_said_wrong(tmp_path):
    """"目标不低于2,400人次，实际2,220人次，完成率93.50%，得3.74分（分值4分）": the completion is said wrong
    (92.50%) and the score follows it — the completion is the error, its score a warning saying so."""
    wrong = SCORED_SECTION_BY_SECTION.replace("完成率92.50%，得3.70分", "完成率93.50%，得3.74分") \
        + "未达到目标的按实际值/目标值×分值计分。\n"
    found = read(tmp_path, wrong).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error"), ("SCORE_MISMATCH", "warning")]
    assert "随该完成率有误" in found[1].message


BOND_PROJECT = """某区人民医院迁建工程2024年度地方政府专项债券项目资金绩效自评报告

三、资金使用情况
年度可使用债券资金7,000.00万元。年内支出债券资金6,650.00万元，支出进度95.00%。
五、绩效指标分析
1.年度完成投资：目标不少于1.8亿元，实际完成1.86亿元。
2.工程质量验收合格率：目标100%，实际100%。
3.单位建安造价：目标不高于5,800元/平方米，实际5,640元/平方米。
"""


def test_a_bond_projects_funds_and_indicators(tmp_path):
    """可使用…资金 is the budget, 年内支出…资金 the spending, 支出进度 the rate; "名称：目标100%，实际100%"
    an indicator with no sign; a unit of five characters (元/平方米)."""
    result = read(tmp_path, BOND_PROJECT)
    assert (amounts(result)["budget_total"], amounts(result)["spend_total"]) == (7000, 6650)
    assert result.facts.keyed_rates()["exec_rate"].value == 95
    assert {i.name: (i.target.value, i.actual.value) for i in result.facts.indicators} == {
        "完成投资": (1.8, 1.86), "工程质量验收合格率": (100, 100), "单位建安造价": (5800, 5640)}
    assert result.findings == []
    assert [f.code for f in read(tmp_path, BOND_PROJECT.replace("95.00%", "95.30%")).findings] == ["STATED_RATE_MISMATCH"]


def test_projects_totalled_and_a_rate_said_as_done_of_the_budget(tmp_path):
    """A report of several projects: their 合计 (said of "4个项目") is the report's budget and spending,
    "完成预算的99.26%" its rate — not the first project's figures."""
    text = ("某苏木人民政府2024年度中央对地方转移支付预算执行情况绩效自评结果公开\n\n"
            "项目一：村集体经济发展项目，项目全年预算数500,000.00元，执行数500,000.00元，完成预算的100%。\n"
            "项目二：牛羊肉加工车间建设项目，项目全年预算数1,200,000.00元，执行数1,164,000.00元，完成预算的97%。\n"
            "三、资金执行总体情况\n2个项目全年预算数合计1,700,000.00元，执行数合计1,664,000.00元，完成预算的97.88%。\n")
    result = read(tmp_path, text)
    keyed = result.facts.keyed_amounts()
    assert (result.facts.amount(keyed["budget_total"]), result.facts.amount(keyed["spend_total"])) == (170, 166.4)
    assert result.facts.keyed_rates()["exec_rate"].value == 97.88
    assert result.findings == []
    assert [f.code for f in read(tmp_path, text.replace("97.88%", "97.78%")).findings] == ["STATED_RATE_MISMATCH"]


SCHOOL_FINAL_ACCOUNTS = """潇源县第一中学2024年度部门决算

一、收入支出决算总体情况
2024年度收、支总计均为3,486.72万元。收入包括本年收入3,402.15万元、上年结转结余84.57万元；支出包括本年支出3,391.60万元、年末结转结余95.12万元。
二、预算绩效情况说明
（一）项目支出绩效自评情况
生均公用经费项目全年预算220.80万元，实际支出2,143,600.00元，项目自评得分96.50分。
（二）部门整体支出绩效自评情况
1.预算安排及执行。2024年年初预算3,105.40万元，年中追加312.60万元，调减26.80万元，调整后预算3,391.20万元。全年执行数3,356.44万元，预算执行率98.97%。

| 一级指标 | 分值 | 自评得分 |
| 预算执行率 | 10 | 9.90 |
| 预算编制与资金管理 | 20 | 18.6 |
| 产出指标 | 40 | 38.5 |
| 效益指标 | 20 | 19.0 |
| 满意度指标 | 10 | 9.6 |
| 合计 | 100 | 95.6 |

我校2024年度部门整体支出绩效自评综合得分95.6分，评价等级为“优”。
"""


def test_the_self_evaluation_figures_before_the_accounts_and_a_projects(tmp_path):
    """The 决算's 本年支出 (a 收、支总计 sentence) and a project's 实际支出 come after the 执行数 said under
    the 部门整体 heading; a 评分表 whose rows add up to its 合计 is not summed again by an inferred
    framework's rows. Nothing here is a finding."""
    result = read(tmp_path, SCHOOL_FINAL_ACCOUNTS)
    assert (amounts(result)["budget_total"], amounts(result)["spend_total"]) == (3391.2, 3356.44)
    assert result.findings == [], [f.message for f in result.findings]


@pytest.mark.parametrize("text, year", [
    ("某项目绩效自评报告\n\n二、自评结论\n项目自评得分98.6分，等级为优。该项目2022年度自评得分为97.0分。"
     "按照《关于2023年市级项目支出绩效自评有关事项的通知》要求，2023年全年完成投资，2023年末实有16人。\n", 2023),
    ("某中心2024年度部门决算\n\n2023年度我镇部门整体自评得分为91.80分。\n", 2024),
    ("部门整体支出绩效自评表\n（2024年度）\n2023年度同类得分90分，2025年预算将压减5%，报告于2025年3月20日报出。\n", 2024),
])
def test_the_year_evaluated(tmp_path, text, year):
    """The title's year, else the one a form states, else the one the report says most — not an
    earlier year's said first, not a date, not a next year's 预算."""
    assert read(tmp_path, text).facts.fiscal_year == year


def test_a_spending_said_as_executed_and_what_it_was_used_for(tmp_path):
    """"全年预算186.40万元，执行173.52万元，执行率94.09%": 执行 alone is the spending (the rate is
    checked by it); the uses listed after it add up to it, not to the sentence before's whole."""
    text = ("某州民宗委2024年度项目支出绩效自评报告\n\n截至2024年12月31日，4个项目全年执行258.75万元，执行率94.26%。"
            "其中少数民族发展资金全年预算186.00万元，执行172.38万元，执行率92.68%，资金用于示范村寨建设128.60万元、"
            "特色村寨基础设施改善31.28万元、宣传培训12.50万元。\n")
    assert read(tmp_path, text).findings == []
    assert [f.code for f in read(tmp_path, text.replace("92.68%", "92.86%")).findings] == ["STATED_RATE_MISMATCH"]


NUMBERED_INDICATOR_LINES = """某县乡村振兴局2024年度衔接资金项目绩效自评报告

（三）使用成效
1.受益脱贫人口：年度指标值≥3500人，实际完成3826人，分值8分，得8分。
2.项目带动脱贫人口就业：年度指标值≥420人次，实际完成397人次，分值9分，按完成比例计得8.51分。
3.项目（工程）验收合格率：年度指标值100%，实际完成100%。
该项合计得分24.51分。
（四）其他
产业项目全部建立联农带农机制，带动脱贫户1,214户，得10分。部分资金因名单调整未及时使用，执行率未达到100%。
"""


def test_indicators_each_a_numbered_line(tmp_path):
    """An indicator's figures are its own line's: "按完成比例计得8.51分" is a score (no completion), "该项
    合计得分" a group's sum, a score on a later line another's, "执行率未达到100%" a line measured against."""
    result = read(tmp_path, NUMBERED_INDICATOR_LINES)
    value = lambda n: n.value if n is not None else None   # noqa: E731
    assert {i.name: (value(i.completion), value(i.self_score)) for i in result.facts.indicators} == {
        "受益脱贫人口": (None, 8), "项目带动脱贫人口就业": (None, 8.51), "项目(工程)验收合格率": (None, None)}
    assert "exec_rate" not in result.facts.keyed_rates()
    assert result.findings == [], [f.message for f in result.findings]


def test_a_budget_whose_additions_are_summed_again(tmp_path):
    """"6月追加280.30万元，调减48.00万元；11月再追加122.18万元。全年追加402.48万元，调整后…3,412.68万元":
    the additions said item by item and then summed — read once, it adds up."""
    text = ("某区退役军人事务局2024年度部门整体支出绩效自评报告\n\n2024年年初预算3,058.20万元。6月追加优抚资金280.30万元，"
            "同时调减会议培训经费48.00万元；11月再追加义务兵家庭优待金122.18万元。全年追加402.48万元，调整后全年预算3,412.68万元。\n")
    assert read(tmp_path, text).findings == []
    assert [f.code for f in read(tmp_path, text.replace("3,412.68", "3,421.68")).findings] == ["SUM_MISMATCH"]


def test_a_funds_report_not_naming_itself_a_project_one(tmp_path):
    """"…专项经费绩效自评报告" with "专项经费合计3.0万元…实际使用2.86万元，项目执行率95.33%": the fund's
    figures are the report's (it does not say it is a 部门整体 one)."""
    text = ("青崖县2024年县级配套地方病防治专项经费绩效自评报告\n\n（一）预算执行进度情况。2024县级配套地方病防治专项经费合计3.0万元，"
            "资金到位率100%，实际使用2.86万元，项目执行率95.33%。\n")
    result = read(tmp_path, text)
    assert (amounts(result)["budget_total"], amounts(result)["spend_total"]) == (3.0, 2.86)
    assert result.facts.keyed_rates()["exec_rate"].value == 95.33 and result.findings == []


WEIGHTED_WITH_RULES_AND_GROUPS = """某县教育局2024年度智慧学校建设项目绩效自评报告

三、产出（30分）
（一）智慧课堂建设数量（8分）。目标不少于120间，实际建成126间，得8分。
（二）智慧学校达标校数量（6分）。目标不少于18所，实际达标17所，评价办法规定每少1所扣1分，得5分。
四、效果（20分）
（一）满意度（10分）。教师满意度目标不低于90%，实际96.1%，得5分；学生家长满意度目标不低于90%，实际95.3%，得5分。
"""


def test_indicators_scored_by_their_own_deductions_and_a_group_of_scored_parts(tmp_path):
    """"每少1所扣1分，得5分": its own rule — no completion-based score check; "满意度（10分）。…得5分；…
    得5分": a group whose parts are scored, not an indicator of 10 points scored 5."""
    result = read(tmp_path, WEIGHTED_WITH_RULES_AND_GROUPS)
    assert "满意度" not in [i.name for i in result.facts.indicators]
    assert result.findings == [], [f.message for f in result.findings]


def test_the_whole_budget_after_an_addition_said_of_projects(tmp_path):
    """"年中追加项目资金113.80万元（…），全年预算1,612.40万元" — the 全年预算 is the whole's again (the 项目
    was the addition's), so the rate after it is checked by it; a 专项项目 budget stays the project's."""
    text = ("某中学2024年度部门整体支出绩效自评报告\n\n2024年年初预算1,498.60万元；年中追加项目资金113.80万元（主要为学生资助），"
            "全年预算1,612.40万元，其中项目支出190.20万元。全年支出1,582.36万元，部门预算执行率98.14%。\n")
    result = read(tmp_path, text)
    assert amounts(result)["budget_total"] == 1612.40 and result.findings == []
    assert [f.code for f in read(tmp_path, text.replace("98.14%", "98.41%")).findings] == ["STATED_RATE_MISMATCH"]


def test_the_whole_budget_after_a_list_of_additions_and_its_adjust_rate(tmp_path):
    """"年中追加…补助资金208.00万元、省级旅游发展专项资金109.50万元，全年预算1,803.80万元": the 专项 of the second
    addition scopes no 全年预算 (the whole's again); the 调整率 is (全年 − 年初) ÷ 年初 with the 年初 a sentence before
    (317.50 ÷ 1,486.30 = 21.36%) — or, as another report counts it, every 追加 and 压减 added up (395.40 ÷ 6,482.36)."""
    text = ("某县文化广电新闻出版旅游局2023年度部门整体支出绩效自评报告\n\n2023年年初预算1,486.30万元，其中基本支出962.18万元、"
            "项目支出524.12万元。年中追加中央公共文化服务体系建设补助资金208.00万元、省级旅游发展专项资金109.50万元，"
            "全年预算1,803.80万元，预算调整率21.36%。\n")
    result = read(tmp_path, text)
    assert amounts(result)["budget_total"] == 1803.80 and result.findings == []
    assert [f.code for f in read(tmp_path, text.replace("21.36%", "23.16%")).findings] == ["STATED_RATE_MISMATCH"]
    both_ways = ("某县司法局2023年度部门整体支出绩效自评报告\n\n年初预算6,482.36万元。年中因法律援助案件量增加追加215.00万元，"
                 "压减信息化项目180.40万元，全年预算6,516.96万元，预算调整率6.10%。\n")
    assert read(tmp_path, both_ways).findings == []
    assert [f.code for f in read(tmp_path, both_ways.replace("6.10%", "6.01%")).findings] == ["STATED_RATE_MISMATCH"]


def test_the_full_mark_is_no_total_and_items_with_points_and_score_together(tmp_path):
    """"评价总分100分，分四个等级" is the full mark — the total is "本次评价得分89.94分"; "投入总分为15分，绩效得分
    为13.50分" and "3.2 过程（55分，得49.47分）" are items."""
    text = ("椰湾市档案馆2022年部门整体支出绩效自评报告\n\n部门整体支出绩效评价总分100分，分四个等级。\n本次评价得分89.94分，绩效级别评定为良。\n"
            "1）投入总分为15分，绩效得分为13.50分；\n3.2 过程（55分，得49.47分）。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 89.94 and result.facts.grade[0] == "良"
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items] == [("投入", 15, 13.5), ("过程", 55, 49.47)]
    assert result.findings == []


def test_a_section_of_scored_parts_and_its_own_sum(tmp_path):
    """"（三）产出（35分）：…得10分；…得9.54分；…得5分；…得10分。本部分合计得34.54分。": the section is an
    item of 35 points scored 34.54 (its parts' scores are no score of its own)."""
    text = ("某中学2024年度部门整体支出绩效自评报告\n\n（三）产出（35分）：在校生巩固率99.6%，得10分；高考本科上线248人，目标260人，"
            "得9.54分；教师培训1,356人次，得5分；全年未发生校园安全责任事故，得10分。本部分合计得34.54分。\n")
    items = [(i.name, i.weight.value, i.score.value) for i in read(tmp_path, text).facts.items]
    assert ("产出", 35, 34.54) in items


def test_what_was_left_undone_is_no_achievement(tmp_path):
    """"完成改造6,218户，目标值6,500户，完成率95.66%，未完成的282户…": 282户 is what is left, not the actual."""
    text = ("某县水利局2024年度农村供水保障项目绩效自评报告\n\n完成“一户一表”改造6,218户，目标值6,500户，完成率95.66%，"
            "未完成的282户因所在自然村整体搬迁暂缓实施。\n")
    assert error_codes(read(tmp_path, text)) == []


def test_a_figures_name_after_a_colon(tmp_path):
    """"1.预算执行率：全年预算2,614.01万元，实际支出2,538.77万元，执行率97.12%": the budget is named after the
    colon (the heading before it names the rate); "执行率：97.12%" is still a rate."""
    text = "某县民政局2024年度部门整体支出绩效自评报告\n\n1.预算执行率：全年预算2,614.01万元，实际支出2,538.77万元，执行率97.12%。\n"
    result = read(tmp_path, text)
    assert amounts(result)["budget_total"] == 2614.01 and result.findings == []
    assert [f.code for f in read(tmp_path, text.replace("97.12%", "97.21%")).findings] == ["STATED_RATE_MISMATCH"]


def test_a_list_whose_parts_each_have_their_rate(tmp_path):
    """"其中：基本支出1,126.44万元，执行率99.28%；项目支出1,562.93万元，执行率95.30%": the last rate is the
    项目支出's, as the one before is the 基本支出's — not the whole's."""
    text = ("某县卫生健康委2024年度部门整体支出绩效自评报告\n\n全年实际支出2,689.37万元，部门整体预算执行率96.93%。其中：基本支出1,126.44万元，"
            "执行率99.28%；项目支出1,562.93万元，执行率95.30%，占全部支出的58.12%。\n")
    rates = {k: n.value for k, n in read(tmp_path, text).facts.keyed_rates().items()}
    assert (rates["exec_rate"], rates["basic_exec_rate"], rates["project_exec_rate"]) == (96.93, 99.28, 95.30)


@pytest.mark.parametrize("head, name", [
    ("首页 > 政务公开 > 财政信息\n湾州市霞湖区南桥街道办事处2024年度部门整体支出绩效自评报告\n", "湾州市霞湖区南桥街道办事处"),
    ("项目支出绩效自评表\n实施单位 231001-泾川县桃林镇人民政府\n", "泾川县桃林镇人民政府"),
])
def test_no_breadcrumb_or_code_in_the_departments_name(tmp_path, head, name):
    """A page's breadcrumb (首页 > …), a table of contents or a clause is no department's name; a code
    before the name (231001-…) is no part of it."""
    assert read(tmp_path, head + "一、预算执行\n全年预算100.00万元，全年执行98.00万元，预算执行率98.00%。\n").facts.dept_name == name


@pytest.mark.parametrize("head, name", [
    # the title's organisation before the form's 实施单位 (one of its units)
    ("白岭县交通运输局2024年度农村客运补助项目绩效自评结果公开\n项目支出绩效自评表\n主管部门\t白岭县交通运输局\t实施单位\t白岭县客运服务中心\n",
     "白岭县交通运输局"),
    ("青崖县教育局学生资助资金绩效自评表\n主管部门 | 青崖县教育局 | 实施单位 | 青崖县学生资助管理中心 |\n", "青崖县教育局"),
    # a title naming a project: the byline under it, the form's 项目单位 or 实施单位, the signature
    ("沙溪县2024年度高标准农田建设项目绩效自评报告\n沙溪县农业农村局  沙溪县财政局\n（2025年4月）\n", "沙溪县农业农村局"),
    ("城乡医疗救助资金自评报告\n项目单位        沙溪县医疗保障事务中心主管部门         沙溪县医疗保障局\n", "沙溪县医疗保障事务中心"),
    ("种苗推广项目绩效自评表 项目实施单位/项目负责人 西岭区农技推广中心/马某 主管部门 农业农村厅\n", "西岭区农技推广中心"),
    # a portal's name above the title is no byline; the page's 来源 is
    ("沙溪县人民政府\n2024年度基本公共卫生服务补助资金项目绩效自评报告\n发布时间：2025-04-26　来源：沙溪县卫生健康委员会\n",
     "沙溪县卫生健康委员会"),
    # an organisation in a project's name ("…第二人民医院迁建工程") is not the title's department
    ("沙溪区第二人民医院迁建工程2024年度专项债券项目资金绩效自评报告\n发布时间：2025-06-21　信息来源：沙溪区卫生健康局\n",
     "沙溪区卫生健康局"),
])
def test_the_department_reporting_before_its_unit(tmp_path, head, name):
    """The department is the one the title names, before a form's 实施单位; a title naming only a project
    leaves it to the line under the title, the form's unit, the signature or the page's 来源."""
    assert read(tmp_path, head + "一、预算执行\n全年预算100.00万元，全年执行98.00万元，预算执行率98.00%。\n").facts.dept_name == name


def test_a_figure_in_a_subsection_of_the_whole(tmp_path):
    """"三、部门整体支出绩效自评结果" over "（二）预算执行情况": the spending said there is the 部门整体's,
    before a project's said earlier in the 决算; a project's section under it is the project's."""
    text = ("某县市场监管局2024年度部门决算\n第四部分 预算绩效情况说明\n二、项目绩效自评结果\n"
            "抽检经费项目全年预算186.00万元，实际支出182.36万元，项目自评得分96.20分。\n"
            "三、部门整体支出绩效自评结果\n（一）预算安排\n年初预算1,526.80万元，调整后全年预算1,794.65万元。\n"
            "（二）预算执行情况\n全年实际支出1,752.18万元，预算执行率97.63%。\n"
            "（三）重点项目情况\n检验设备项目全年预算90.00万元，实际支出88.00万元。\n")
    facts = read(tmp_path, text).facts
    assert {k: facts.amount(n) for k, n in facts.keyed_amounts().items() if k in ("budget_total", "spend_total")} == {
        "budget_total": 1794.65, "spend_total": 1752.18}


def test_the_signature_dated_by_month(tmp_path):
    """A report signed with a month only ("2025年5月") is signed."""
    text = ("某省专项债券项目绩效自评价报告（沙溪区实验学校新建工程）\n一、预算执行\n全年预算100.00万元，全年执行98.00万元，"
            "预算执行率98.00%。\n\n沙溪区教育局\n2025年5月\n")
    assert read(tmp_path, text).facts.dept_name == "沙溪区教育局"


@pytest.mark.parametrize("said, budget", [
    ("2023年省财政下达我区中央专项彩票公益金支持地方社会公益事业项目资金485万元，实际支出470.00万元。", 485),
    ("2023年预算安排3,186.42万元，财政下达预算指标2,964.18万元，决算支出2,817.50万元。", 2964.18),
    ("2023年我县共获得财政衔接推进乡村振兴补助资金2,020.00万元，实际支出1,990.00万元。", 2020),
    ("2022年度项目结转资金1,026.48万元一并纳入本次自评，年度可用资金合计9,216.48万元。", 9216.48),
])
def test_a_budget_said_as_funds_given_down_or_available(tmp_path, said, budget):
    """下达…资金, 下达预算指标, 获得…资金, 可用资金合计: the year's budget."""
    assert amounts(read(tmp_path, "某县2023年度项目支出绩效自评报告\n\n" + said + "\n"))["budget_total"] == budget


def test_funds_received_are_no_spending_and_the_accounts_total_comes_last(tmp_path):
    """"项目实际到位金额 | 936.40万元" is what came in (a budget), "项目实际支出金额 | 889.05万元" the spending;
    "收支总决算10,184.66万元" is the accounts' figure, after "本年支出合计9,877.52万元"."""
    text = ("某市残联2024年度项目支出绩效自评报告\n\n| 项目实际到位金额 | 936.40万元 |\n| 项目实际支出金额 | 889.05万元 |\n")
    assert amounts(read(tmp_path, text))["spend_total"] == 889.05
    accounts = ("某市残联2024年度部门整体支出绩效自评报告\n\n2024年度收支总决算10,184.66万元。\n本年支出合计9,877.52万元，预算执行率为96.98%。\n")
    assert amounts(read(tmp_path, accounts))["spend_total"] == 9877.52


def test_a_list_then_the_rate_and_its_points(tmp_path):
    """"…其中基本支出1,713.62万元、项目支出935.69万元，预算执行率98.02%，预算执行指标（分值10分）得9.80分": the
    points after the list are no item said by its count; the rate after the list is the whole's."""
    text = ("某区住建局2024年度部门整体支出绩效自评报告\n\n全年实际支出2,649.31万元，其中基本支出1,713.62万元、项目支出935.69万元，"
            "预算执行率98.02%，预算执行指标（分值10分）得9.80分。\n")
    result = read(tmp_path, text)
    assert [(s.whole.value, len(s.parts)) for s in result.facts.sums] == [(2649.31, 2)]
    assert result.facts.keyed_rates()["exec_rate"].value == 98.02


@pytest.mark.parametrize("said, grade", [
    ("单位整体绩效自评得分95.84分，整体绩效自评为优秀。", "优"),
    ("四、评分说明。综合得分90分以上为优、80—90分为良、60—80分为中、60分以下为差，本项目自评等级为良。\n| 总分 | 100 | 88.45 |", "良"),
])
def test_a_grade_said_after_the_scale_or_as_self_evaluated(tmp_path, said, grade):
    """"整体绩效自评为优秀"; "…60分以下为差，本项目自评等级为良" — the report's own grade even in a 评分说明
    paragraph, the scale's bounds no total it is said of."""
    assert read(tmp_path, "某县某局2024年度项目支出绩效自评报告\n\n" + said + "\n").facts.grade[0] == grade


@pytest.mark.parametrize("said, found", [("95.50", []), ("96.50", ["COMPLETION_MISMATCH"])])
def test_a_completion_then_what_was_achieved_over_the_target_in_brackets(tmp_path, said, found):
    text = ("某县卫生健康委员会2023年度部门整体支出绩效自评报告\n三、产出\n"
            f"全年包虫病筛查完成率{said}%（筛查11,460人/目标12,000人），部分牧民冬季转场至邻县草场；\n")
    assert [f.code for f in read(tmp_path, text).findings] == found


@pytest.mark.parametrize("said, found", [("331.87", []), ("332.87", ["SUM_MISMATCH"])])
def test_parts_then_a_count_of_them_and_their_whole(tmp_path, said, found):
    text = ("某县2023年度革命旧址修缮项目绩效自评报告\n二、资金使用\n按支出内容分：红军医院旧址156.82万元、区苏维埃政府旧址"
            f"132.45万元、红军标语墙42.60万元，三处修缮工程合计支出{said}万元；勘察设计及工程监理248,600元。\n")
    assert [f.code for f in read(tmp_path, text).findings] == found


def test_a_scope_named_before_a_bracket_of_points_holds_after_it(tmp_path):
    text = ("全年预算4,127.80万元，全年支出3,902.16万元，预算执行率94.53%。\n"
            "“三公”经费控制率（3分），年初预算12.60万元，实际支出10.89万元，控制率86.43%，得3分。\n")
    said = amounts(checked(tmp_path, text))
    assert (said["budget_total"], said["spend_total"]) == (4127.8, 3902.16) and "budget_initial" not in said
    assert said["sangong_spend"] == 10.89      # (the 三公 one, as such)


@pytest.mark.parametrize("named", ["本项目自评综合得分：资金执行率", "自评得分为决策"])
def test_the_totals_words_before_a_list_of_parts_scores_name_their_sum(tmp_path, named):
    """"综合得分：资金执行率9.43分、产出指标47分…合计96.22分，等级为“优”": the first part's score follows the
    total's words but a list goes on after it — the total is the sum the sentence closes with, graded alone."""
    text = (f"某县水利局2023年度农村供水工程维修养护项目绩效自评报告\n一、自评结论\n{named}9.43分、产出指标47分、"
            "效益指标29.79分、满意度指标10分，合计96.22分，等级为“优”（90分以上为优）。\n")
    result = read(tmp_path, text)
    assert result.facts.total.value == 96.22
    assert result.findings == [], [f.message for f in result.findings]
    wrong = read(tmp_path, text.replace("等级为“优”", "等级为“良”"))
    # (the sum is named 合计 alone: graded as a total may be, a warning that says why)
    assert [(f.severity, f.code) for f in wrong.findings] == [("warning", "GRADE_MISMATCH")]
    assert "96.22" in wrong.findings[0].message and "未写明此分数是总分" in wrong.findings[0].message


BRACKET_LED = ("二、绩效评价指标分析\n（一）决策（15分，得13.50分）\n"
               "绩效目标合理性（5分），部门整体目标与年度工作要点相符，但部分产出指标未细化量化，扣0.5分，得4.5分。"
               "预算编制科学性（5分），追加资金占全年预算的39.76%，扣1分，得4分。资金分配合理性（5分），资金向民生倾斜，得5分。\n"
               "（二）管理（20分，得18.70分）\n预算执行率（6分），全年预算执行率94.53%，按“执行率×分值”计算得5.67分。"
               "资产管理（3分）：采购执行率93.04%，得2.79分；报废车辆未及时处置，扣0.5分，得2.5分。\n")


def test_a_sentence_led_by_a_name_and_its_points_scored_at_its_end(tmp_path):
    """"绩效目标合理性（5分），…，扣0.5分，得4.5分。": an item of those points and that score, also after a heading
    its line runs on from; a sentence scoring two things (得2.79分；…得2.5分) gives no item of its points."""
    items = {i.name: (i.weight.value, i.score.value) for i in read(tmp_path, BRACKET_LED).facts.items}
    assert items["绩效目标合理性"] == (5, 4.5) and items["预算编制科学性"] == (5, 4) and items["资金分配合理性"] == (5, 5)
    assert items["预算执行率"] == (6, 5.67)
    assert "资产管理" not in items


def test_a_fiscal_grants_own_rate_said_with_its_own_budget_and_spending(tmp_path):
    # 1,056.33 ÷ 1,108.20 = 95.32%: the 财政拨款's own figures, neither the whole's budget nor its spending
    said = "本年度财政拨款预算1,108.20万元，财政拨款支出1,056.33万元，财政拨款执行率{}。"
    off = checked(tmp_path, said.format("94.32%")).findings
    assert [(f.code, f.severity) for f in off] == [("STATED_RATE_MISMATCH", "warning")]
    assert "财政拨款执行率" in off[0].message and "1,056.33÷1,108.20" in off[0].message
    assert checked(tmp_path, said.format("95.32%")).findings == []


def test_a_spending_list_naming_its_measure_in_one_part_only_is_one_list(tmp_path):
    # 409.18 + 151.36 + 5.80 = 566.34: "财政拨款支出" names the measure, the other parts do not
    text = ("2023年全年支出566.34万元，预算执行率96.49%。其中：财政拨款支出409.18万元，执行率99.14%；"
            "上级补助资金支出151.36万元，执行率90.10%；其他资金支出5.80万元。")
    assert checked(tmp_path, text).findings == []
    slipped = checked(tmp_path, text.replace("151.36", "115.36")).findings
    assert [(f.code, f.severity) for f in slipped] == [("SUM_MISMATCH", "warning")]    # (a 其中 list short of its whole)


def test_the_four_quarters_said_respectively_are_the_years_parts(tmp_path):
    said = "全年支出{}万元，分季度看，第一至第四季度分别支出1,386.52万元、2,514.36万元、3,028.47万元和4,096.85万元。"
    assert checked(tmp_path, said.format("11,026.20")).findings == []
    off = checked(tmp_path, said.format("11,067.64")).findings      # 1,386.52 + … + 4,096.85 = 11,026.20
    assert [f.code for f in off] == ["SUM_MISMATCH"] and "11,026.20" in off[0].message
    # each quarter's cumulative spending is no part of the year's
    cumulative = "全年支出11,067.64万元，一至四季度分别累计支出1,386.52万元、3,900.88万元、6,929.35万元和11,067.64万元。"
    assert checked(tmp_path, cumulative).findings == []


def test_averages_listed_after_an_average_are_no_parts(tmp_path):
    said = "户均补助1,210.39元，其中“气代煤”户均1,050.77元、“电代煤”户均1,689.11元，均未超过封顶标准。"
    assert checked(tmp_path, said).findings == []
    said = "项目总投资2,396.16万元，其中专项债券资金1,850.00万元由城投公司承接，户均改造投资约1.92万元。"
    assert checked(tmp_path, said).findings == []


def test_an_age_in_a_populations_name_is_no_figure_of_its_clause(tmp_path):
    # "65岁及以上老年人健康管理率达到62%以上": one figure in the goal's clause, the 62%; the results then pair
    text = ("一、绩效目标\n    2023年绩效目标为：重点人群签约率达到75%以上；65岁及以上老年人健康管理率达到62%以上。\n"
            "二、完成情况\n    1.重点人群签约率77.02%。\n"
            "    2.全县65岁及以上老年人16,749人，全年完成健康管理10,284人，健康管理率61.40%，完成年度目标的{}。\n")
    result = checked(tmp_path, text.format("99.03%"))
    assert indicator_values(result)["健康管理率"] == (62, 61.4, None, None)
    assert result.findings == []
    assert [f.code for f in checked(tmp_path, text.format("99.30%")).findings] == ["COMPLETION_MISMATCH"]   # 61.40 ÷ 62


def test_a_rate_of_what_was_due_and_what_was_paid(tmp_path):
    # 应补金额 is what was due (the base), 实际兑付 what was paid: 781,600 ÷ 813,600 = 96.07%
    table = ("分苏木镇兑付情况表（金额单位：元）\n| 苏木镇 | 核定种公羊（只） | 应补金额 | 实际兑付 | 兑付率 |\n"
             "| 乌兰苏木 | 1,616 | 1,292,800 | 1,263,200 | 97.71% |\n| 宝力格苏木 | 1,017 | 813,600 | 781,600 | {} |\n")
    assert checked(tmp_path, table.format("96.07%")).findings == []
    off = checked(tmp_path, table.format("96.70%")).findings
    assert [(f.code, f.severity) for f in off] == [("STATED_RATE_MISMATCH", "warning")] and "96.07%" in off[0].message
    said = "应补金额813,600元，实际兑付781,600元，兑付率96.70%。"
    assert [f.code for f in checked(tmp_path, said).findings] == ["STATED_RATE_MISMATCH"]


PROJECT_SECTIONS = """二、项目绩效自评结果
2023年度项目预算及自评得分情况如下（单位：万元）：
| 项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 自评得分 |
| 就业创业补贴 | 3,680.00 | 4,126.50 | 3,982.14 | 96.35 |
| 职业技能提升培训补贴 | 1,250.00 | 1,050.00 | 986.25 | 88.62 |
（一）就业创业补贴项目
项目预算执行率96.50%。全年发放社会保险补贴2.36万人次。
（二）职业技能提升培训补贴项目
项目预算执行率{}。全年完成补贴性职业技能培训6,120人次。
"""


def test_a_projects_rate_in_the_section_its_heading_names(tmp_path):
    assert checked(tmp_path, PROJECT_SECTIONS.format("93.93%")).findings == []
    off = checked(tmp_path, PROJECT_SECTIONS.format("78.90%")).findings     # 986.25 ÷ 1,050.00 (986.25 ÷ 1,250 is 78.90%)
    assert [(f.code, f.severity) for f in off] == [("STATED_RATE_MISMATCH", "warning")] and "93.93%" in off[0].message


ITEM_DEDUCTED = """（三）资产管理
1台报废公务用车未及时办理资产核销，按“发现一处问题扣1分”的标准，资产管理安全性扣1分。
附表 评分表
| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 | 扣分原因 |
| 过程 | 资产管理 | 资产管理安全性 | 4 | 发现一处问题扣1分 | {score} | 1台报废车辆未核销 |
| | 财务管理 | 资金使用合规性 | 6 | 发现一处问题扣1分 | 6 | |
"""


def test_an_items_deduction_said_in_words_against_its_score(tmp_path):
    assert checked(tmp_path, ITEM_DEDUCTED.format(score="3")).findings == []
    off = checked(tmp_path, ITEM_DEDUCTED.format(score="3.5")).findings      # 4 − 1 = 3
    assert [(f.code, f.severity) for f in off] == [("SCORE_MISMATCH", "warning")] and "应得 3 分" in off[0].message


def test_the_wholes_rate_said_after_a_sources_own_figures(tmp_path):
    # 1,669.63 ÷ 1,728.60 = 96.59%: the whole's; the sentence before is the 配套资金's own (251.28 ÷ 276.00)
    text = ("全年预算1,728.60万元，全年支出1,669.63万元。镇（街道）配套资金全年预算276.00万元，执行251.28万元，执行率91.04%。"
            "项目整体执行率96.59%，年末未支出58.97万元。")
    assert checked(tmp_path, text).findings == []


def test_a_list_opened_by_including_after_its_whole(tmp_path):
    said = "本年支出{}万元，包括基本支出856.20万元和项目支出332.15万元。"
    assert checked(tmp_path, said.format("1,188.35")).findings == []
    off = checked(tmp_path, said.format("1,198.35")).findings      # 856.20 + 332.15 = 1,188.35: every part named
    assert [(f.code, f.severity) for f in off] == [("SUM_MISMATCH", "error")]
    # "主要包括": some of the parts, said so
    assert checked(tmp_path, "本年支出1,198.35万元，主要包括基本支出856.20万元和项目支出332.15万元。").findings == []


@pytest.mark.parametrize("said, off", [
    ("项目计划到位资金500万元，实际到位480万元，资金到位率{}。", ("96%", "96.5%")),
    ("配套资金应到位276.00万元，截至12月31日实际到位258.60万元，到位率{}，其中3个镇未足额拨付。", ("93.70%", "93.07%")),
    ("项目年初计划投资620万元，年中调减预算164.40万元，实际到位资金455.60万元，到位率{}。", ("73.48%", "73.84%")),
    ("旗级配套资金计划80.00万元，实际到位720,000.00元，到位率{}。", ("90.00%", "99.00%")),
])
def test_an_arrival_rate_said_with_what_was_due_and_what_arrived(tmp_path, said, off):
    assert checked(tmp_path, said.format(off[0])).findings == []
    assert [(f.code, f.severity) for f in checked(tmp_path, said.format(off[1])).findings] == [("STATED_RATE_MISMATCH", "warning")]


def test_a_carry_over_rate_said_with_its_budget_and_no_definition(tmp_path):
    said = "全年预算数1,256.80万元，全年支出1,198.35万元，年末结转结余资金58.45万元，结转结余率为{}。"
    assert checked(tmp_path, said.format("4.65%")).findings == []         # 58.45 ÷ 1,256.80
    assert checked(tmp_path, said.format("4.88%")).findings == []         # ÷ the spending: another base, not said wrong
    assert checked(tmp_path, said.format("5.12%")).findings == []         # no slip's shape: a base not known
    off = checked(tmp_path, said.format("4.56%")).findings                # two digits swapped
    assert [(f.code, f.severity) for f in off] == [("STATED_RATE_MISMATCH", "warning")] and "4.65%" in off[0].message


@pytest.mark.parametrize("said, name, target, actual", [
    ("培训农民人数指标，计划500人，实际460人，完成率92.00%，按比例得9.2分。", "培训农民人数", 500, 460),
    ("新建蔬菜大棚：年初目标120座，全年建成108座，完成90%，扣1分，得9分。", "新建蔬菜大棚", 120, 108),
    ("全县森林覆盖率目标32.5%，年末达到32.8%，较上年提高0.3个百分点。", "全县森林覆盖率", 32.5, 32.8),
])
def test_a_plan_or_target_then_what_the_year_achieved(tmp_path, said, name, target, actual):
    assert indicator_values(checked(tmp_path, said))[name][:2] == (target, actual)


ROW_TOTALS = """表2 分乡镇资金分配表（单位：万元）
| 乡镇 | 中央资金 | 省级资金 | 县级资金 | 小计 |
| 城关镇 | 120.00 | 40.00 | 30.00 | 190.00 |
| 河口镇 | 100.00 | 30.00 | 20.00 | {row} |
| 青山乡 | 80.00 | 20.00 | 10.00 | 110.00 |
| 合计 | 300.00 | 90.00 | 60.00 | {total} |
"""


def test_a_rows_own_total_cell_off_its_figures(tmp_path):
    assert checked(tmp_path, ROW_TOTALS.format(row="150.00", total="450.00")).findings == []
    # 100 + 30 + 20 = 150, said 160; the 小计 column's 合计 450 adds up once the row is righted: that cell is the slip
    off = checked(tmp_path, ROW_TOTALS.format(row="160.00", total="450.00")).findings
    assert [(f.code, f.severity, f.where) for f in off] == [("SUM_MISMATCH", "error", "第4行")]
    # … the 合计 row adding up the row as said (460): the table does not say twice which cell is wrong — nothing said
    assert checked(tmp_path, ROW_TOTALS.format(row="160.00", total="460.00")).findings == []


def test_the_budget_after_funds_the_year_added_from_a_special_transfer_is_the_whole_years(tmp_path):
    """"年中上级专项转移支付…、本级追加…（…），全年预算…": the 专项 names the transfer, an adjustment; the 全年预算 after it
    is the department's, not a project's."""
    text = ("某县林业局2023年度部门整体支出绩效自评报告\n"
            "2023年年初预算1,500.00万元。年中上级专项转移支付320.00万元、县本级追加80.00万元（主要用于防火物资储备），"
            "全年预算1,900.00万元。全年支出1,824.00万元，预算执行率{rate}。\n")
    keyed = {k: n.value for k, n in checked(tmp_path, text.format(rate="96.00%")).facts.keyed_amounts().items()}
    assert keyed["budget_total"] == 1900 and "project_budget" not in keyed
    assert error_codes(checked(tmp_path, text.format(rate="96.00%"))) == []
    slipped = checked(tmp_path, text.format(rate="69.00%")).findings    # 1,824.00 ÷ 1,900.00 = 96.00%
    assert [f.code for f in slipped] == ["STATED_RATE_MISMATCH"]


def test_a_rate_before_its_definition_in_brackets_that_has_a_clause_of_its_own_is_the_reports(tmp_path):
    """"结转结余率3.16%（结转结余率=结转结余资金÷全年预算数×100%，上年结转不计入）": the definition is a rule, the
    figure before it the report's own."""
    text = ("某县林业局2023年度部门整体支出绩效自评报告\n全年预算1,900.00万元，全年支出1,840.00万元。"
            "年末结转结余60.00万元，结转结余率{rate}（结转结余率=结转结余资金÷全年预算数×100%，上年结转资金不计入），"
            "控制在5%以内。\n")
    assert [n.value for n in checked(tmp_path, text.format(rate="3.16%")).facts.numbers if n.unit == "%"] == [3.16, 5.0]
    slipped = checked(tmp_path, text.format(rate="3.61%")).findings    # 60.00 ÷ 1,900.00 = 3.16%
    assert [f.code for f in slipped] == ["STATED_RATE_MISMATCH"]


def test_an_item_on_a_line_of_its_own_its_points_in_brackets_and_its_score_last(tmp_path):
    """"（1）立项规范性（3分）：…。自评得3分。": the line's name, its points and its score; the group's line after them
    adds them up."""
    text = ("某县2023年度体育专项资金绩效自评报告\n一、投入（10分）\n"
            "（1）立项规范性（4分）：项目按程序申报，经集体研究。自评得4分。\n"
            "（2）资金到位率（6分）：省级资金52.00万元全部到位，到位率100%。自评得{score}分。\n"
            "投入部分自评得{group}分。\n")
    items = {i.name: (i.weight.value, i.score.value) for i in checked(tmp_path, text.format(score="6", group="10")).facts.items}
    assert items["立项规范性"] == (4, 4) and items["资金到位率"] == (6, 6)
    over = checked(tmp_path, text.format(score="6.5", group="10.5")).findings     # a score above its points
    assert "SCORE_MISMATCH" in [f.code for f in over]


def test_points_taken_off_then_the_score_are_no_item_of_those_points(tmp_path):
    """"…评定为良，得8分；项目可持续影响扣1分，得4分": 1 is what was taken off, not the item's points (4 > 1 is no slip)."""
    text = "某县2023年度项目绩效自评报告\n效益方面，生态效益评定为良，得8分；项目可持续影响扣1分，得4分；满意度93.5%，得10分。\n"
    result = checked(tmp_path, text)
    assert not [i for i in result.facts.items if i.weight is not None and i.weight.value == 1]
    assert error_codes(result) == []


def test_a_qualitative_indicators_tier_is_no_grade_of_the_report(tmp_path):
    """"可持续影响指标自评为“良好”" before "项目自评得分96.50分，等级为“优”": the indicator's tier, not the report's grade."""
    text = ("某县2023年度糖料蔗机收补助项目绩效自评报告\n项目对机械化示范作用明显，可持续影响指标自评为“良好”。\n"
            "经评价，本项目自评等级为“{grade}”。\n附：评分表\n| 一级指标 | 分值 | 得分 |\n| 产出指标 | 60 | 58.5 |\n"
            "| 效益指标 | 40 | 38 |\n| 总分 | 100 | 96.5 |\n")
    result = checked(tmp_path, text.format(grade="优"))
    assert result.facts.grade[0] == "优" and result.findings == []
    assert [f.code for f in checked(tmp_path, text.format(grade="中")).findings] == ["GRADE_MISMATCH"]


def test_a_special_funds_report_is_of_its_project_and_its_funds_executed_are_its_spending(tmp_path):
    """"…专项资金绩效自评报告": a 项目支出 report; "专项资金执行884.80万元" is its spending."""
    text = ("某市2023年度市级体彩公益金全民健身专项资金绩效自评报告\n一、资金执行情况\n"
            "截至2023年12月31日，专项资金执行884.80万元，预算执行率92.17%。\n")
    result = checked(tmp_path, text)
    assert result.kind == "项目支出"
    assert result.facts.keyed_amounts()["spend_total"].value == 884.8


def test_an_indicator_said_in_prose_scored_above_its_points_is_an_error(tmp_path):
    """"…完成率100%，分值8分，得分8.5分": above its points by any rule — an error though the report states no
    proportional rule (a score under them would be a warning there)."""
    text = "某县2023年度部门整体支出绩效自评报告\n\n一、指标\n农村危房改造目标120户，实际完成120户，完成率100%，分值8分，得分{score}分。\n"
    above = checked(tmp_path, text.format(score="8.5")).findings
    assert [(f.code, f.severity) for f in above] == [("SCORE_MISMATCH", "error")] and "超过分值" in above[0].message
    assert checked(tmp_path, text.format(score="8")).findings == []


def test_the_goal_said_first_then_what_was_achieved_its_completion_and_its_score(tmp_path):
    """"年度目标为新增就业岗位200个，实际新增186个，完成率…，得分9.3分（分值10分）": the indicator is the goal's, its
    completion said with it checked."""
    text = ("某县2023年度部门整体支出绩效自评报告\n\n一、指标\n年度目标为新增就业岗位200个，实际新增186个，完成率{rate}，"
            "得分9.3分（分值10分）。\n")
    values = indicator_values(checked(tmp_path, text.format(rate="93%")))
    assert values["新增就业岗位"] == (200, 186, 10, 9.3)
    assert checked(tmp_path, text.format(rate="93%")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(rate="93.5%")).findings] == ["COMPLETION_MISMATCH"]


# indicators said one a line under their 二级 headings, each its name then "：年初目标值…" or "指标1：NAME。目标值…"
NUMBERED_UNDER_HEADINGS = """某县2023年度项目支出绩效自评报告
（二）产出指标（分值20分，自评得19.55分）
    1.数量指标
    ①统防统治服务面积：年初目标值不少于12万亩，全年累计完成12.6万亩，完成率105%，该指标分值8分，自评得8分。
    ②发放应急防控药剂：年初目标值不少于36吨，实际发放33.3吨，完成率92.50%，该指标分值6分，自评得5.55分。
    2.成本指标
    指标1：每亩作业补助。目标值控制在15元以内，实际每亩14.50元，未超过目标值，分值6分，得6分。
"""


def test_indicators_named_before_their_years_target_or_numbered_under_a_heading(tmp_path):
    result = checked(tmp_path, NUMBERED_UNDER_HEADINGS)
    assert indicator_values(result) == {"统防统治服务面积": (12, 12.6, 8, 8), "发放应急防控药剂": (36, 33.3, 6, 5.55),
                                        "每亩作业补助": (15, 14.5, 6, 6)}
    assert "budget_initial" not in amounts(result)      # (年初目标值 is a target, no budget)


# a form of 得分 only (no 分值 column), the prose before it giving each indicator's points
POINTS_IN_PROSE = """某县2023年度项目支出绩效自评报告
    ①统防统治服务面积：年初目标值不少于12万亩，全年累计完成12.6万亩，完成率105%，该指标分值8分，自评得8分。
    ②发放应急防控药剂：年初目标值不少于36吨，实际发放33.3吨，完成率92.50%，该指标分值6分，自评得5.55分。
| 一级指标 | 二级指标 | 三级指标 | 年初目标值（A） | 实际完成值（B） | 得分 |
| 产出指标 | 数量指标 | 统防统治服务面积 | ≥12万亩 | 12.6万亩 | 8 |
| | | 发放应急防控药剂 | ≥36吨 | 33.3吨 | {score} |
"""


def test_a_form_of_scores_only_takes_each_rows_points_from_the_sentence_restating_it(tmp_path):
    result = checked(tmp_path, POINTS_IN_PROSE.format(score="5.55"))
    assert indicator_values(result) == {"统防统治服务面积": (12, 12.6, 8, 8), "发放应急防控药剂": (36, 33.3, 6, 5.55)}
    assert indicator_values(checked(tmp_path, POINTS_IN_PROSE.format(score="5.5")))["发放应急防控药剂"][2] is None


def test_an_items_score_named_by_its_rate_is_no_total(tmp_path):
    """"该项目资金支付率得分9.78分" is the 支付率 item's; the 综合得分 after it the total."""
    text = ("某县2023年度项目支出绩效自评报告\n经自评，该项目资金支付率得分9.78分，产出指标得分48分，效益指标得分30分，"
            "满意度指标得分10分，综合得分97.78分，自评等级为“优”。\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == 97.78 and result.findings == []


def test_a_rates_formula_before_its_value_names_no_indicator(tmp_path):
    text = ("某局2023年度部门整体支出绩效自评报告\n预算调整率按（全年预算数－年初预算数）÷年初预算数计算为6.96%，控制在10%以内；"
            "结转结余率2.95%，低于5%。\n")
    result = checked(tmp_path, text)
    assert not any("÷" in i.name or "计算" in i.name for i in result.facts.indicators)
    assert result.facts.keyed_rates()["adjust_rate"].value == 6.96
