"""Items and their scores as reports write them beside the forms: a paragraph of items each with its points and
score, a numbered item's line headed by its name, a 评分表 with each level's 分值, a table set in spaces whose 合计 is
spaced out letter by letter; and the checks that follow from them read whole."""
from __future__ import annotations

import pytest

from reading import checked, error_codes


def items_of(result) -> dict[str, tuple]:
    return {i.name: (i.weight.value if i.weight else None, i.score.value) for i in result.facts.items}


def test_a_paragraph_of_items_each_with_its_points_then_its_score(tmp_path):
    """"名称3分、得3分；名称4分，…，扣1分，得3分；" — each item its points bare, what was done, its score last."""
    text = ("某县2024年度农业农村局部门整体支出绩效自评报告\n\n（一）决策（分值12分，得10.5分）。目标设定依据充分性4分、得4分；"
            "绩效指标细化程度4分，两个项目只有定性指标，扣1分，得3分；资金测算合理性4分，部分项目未附测算依据，扣0.5分，得3.5分。\n")
    items = items_of(checked(tmp_path, text))
    assert items["目标设定依据充分性"] == (4, 4) and items["绩效指标细化程度"] == (4, 3) and items["资金测算合理性"] == (4, 3.5)


def test_a_numbered_items_line_headed_by_its_name(tmp_path):
    """"2.补贴标准。…，该项分值8分，得8分。" — the item's name its heading; a line of several items is none."""
    text = ("某县2024年度耕地地力保护补贴项目支出绩效自评报告\n\n（三）产出\n1.补贴面积。全年补贴面积41.2万亩，目标40万亩，该项分值10分，得10分。\n"
            "2.补贴标准。每亩补贴105元，按标准执行，该项分值8分，得8分。\n"
            "3.数量指标：补贴户数，目标不少于2万户，实际2.1万户，该项分值6分，得6分；兑付及时率100%，该项分值6分，得6分。\n")
    result = checked(tmp_path, text)
    items = items_of(result)
    scored = {**items, **{i.name: (i.weight.value, i.self_score.value) for i in result.facts.indicators
                          if i.weight and i.self_score}}     # (its figures said with it: an indicator)
    assert scored["补贴面积"] == (10, 10) and scored["补贴标准"] == (8, 8)
    assert "数量指标" not in scored


def test_points_less_the_deduction_said_once_beside_its_per_point_rule(tmp_path):
    """"按每降低1个百分点扣2分的标准，该项分值10分，扣2分，得9分": one deduction (the rule's is per point) — 10 − 2
    is 8, not 9."""
    line = ("3.资金拨付准确率。抽查拨付凭证200笔，差错2笔，准确率99%，按每降低1个百分点扣2分的标准，该项分值10分，扣2分，"
            "得{score}分。\n")
    text = "某县2024年度项目支出绩效自评报告\n\n（三）产出\n" + line
    assert error_codes(checked(tmp_path, text.format(score="8"))) == []
    assert error_codes(checked(tmp_path, text.format(score="9"))) == ["SCORE_MISMATCH"]


def test_the_execution_scored_by_its_points_times_the_rate_its_heading_gives_the_points(tmp_path):
    text = ("某县2024年度部门整体支出绩效自评报告\n\n（二）过程\n1.预算执行率（8分）。全年预算1,250.00万元，执行1,187.50万元，"
            "预算执行率95.00%，按“执行率×分值”计算，得{score}分。\n")
    assert error_codes(checked(tmp_path, text.format(score="7.6"))) == []
    found = checked(tmp_path, text.format(score="7.06")).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "error")] and "7.60" in found[0].message


def test_a_table_in_spaces_whose_total_is_spaced_out_letter_by_letter(tmp_path):
    """"合　　计" is the 合计 row (one cell), its sums checked against the rows above."""
    rows = ("某县2024年度部门整体支出绩效自评报告\n\n表2　项目支出执行情况表\n"
            "  序号   项目名称                    全年预算        执行数        执行率\n"
            "   1     农村公路养护                  820.00         801.36        97.73%\n"
            "   2     桥梁检测                      160.00         152.00        95.00%\n"
            "   3     客运站运营补贴                 95.50          95.50       100.00%\n"
            "         合　　计                    {budget}       1,048.86        97.71%\n")
    assert error_codes(checked(tmp_path, rows.format(budget="1,075.50"))) == []
    assert "SUM_MISMATCH" in [f.code for f in checked(tmp_path, rows.format(budget="1,057.50")).findings]


def test_an_increase_listed_after_another_increases_its_part(tmp_path):
    """"追加400.00万元，其中…、县级追加50.00万元" — the second 追加 is a part of the first, not a third step."""
    text = ("某县2024年度民政局部门整体支出绩效自评报告\n\n年初预算2,600.00万元，其中基本支出500.00万元、项目支出2,100.00万元。"
            "年中追加400.00万元，其中中央财政困难群众救助补助资金280.00万元、省级养老服务体系建设补助资金70.00万元、"
            "县级追加临时救助资金50.00万元。调整后全年预算{total}万元，其中基本支出500.00万元、项目支出2,500.00万元。\n")
    assert [f.code for f in checked(tmp_path, text.format(total="3,000.00")).findings] == []


