"""The document model: sections by their heading marks (一、 （一） 1. （1） ①) and what each is
about by its title's words (data: templates/_report_sections.toml), tables as runs of rows,
rules and instructions that state no figure of the report, clauses; and the indicators it lets
the readers pair across sections (a goal among the goals, its result among the results)."""
from __future__ import annotations

from engine.report.check import check
from engine.report.claims import read_facts
from engine.report.document import Document, kind_of_title
from engine.report.text import CELL, read_report
from reading import checked, indicator_values

REPORT = """某县文化馆2024年度部门整体支出绩效自评报告
一、基本情况
（一）部门职能。负责全县群众文化活动组织。
（二）年度绩效目标。全年计划举办公益展演≥40场、培训班≥12期，群众文化活动参与人次≥3万人次，线上服务点击量≥5万次。
二、预算执行情况
2024年年初预算300.00万元，全年预算320.00万元，全年执行310.40万元，执行率97%。
三、绩效目标完成情况
（一）产出情况。全年举办公益展演46场；举办培训班12期；群众文化活动参与人次3.4万人次。
（二）效益情况。线上服务点击量6.1万次，新增文艺团队5支。
四、自评结论
经自评，综合得分95分，评价等级为优。
评分标准：得分90分以上为优，80分至90分为良；执行率低于90%的，该项不得分。
| 指标 | 分值 | 得分 |
| 预算执行 | 10 | 9.7 |
"""


def facts(tmp_path, text: str = REPORT):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return read_facts(read_report(path))


def test_sections_their_levels_and_what_each_is_about(tmp_path):
    document = facts(tmp_path).document
    shown = [(s.level, s.title, s.kind, s.parent.title if s.parent else None) for s in document.sections]
    assert shown == [(1, "基本情况", None, None), (2, "部门职能", None, "基本情况"),
                     (2, "年度绩效目标", "goals", "基本情况"), (1, "预算执行情况", "funds", None),
                     (1, "绩效目标完成情况", "results", None), (2, "产出情况", "results", "绩效目标完成情况"),
                     (2, "效益情况", "results", "绩效目标完成情况"), (1, "自评结论", "scoring", None)]
    text = document.text
    assert document.kinds_at(text.index("公益展演≥40")) == ["goals"]
    assert document.kinds_at(text.index("公益展演46")) == ["results", "results"]
    assert document.kinds_at(0) == []          # the title stands before every heading


def test_tables_rules_and_clauses(tmp_path):
    document = facts(tmp_path).document
    assert [[row.cells for row in t.rows] for t in document.tables] == [[["指标", "分值", "得分"], ["预算执行", "10", "9.7"]]]
    text = document.text
    assert document.is_rule(text.index("90分以上")) and not document.is_rule(text.index("综合得分95分"))
    start, end = document.clause_at(text.index("培训班12期"))
    assert text[start:end] == "举办培训班12期"


def test_a_rule_states_no_figure_and_no_grade(tmp_path):
    read = facts(tmp_path)
    assert all(not read.document.is_rule(n.start) for n in read.numbers)
    assert read.grade[0] == "优" and read.total.value == 95
    only_rule = REPORT.replace("评价等级为优。", "。")
    assert facts(tmp_path, only_rule).grade is None     # "90分以上为优" is the rule's, not the report's


def test_a_new_heading_word_is_a_vocabulary_entry():
    assert kind_of_title("履职成效") is None
    assert kind_of_title("取得的成效") == "results" and kind_of_title("绩效目标完成情况") == "results"
    assert kind_of_title("存在的问题及原因") == "problems"


def test_goals_and_results_paired_across_sections(tmp_path):
    read = facts(tmp_path)
    pairs = [(i.name, i.direction, i.target.value, i.actual.value) for i in read.indicators]
    assert pairs == [("举办公益展演", ">=", 40, 46), ("培训班", ">=", 12, 12), ("群众文化活动参与人次", ">=", 3, 3.4),
                     ("线上服务点击量", ">=", 5, 6.1)]
    assert check(read).findings == []
    amounts = {k: n.value for k, n in read.keyed_amounts().items()}
    assert amounts == {"budget_initial": 300, "budget_total": 320, "spend_total": 310.4}


