"""What development round 87 taught (our own words): a completion said after an aside in brackets, a share of funds
named by words, a 运行监控 share the report's own table divides by the year's budget, a group over its points because
one of its rows is, 上年得分 beside 本年得分, 定性 tiers listed unquoted, a carry-over named with no figure, and tab rows
whose cells wrap onto the next lines."""
from __future__ import annotations

import pytest

from engine.report.rejoined import tab_cells_carried_on
from engine.report.tier_words import tier_shares
from reading import checked, said as _said


def test_a_completion_said_after_an_aside_is_the_indicators(tmp_path):
    text = ("关于2024年度乡村文化服务项目绩效自评的报告\n三、绩效指标完成情况\n"
            "    送戏下乡演出场次≥60场次，实际演出54场次（各村上报57场次，其中3场无影像资料未予认定），完成率{rate}。\n")
    assert _said(checked(tmp_path, text.format(rate="90.00%"))) == []
    assert _said(checked(tmp_path, text.format(rate="95.00%"))) == [("COMPLETION_MISMATCH", "error")]


FUNDS = ("关于2024年度糖料种植补贴项目绩效自评的报告\n一、项目资金情况\n"
         "    年初预算260.00万元，其中省级下达资金240.00万元、县级配套20.00万元。省级下达资金合计240.00万元。\n"
         "二、资金使用情况\n"
         "    截至2024年12月31日，累计兑付补贴资金228.60万元，占省级下达资金的{rate}。\n")


@pytest.mark.parametrize("rate, said", [("95.25%", []), ("85.25%", [("STATED_RATE_MISMATCH", "warning")])])
def test_what_was_paid_as_a_share_of_funds_named_by_words(tmp_path, rate, said):
    assert _said(checked(tmp_path, FUNDS.format(rate=rate))) == said


QUARTERS = ("关于2024年度城区绿地养护项目绩效自评的报告\n一、资金情况\n    全年预算1,600.00万元，全年支出1,560.00万元，预算执行率97.50%。\n"
            "| 季度 | 当季支出（万元） | 累计支出（万元） | 累计占全年预算 |\n"
            "| 第二季度 | 420.00 | 720.00 | 45.00% |\n"
            "| 第三季度 | 480.00 | 1,200.00 | 75.00% |\n"
            "| 第四季度 | 360.00 | 1,560.00 | 97.50% |\n"
            "    截至第三季度末，累计支出1,200.00万元，占全年预算的{rate}，与序时进度持平。\n")


def test_a_monitoring_share_the_reports_own_table_puts_on_the_years_budget(tmp_path):
    assert _said(checked(tmp_path, QUARTERS.format(rate="75.00%"))) == []
    assert _said(checked(tmp_path, QUARTERS.format(rate="30.00%"))) == [("STATED_RATE_MISMATCH", "warning")]
    # (without the table, the budget as it stood at the quarter's end is not said: nothing checked)
    alone = QUARTERS.format(rate="30.00%").split("| 季度")[0] + "    截至第三季度末，累计支出1,200.00万元，占全年预算的30.00%。\n"
    assert _said(checked(tmp_path, alone)) == []


def test_a_part_of_the_project_spending_as_its_share(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n二、支出情况\n"
            "    2024年支出总计2,400.00万元，由基本支出900.00万元和项目支出1,500.00万元组成。\n"
            "    项目支出主要包括困难群众救助1,200.00万元、残疾人两项补贴300.00万元。其中困难群众救助1,200.00万元，占项目支出的{rate}。\n")
    assert _said(checked(tmp_path, text.format(rate="80.00%"))) == []
    assert _said(checked(tmp_path, text.format(rate="50.00%"))) == [("STATED_RATE_MISMATCH", "warning")]


GROUP = ("关于2024年度部门整体支出绩效自评的报告\n五、自评得分\n"
         "    按评分规则，预算执行率得9.50分，产出指标（40分）得40.60分，效益指标（40分）得38分，满意度指标（10分）得10分。\n"
         "| 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
         "| 数量指标 | 培训人次 | ≥1,000人次 | 1,150人次 | 10 | {score} |\n"
         "| 数量指标 | 走访户数 | ≥500户 | 470户 | 10 | 9.40 |\n"
         "| 质量指标 | 培训合格率 | ≥90% | 93% | 10 | 10 |\n"
         "| 时效指标 | 补助发放及时率 | ≥95% | 98% | 10 | 10 |\n")


def test_a_group_over_its_points_because_a_row_is_over_its_own_is_that_rows_error(tmp_path):
    said = _said(checked(tmp_path, GROUP.format(score="11.20")))
    assert said == [("SCORE_MISMATCH", "error"), ("SCORE_MISMATCH", "warning")]
    # (no row over its points: the group's own excess is the error)
    assert ("SCORE_MISMATCH", "error") in _said(checked(tmp_path, GROUP.format(score="10")))