def test_two_measures_of_one_thing_are_two_indicators(tmp_path):
    """"政务服务便利度" and "政务服务事项标准化率": not one indicator's two names (a row of the one does not score the other)."""
    from engine.report.joined import one_thing
    assert not one_thing("政务服务便利度", "政务服务事项标准化率")
    assert one_thing("培训取证率", "取证率") and one_thing("开展安全生产执法检查", "执法检查企业")


def test_an_items_points_in_brackets_what_it_came_to_then_its_score(tmp_path):
    text = ("某旗2024年度民政局部门整体支出绩效自评报告\n\n2.预算配置（10分）。在职人员控制率（3分）91.30%，得3分；"
            "重点支出安排率（4分）得4分；“三公”经费变动率（3分）下降2.1%，得3分。\n")
    result = checked(tmp_path, text)
    items = items_of(result)
    # (its figure said with it, an indicator: "在职人员控制率（3分）91.30%"; nothing between, an item)
    rate = next(i for i in result.facts.indicators if i.name == "在职人员控制率")
    assert (rate.actual.value, rate.weight.value, rate.self_score.value) == (91.3, 3, 3)
    assert items["重点支出安排率"] == (4, 4)


# 一级指标 | 分值 | 二级指标 | 分值 | 得分 (each level its 分值), and 一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 (each its 得分 too)
LEVELS_POINTS = ("| 一级指标 | 分值 | 二级指标 | 分值 | 得分 | 扣分原因 |\n| 决策 | 20 | 目标设定 | 8 | 7 | 个别指标未量化 |\n"
                 "| | | 预算编制 | 12 | 12 | |\n| 过程 | 30 | 资金管理 | 18 | 16.5 | 执行率偏低 |\n| | | 业务管理 | 12 | 12 | |\n"
                 "| 产出 | 30 | 数量 | 30 | 29 | |\n| 效益 | 20 | 满意度 | 20 | 19 | |\n| 合计 | 100 | | 100 | 95.5 | |\n")
LEVELS_SCORED = ("| 一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 |\n| 投入 | 20 | 19 | 目标设定 | 8 | 8 |\n"
                 "| | | | 预算配置 | 12 | 11 |\n| 过程 | 30 | 28.5 | 预算管理 | 30 | 28.5 |\n"
                 "| 产出 | 50 | 48 | 完成及时率 | 20 | 20 |\n| | | | 质量达标率 | 30 | 28 |\n| 合计 | 100 | 95.5 | | 100 | 95.5 |\n")


@pytest.mark.parametrize("table, expected", [
    (LEVELS_POINTS, {"目标设定": (8, 7), "预算编制": (12, 12), "资金管理": (18, 16.5)}),
    (LEVELS_SCORED, {"目标设定": (8, 8), "预算配置": (12, 11), "质量达标率": (30, 28)})])
def test_a_score_table_with_each_levels_points_reads_the_level_scored(tmp_path, table, expected):
    """Each row the 二级 item with its own 分值 and 得分 (not the 一级's beside it)."""
    items = items_of(checked(tmp_path, "某县2024年度交通运输局部门整体支出绩效自评报告\n\n" + table))
    assert {name: items.get(name) for name in expected} == expected
    assert ("决策", (20, 7)) not in items.items()


def test_an_indicators_points_then_what_it_came_to_inside_a_headed_paragraph(tmp_path):
    """"预算配置（10分）。在职人员控制率（3分）91.30%，得3分；…": the inner statement is an indicator of its own (its
    figure right after its points); a heading's points over a numbered list on the lines below are none of it."""
    from reading import indicator_values
    text = ("某旗2024年度民政局部门整体支出绩效自评报告\n\n2.预算配置（10分）。在职人员控制率（3分）91.30%，得3分；"
            "重点支出安排率（4分）得4分。\n（二）产出情况（分值25分）\n1.受益人口：年度指标值≥3,500人，实际完成3,826人，分值8分，得8分。\n")
    values = indicator_values(checked(tmp_path, text))
    assert values["在职人员控制率"] == (None, 91.3, 3, 3)
    assert not any("产出情况" in name for name in values)


def test_a_numbered_line_headed_by_its_name_with_its_figures_is_an_indicator(tmp_path):
    """"1.补贴户数。全年补贴1,860户，目标2,000户，…该项分值10分，扣0.7分，得9.3分。": the indicator with its target, what
    it came to, its points and score (after a deduction said); a line with no target an item."""
    from reading import indicator_values
    text = ("某县2024年度困难群众取暖补贴项目支出绩效自评报告\n\n（三）产出\n"
            "1.补贴户数。全年补贴1,860户，目标2,000户，完成率93.00%，该项分值10分，扣0.7分，得9.3分。\n"
            "2.发放准确率。抽查300户，准确率98%，按每降低1个百分点扣1分的标准，该项分值10分，扣2分，得8分。\n")
    result = checked(tmp_path, text)
    assert indicator_values(result)["补贴户数"] == (2000, 1860, 10, 9.3)
    assert items_of(result)["发放准确率"] == (10, 8) and error_codes(result) == []
