"""A 评分表's row scoring a rate no statement read as an indicator: the indicator of that rate, its figure the one said
right after its name, its line the rule's, its points and score the row's — an item's row, not summed again."""
from __future__ import annotations

from reading import checked

from engine.report.extract import data_of

HEAD = "某县市场监督管理局2023年度部门整体支出绩效自评报告\n一、基本情况\n"
TABLE = ("三、评分情况\n"
         "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
         "|---|---|---|---|---|\n"
         "| 过程 | 预算执行 | 预算执行率 | 10 | 9 |\n"
         "| | | 结转结余率 | 5 | 5 |\n"
         "| | | 预算调整率 | 5 | 4 |\n"
         "| 产出 | 数量 | 食品安全监督抽检批次 | 8 | 8 |\n")
RULES = "评分办法：预算执行率达到98%（含）以上得满分，每低2个百分点扣1分；结转结余率不超过5%的得满分。\n"


def rates_read(tmp_path, body: str) -> dict:
    facts = checked(tmp_path, HEAD + body + TABLE).facts
    return {i.name: (i.direction, i.target and i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in facts.indicators if i.item_too}


def test_each_rate_of_the_table_its_figure_its_line_and_its_row(tmp_path):
    body = ("全年支出2,312.48万元，预算执行率96.36%。年末结转结余87.16万元，结转结余率3.64%。\n" + RULES)
    assert rates_read(tmp_path, body) == {"预算执行率": (">=", 98, 96.36, 10, 9),
                                          "结转结余率": ("<=", 5, 3.64, 5, 5)}


def test_a_rate_said_of_a_part_or_of_the_half_year_or_twice_otherwise_is_not_its_figure(tmp_path):
    body = ("截至6月底预算执行率45.20%。其中基本支出预算执行率98.10%。\n"
            "结转结余率3.64%（上年结转结余率为5.12%）；全年结转结余率4.10%。\n" + RULES)
    assert rates_read(tmp_path, body) == {}


def test_a_rate_after_a_target_word_is_no_figure_of_it(tmp_path):
    body = "年初目标：预算调整率不超过10%。\n预算调整率为12.50%，超过10%扣1分。\n"
    assert rates_read(tmp_path, body) == {"预算调整率": (None, 10, 12.5, 5, 4)}   # (its line said after it: no direction)


def test_the_items_rates_are_not_among_the_frameworks_indicators(tmp_path):
    body = "全年支出2,312.48万元，预算执行率96.36%。年末结转结余87.16万元，结转结余率3.64%。\n" + RULES
    facts = checked(tmp_path, HEAD + body + TABLE).facts
    names = [row["name"] for row in data_of(facts, None)["indicators"]]
    assert "预算执行率" not in names and "结转结余率" not in names
    assert any(i.item_too for i in facts.indicators)


def test_last_years_rate_is_not_the_years(tmp_path):
    assert rates_read(tmp_path, "上年结转结余率为5.12%，本年度压减结转资金。\n" + RULES) == {}


RULED = ("五、评分情况\n"
         "| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n"
         "|---|---|---|---|---|---|\n"
         "| 过程 | 预算配置 | 在职人员控制率 | 4 | ≤100%得4分，每超1个百分点扣0.5分 | 4 |\n"
         "| | | 重点支出安排率 | 4 | ≥80%得4分，每低1个百分点扣0.2分 | 4 |\n"
         "| 效益 | 生态效益 | 森林覆盖率 | 7 | ≥66.2% | 7 |\n")


def test_the_line_a_rows_own_rule_opens_with_is_its_target(tmp_path):
    """A row's 评分标准 that opens with its line ("≤100%得4分，…", "≥66.2%"): the target of the rate its row scores;
    "全县森林覆盖率66.4%" the county's figure of that rate."""
    body = "年末在职人员43人，编制46名，在职人员控制率93.48%。重点支出安排率84.85%。全县森林覆盖率66.4%，比上年提高0.2个百分点。\n"
    facts = checked(tmp_path, HEAD + body + RULED).facts
    read = {i.name: (i.direction, i.target and i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in facts.indicators}
    assert read == {"在职人员控制率": ("<=", 100, 93.48, 4, 4), "重点支出安排率": (">=", 80, 84.85, 4, 4),
                    "森林覆盖率": (">=", 66.2, 66.4, 7, 7)}


def test_the_wholes_rate_named_with_its_word_is_said_without_it(tmp_path):
    """The row "部门预算执行率 | 10 | 9.78" and "…预算执行率97.76%": the department's rate, said without 部门."""
    table = TABLE.replace("| 过程 | 预算执行 | 预算执行率 | 10 | 9 |", "| 过程 | 预算执行 | 部门预算执行率 | 10 | 9.78 |")
    facts = checked(tmp_path, HEAD + "全年支出2,312.48万元，预算执行率97.76%。\n" + table).facts
    assert [(i.name, i.actual.value, i.self_score.value) for i in facts.indicators if i.item_too] == [("部门预算执行率", 97.76, 9.78)]


# a 评价得分表 of names and 得分 only, each name's 分值 in brackets after it, its group cells left out of
# the rows after a group's first
BRACKETED_POINTS = """某县文旅局2023年部门整体支出绩效评价得分表
| 一级指标 | 二级指标 | 三级指标 | 得分 |
|---|---|---|---|
| 部门决策(20分) | 目标任务(10分) | 相关性(3分) | 3 |
| 明确性(4分) | 3 |
| 合理性(3分) | 3 |
| 预算编制(10分) | 测算依据(5分) | 4 |
| 目标管理（5分） | 4 |
| 合计 | 17 |
"""


def test_a_score_tables_points_in_brackets_after_its_names(tmp_path):
    """Each row's last name is an item: its 分值 the bracket's, its 得分 the row's last figure; a group's
    cell before it is no item."""
    items = {i.name: (i.weight.value, i.score.value) for i in checked(tmp_path, BRACKETED_POINTS).facts.items}
    assert items == {"相关性": (3, 3), "明确性": (4, 3), "合理性": (3, 3), "测算依据": (5, 4), "目标管理": (5, 4)}


def test_a_score_above_its_bracketed_points_is_no_item(tmp_path):
    items = checked(tmp_path, BRACKETED_POINTS.replace("| 明确性(4分) | 3 |", "| 明确性(4分) | 5 |")).facts.items
    assert "明确性" not in {i.name for i in items}