def test_last_years_score_beside_this_years_is_not_the_self_score(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n附件：项目支出绩效自评表\n"
            "| 三级指标 | 分值 | 年度指标值 | 实际完成值 | 上年得分 | 本年得分 |\n"
            "| 新建村级文化广场 | 10 | ≥12个 | 12个 | 8 | 10 |\n"
            "| 文化活动参与人次 | 10 | ≥6,000人次 | 5,400人次 | 10 | {score} |\n")
    ok = checked(tmp_path, text.format(score="9"))
    assert [(i.name, i.self_score.value) for i in ok.facts.indicators] == [("新建村级文化广场", 10), ("文化活动参与人次", 9)]
    assert _said(checked(tmp_path, text.format(score="9.5"))) == [("SCORE_MISMATCH", "error")]


@pytest.mark.parametrize("rule, shares", [
    ("2.定性指标按达成、基本达成、部分达成、未达成分别计分值的100%、80%、60%、0。", {"达成": 1.0, "基本达成": 0.8, "部分达成": 0.6}),
    ("定性指标按完善、较完善、不完善三档，分别按分值的100%、70%、0计分", {"完善": 1.0, "较完善": 0.7}),
    ("定性指标按好、较好分别计分值的100%、80%至90%。", {}),          # (a range: no one share)
])
def test_tiers_listed_without_quotes(rule, shares):
    assert tier_shares(rule) == shares


def test_a_carry_over_named_with_no_figure_is_no_sum_of_the_figures_said(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、预算情况\n"
            "    年初预算2,000.00万元，年中追加150.00万元，加上上年结转结余，全年预算2,230.00万元。\n")
    assert _said(checked(tmp_path, text)) == []
    assert _said(checked(tmp_path, text.replace("加上上年结转结余，", ""))) == [("SUM_MISMATCH", "error")]


def test_tab_cells_that_wrap_onto_the_next_lines_are_joined_to_their_row():
    lines = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
             "产出指标\t质量指标\t村级卫生室标准化\t≥90%\t92%\t10\t10",
             "\t\t建设达标率",
             "\t成本指标\t人均培训成本不超\t≤300元/\t286元/人\t10\t10",
             "\t\t过标准\t人",
             "\t\t培训人次\t≥800\t760\t10\t9.5",
             "说明：得分按完成比例计。"]
    rows = {0: lines[0].split("\t"), 1: lines[1].split("\t"), 3: lines[3].split("\t"), 4: lines[4].split("\t"),
            5: lines[5].split("\t")}
    joined = tab_cells_carried_on(lines, rows)
    assert joined[1][2] == "村级卫生室标准化建设达标率" and joined[2] == []
    assert joined[3][2:4] == ["人均培训成本不超过标准", "≤300元/人"] and joined[4] == []
    assert 5 not in joined     # (a row of figures of its own)


def test_the_first_piece_of_a_cell_the_next_line_ends_is_not_carried_on():
    """A Word table copied as text breaks a cell at its line break: "\\t\\t水质检" over "测频次\\t≥4次\\t…" is one row of
    the table's width again (tab_cells_broken), not the row above's."""
    lines = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
             "产出指标\t数量指标\t维修养护工程数量\t≥50宗\t54宗\t10\t10",
             "\t\t千吨万人工程水质检",
             "测频次\t≥4次/年\t4次/年\t5\t5"]
    rows = {0: lines[0].split("\t"), 1: lines[1].split("\t"), 3: lines[3].split("\t")}
    assert tab_cells_carried_on(lines, rows) == {}



def test_a_row_of_words_alone_is_a_row():
    """A 定性 indicator's row with no figure — its name, its target and what was achieved in words — is no wrap."""
    lines = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
             "效益指标\t社会效益\t受益群众人数\t≥5,000人\t5,200人\t10\t10",
             "\t\t政策知晓度\t较高\t较高"]
    rows = {n: line.split("\t") for n, line in enumerate(lines)}
    assert tab_cells_carried_on(lines, rows) == {}


def test_every_adjustment_said_makes_the_adjustment_rate(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、预算情况\n"
            "    年初预算2,000.00万元。年中省级追加80.00万元，县级追加20.00万元，当年预算（不含上年结转）2,100.00万元，"
            "预算调整率{rate}。\n")
    assert _said(checked(tmp_path, text.format(rate="5.00%"))) == []
    assert _said(checked(tmp_path, text.format(rate="6.00%"))) == [("STATED_RATE_MISMATCH", "warning")]


def test_a_grand_total_said_as_the_years_total_and_what_is_added_on(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、收入情况\n"
            "    2024年本年收入合计1,500.00万元，其中财政拨款收入1,450.00万元、其他收入50.00万元；加上年初结转结余"
            "120.00万元，收入总计{whole}万元。\n")
    assert _said(checked(tmp_path, text.format(whole="1,620.00"))) == []
    assert [code for code, _ in _said(checked(tmp_path, text.format(whole="1,500.00")))] == ["SUM_MISMATCH"]