def test_nothing_paired_where_it_is_not_certain(tmp_path):
    # another unit (万人次 against 人次); two results ending with the same name; a name too short
    text = REPORT.replace("3.4万人次", "34000人次").replace("新增文艺团队5支", "线下服务点击量2.2万次")
    text = text.replace("线上服务点击量≥5万次", "服务点击量≥5万次")
    names = [i.name for i in facts(tmp_path, text).indicators]
    assert names == ["举办公益展演", "培训班"]
    short = "一、年度绩效目标\n完成率≥90%。\n二、绩效目标完成情况\n完成率95%。\n"
    assert facts(tmp_path, short).indicators == []


def test_the_model_is_built_from_every_source(tmp_path):
    """A Word document's table and paragraphs give the same sections and rows as the text."""
    import docx
    document = docx.Document()
    document.add_paragraph("一、绩效目标完成情况")
    document.add_paragraph("全年举办公益展演46场。")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (("指标", "分值", "得分"), ("预算执行", "10", "9.7"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(tmp_path / "report.docx")
    model = Document(read_report(tmp_path / "report.docx").text)
    assert [(s.title, s.kind) for s in model.sections] == [("绩效目标完成情况", "results")]
    assert [row.cells for row in model.tables[0].rows] == [["指标", "分值", "得分"], ["预算执行", "10", "9.7"]]
    assert CELL not in model.text.split("\n")[1]


def test_results_that_end_alike_told_apart_by_their_sentence(tmp_path):
    """Two goals ending with 按期办结率 and two results ending so: each result's sentence names the
    rest of its goal's name; items listed mid-sentence with their points (投入指标（15分）得14分)."""
    text = ("部门（单位）全称：某县人民法院（公章）\n二、部门整体支出绩效目标\n"
            "年度目标为：民事案件按期结案率≥95%，刑事案件按期结案率≥98%，调解率≥40%。\n"
            "四、绩效目标实现情况\n全年受理民事案件800件，按期结案率97%；受理刑事案件120件，按期结案率99%；调解率45%。\n"
            "五、评价结论\n经自评，投入指标（20分）得19分；过程指标（30分）得29分，其中预算执行率（10分）得9.8分；"
            "产出指标（30分）得30分；效益指标（20分）得20分。自评得分98分，评价等级为“优”。\n")
    read = facts(tmp_path, text)
    assert [(i.name, i.target.value, i.actual.value) for i in read.indicators] == [
        ("民事案件按期结案率", 95, 97), ("刑事案件按期结案率", 98, 99), ("调解率", 40, 45)]
    assert [(i.name, i.weight.value, i.score.value, i.row_id) for i in read.items][2] == ("预算执行率", 10, 9.8, "budget_execution")
    assert len(read.items) == 5 and read.dept_name == "某县人民法院"
    assert check(read).findings == []


BY_THEIR_UNIT = """某县档案馆2024年度部门整体支出绩效自评报告
一、部门基本情况
本馆负责全县档案收集和利用。年度整体绩效目标为：全年接收进馆档案不少于9,000卷，馆藏档案数字化不少于80万页，婴儿死亡率控制在6.5‰以内，修缮库房2处。
二、绩效目标实现情况
全年接收县直单位到期档案9,412卷；完成馆藏数字化86.2万页，其中外包加工80万页；全县婴儿死亡率4.8‰；修缮库房2处，新建阅览室1处。
"""


def test_a_paragraph_of_goals_and_a_goal_paired_by_the_unit_said_once_on_each_side(tmp_path):
    """Goals listed in a paragraph that says so ("年度整体绩效目标为："), under a heading of another kind; a goal
    and a result whose names end otherwise, each the only figure of its unit on its side, their words sharing
    two characters: one indicator, its name without "全年"/"控制在", its direction from "以内" after the figure.
    Of two results in 万页 the one a part of the other ("其中外包加工80万页") is none; 修缮库房 is paired by its name."""
    pairs = {i.name: (i.direction, i.target.value, i.actual.value) for i in facts(tmp_path, BY_THEIR_UNIT).indicators}
    assert pairs == {"接收进馆档案": (">=", 9000, 9412), "婴儿死亡率": ("<=", 6.5, 4.8), "修缮库房": ("=", 2, 2),
                     "馆藏档案数字化": (">=", 80, 86.2)}
    part_only = BY_THEIR_UNIT.replace("完成馆藏数字化86.2万页，其中外包加工80万页", "其中外包加工80万页")
    assert "馆藏档案数字化" not in {i.name for i in facts(tmp_path, part_only).indicators}   # (a part alone: no result)
    heading = BY_THEIR_UNIT.replace("年度整体绩效目标为：", "年度整体工作情况：")
    assert facts(tmp_path, heading).indicators == []        # (no paragraph of goals: its figures are no targets)


TARGET_AMONG_THE_GOALS = """某县交通运输局2024年度部门整体支出绩效自评报告
一、基本情况
2024年部门整体绩效目标为：公路列养率100%，农村物流服务站点覆盖率不低于90%，群众满意度不低于90%，村集体收入超过10万元。
二、绩效目标完成情况
公路列养率100%（分值6分，得6分）；农村物流服务站点覆盖率93.4%（分值7分，得7分）。
委托第三方调查，群众满意度92.5%，分值8分，得8分。
"""


def test_an_indicator_read_with_its_score_takes_its_target_from_the_goals_of_its_name(tmp_path):
    """Each indicator read with what it achieved and its score but no target: the one goal of its name and
    unit is its target, direction from the goal's words; said apart, so a score is checked as a warning.
    "村集体收入超过10万元" is an amount: no goal of an indicator here."""
    read = facts(tmp_path, TARGET_AMONG_THE_GOALS)
    rows = {i.name: (i.direction, i.target and i.target.value, i.actual.value) for i in read.indicators}
    assert rows["公路列养率"] == ("=", 100, 100)
    assert rows["农村物流服务站点覆盖率"] == (">=", 90, 93.4) and rows["群众满意度"] == (">=", 90, 92.5)
    assert all(i.scored_apart for i in read.indicators if i.name != "群众满意度")   # (that one: a goal and its result)
    own = TARGET_AMONG_THE_GOALS.replace("农村物流服务站点覆盖率不低于90%", "农村物流服务站点覆盖率不低于90%，城区物流服务站点覆盖率不低于95%")
    rows = {i.name: i.target for i in facts(tmp_path, own).indicators}
    assert rows["农村物流服务站点覆盖率"].value == 90       # (the goal of its whole name)
    two = TARGET_AMONG_THE_GOALS.replace("农村物流服务站点覆盖率不低于90%", "乡镇物流服务站点覆盖率不低于90%，城区物流服务站点覆盖率不低于95%")
    rows = {i.name: i.target for i in facts(tmp_path, two).indicators}
    assert rows["农村物流服务站点覆盖率"] is None       # (two goals end alike as closely — neither is taken)


GOALS_THEN_BRACKETS = ("二、绩效目标\n主要目标为：完成小麦统防统治作业面积76.5万亩以上，统防统治覆盖率达到60%以上，"
                       "挽回小麦产量损失2.8万吨以上。\n三、绩效目标完成情况\n"
                       "全县实际完成统防统治作业77.32万亩（完成目标的101.07%），其中财政补助面积76.50万亩。"
                       "统防统治覆盖率58.2%（完成目标的{share}），较上年提高4.6个百分点。经测算挽回小麦产量损失2.96万吨（完成目标的105.71%）。\n")


def test_results_with_their_completions_in_brackets_pair_with_their_goals(tmp_path):
    result = checked(tmp_path, GOALS_THEN_BRACKETS.format(share="97.00%"))
    values = indicator_values(result)
    assert values["统防统治覆盖率"] == (60, 58.2, None, None)
    assert values["小麦统防统治作业面积"][:2] == (76.5, 77.32)     # (not the part "其中…76.50万亩" by its unit)
    assert values["挽回小麦产量损失"][:2] == (2.8, 2.96)
    assert result.findings == []


def test_a_completion_in_brackets_after_a_result_paired_with_its_goal_is_checked(tmp_path):
    result = checked(tmp_path, GOALS_THEN_BRACKETS.format(share="96.00%"))     # 58.2 ÷ 60 = 97.00%
    assert [f.code for f in result.findings] == ["COMPLETION_MISMATCH"]


GOALS_TABLE_THEN_RESULT_BY_UNIT = """某县法律援助中心2024年度法律援助专项资金绩效自评报告
一、绩效目标
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 值班律师派驻工作日 | ≥400人天 |
| | 时效指标 | 补助发放时限 | 季度结束后15个工作日内 |
二、绩效目标完成情况
公共法律服务中心和看守所共派驻值班律师420人天（完成率{share}），为群众提供法律帮助1,167人次。补助均在季度结束后15个工作日内发放。
"""


def test_a_goals_row_and_the_one_result_of_its_own_unit_said_otherwise_are_one_indicator(tmp_path):
    """A goals table's row names "值班律师派驻工作日", the results say "…派驻值班律师420人天": no ending shared, but the
    target is the only one in 人天 and the result the only one in it, their words sharing two characters — its result,
    the completion in brackets after it checked.  A figure the results keep as a bound ("…15个工作日内发放") is no
    result."""
    result = checked(tmp_path, GOALS_TABLE_THEN_RESULT_BY_UNIT.format(share="105.00%"))
    values = indicator_values(result)
    assert values["值班律师派驻工作日"][:2] == (400, 420)
    assert values["补助发放时限"][1] is None
    assert result.findings == []
    wrong = checked(tmp_path, GOALS_TABLE_THEN_RESULT_BY_UNIT.format(share="150.00%"))
    assert [f.code for f in wrong.findings] == ["COMPLETION_MISMATCH"]


COUNTED_GOAL_THEN_COMPLETION = ("二、年度绩效目标\n1.全年城镇新增就业人数不少于2,000人；\n2.农牧民职业技能培训不少于1,200人次。\n"
                                "三、绩效目标完成情况\n全年实现城镇新增就业1,846人，完成年度目标任务的{share}，较上年增加136人。\n")


def test_a_goal_naming_what_it_counts_and_its_result_with_the_completion_after_a_comma(tmp_path):
    """"城镇新增就业人数不少于2,000人" and "全年实现城镇新增就业1,846人": their names end alike once what is counted
    (人数) is left aside — one indicator under the goal's name; the completion said in the next clause
    ("，完成年度目标任务的92.3%") is checked as one in brackets is."""
    result = checked(tmp_path, COUNTED_GOAL_THEN_COMPLETION.format(share="92.3%"))
    assert indicator_values(result)["城镇新增就业人数"][:2] == (2000, 1846)
    assert result.findings == []
    wrong = checked(tmp_path, COUNTED_GOAL_THEN_COMPLETION.format(share="93.2%"))
    assert [f.code for f in wrong.findings] == ["COMPLETION_MISMATCH"] and "92.30" in wrong.findings[0].message


def test_a_completion_said_once_is_said_of_once(tmp_path):
    """An indicator read in its sentence ("专业监测设备安装目标≥30套，实际安装28套，完成率95.33%") and again from the
    goals under another name ("安装专业监测设备30套"): the one wrong completion is one finding."""
    text = ("二、绩效目标\n年度绩效目标为：安装专业监测设备30套。\n三、绩效目标完成情况\n"
            "专业监测设备安装目标≥30套，实际安装28套，完成率95.33%，2套因点位塌方延至下年安装。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == ["COMPLETION_MISMATCH"]


def test_a_goal_kept_at_its_level_names_its_indicator_without_the_verb(tmp_path):
    """"建制村通客车率保持100%": 保持 is no word of the name — the target of "建制村通客车率100%（分值6分，得6分）"."""
    text = ("某县交通运输局2024年度部门整体支出绩效自评报告\n一、基本情况\n2024年部门整体绩效目标为：建制村通客车率保持100%，"
            "公路列养率维持在98%。\n二、绩效目标完成情况\n建制村通客车率100%（分值6分，得6分）；公路列养率98.5%（分值6分，得6分）。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["建制村通客车率"][:2] == (100, 100) and values["公路列养率"][:2] == (98, 98.5)


MEASURED_AGAINST_ITS_GOAL = ("某县退役军人事务局2023年度部门整体支出绩效自评报告\n二、部门整体绩效目标\n"
                             "1.优抚对象定期抚恤补助发放人数不少于1,150人；\n2.退役士兵适应性培训人数不少于250人。\n"
                             "三、绩效目标完成情况\n全年为1,163名重点优抚对象按月发放定期抚恤补助。\n"
                             "全年组织退役军人适应性培训3期，参训{trained}人，完成年度目标的{share}。\n")


def test_a_result_measured_against_its_goal_pairs_with_the_goal_sharing_its_words(tmp_path):
    """"…适应性培训3期，参训236人，完成年度目标的94.4%": its sentence says it is measured against a goal, and one goal
    of its unit (人, of two) shares its words (适应性培训) — one indicator, its completion checked."""
    result = checked(tmp_path, MEASURED_AGAINST_ITS_GOAL.format(trained=236, share="94.4%"))
    assert indicator_values(result)["退役士兵适应性培训人数"][:2] == (250, 236)
    assert result.findings == []
    wrong = checked(tmp_path, MEASURED_AGAINST_ITS_GOAL.format(trained=236, share="98.3%"))
    assert [f.code for f in wrong.findings] == ["COMPLETION_MISMATCH"] and "94.40" in wrong.findings[0].message


def test_a_result_not_measured_against_a_goal_is_not_paired_by_shared_words(tmp_path):
    text = MEASURED_AGAINST_ITS_GOAL.format(trained=236, share="98.3%").replace("，完成年度目标的98.3%", "")
    assert "退役士兵适应性培训人数" not in indicator_values(checked(tmp_path, text))


COUNTED_IN_BRACKETED_UNITS = ("某县农业农村局2023年度农机购置与应用补贴项目支出绩效自评报告\n二、绩效目标\n"
                              "1.产出指标：补贴机具数量不少于1,800台（套）；报废更新老旧农机不少于60台。\n"
                              "三、绩效目标完成情况\n1.全年共补贴各类农业机械1,936台（套），其中拖拉机412台、收获机械186台、"
                              "其他机具1,338台（套）。\n2.报废老旧拖拉机和联合收割机58台，比目标少2台。\n")


def test_a_unit_with_its_bracket_and_the_parts_of_a_list_after_its_first(tmp_path):
    """"1,800台（套）" is of its own unit (台（套）, not 台); every part of "其中拖拉机412台、…、其他机具1,338台（套）" is a part,
    not only the first — each goal is then the only one of its unit, and so is its result."""
    values = indicator_values(checked(tmp_path, COUNTED_IN_BRACKETED_UNITS))
    assert values["补贴机具数量"][:2] == (1800, 1936)
    assert values["报废更新老旧农机"][:2] == (60, 58)


CARRY_DEFINED_IN_BRACKETS = """某县林草局2023年度部门整体支出绩效自评报告
（一）预算情况。调整后全年预算4,436.20万元，全年支出4,153.95万元。
（二）结转结余情况。年末结转结余282.25万元，结转结余率{rate}%（结转结余率＝年末结转结余÷全年预算数）。
"""


def test_a_definition_in_brackets_is_the_rule_not_the_figure_before_it(tmp_path):
    """Only the brackets holding the formula are a rule: the rate said before them is the report's, checked
    by the very definition it gives."""
    text = CARRY_DEFINED_IN_BRACKETS.format(rate="6.36")
    document = checked(tmp_path, text).facts.document
    said = document.text
    assert not document.is_rule(said.index("6.36")) and document.is_rule(said.index("年末结转结余÷"))
    assert checked(tmp_path, text).findings == []
    slipped = checked(tmp_path, CARRY_DEFINED_IN_BRACKETS.format(rate="6.79"))
    assert [f.code for f in slipped.findings] == ["STATED_RATE_MISMATCH"]
