"""A 评分表 set in columns by spaces whose columns of long words (指标解释, 评分标准, 完成情况) wrap over lines, a rule of
dashes under its header (our own words, after PDFs' text of provinces' forms): each row's lines one row, each wrapped cell
one cell; and a completion said in such a cell against the figures before it and the score after it."""
from __future__ import annotations

from reading import checked

SHEET = """某县农牧局2024年度部门整体支出绩效自评报告
评分办法：定量指标达到目标值得满分，未达到的按完成比例计分。
附件 评分表

一级     二级       三级指标         分值   评分标准                   完成情况                 得分
指标     指标
------------------------------------------------------------------------------------------------------------
产出     产出数量   高标准农田建设   10     达到目标得满分，未达到     完成46.3万亩，目标48万   9.65
                    面积                    的按完成比例计分。         亩，完成率{rate}
         产出质量   验收合格率       10     合格率≥95%得满分，未达     验收合格率96.2%。        10
                                            到的按完成比例计分。
效益     社会效益   带动农户增收     10     达到目标得满分，未达到     户均增收1,280元，目标    10
                                            的按完成比例计分。         1,200元。
合计                                 30                                                     29.65
"""


def _said(result) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in result.findings]


def test_a_sheets_rows_read_whole_under_a_rule_of_dashes(tmp_path):
    """The header above the rule is the rows' (not the first row taken for a header); each row's wrapped lines are its
    cells' ends — the name 高标准农田建设面积 whole, its points and score, the 完成情况 in one piece."""
    result = checked(tmp_path, SHEET.format(rate="96.46%"))
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"高标准农田建设面积": (10, 9.65), "验收合格率": (10, 10), "带动农户增收": (10, 10)}
    quality = next(i for i in result.facts.indicators if i.name == "验收合格率")
    assert (quality.target.value, quality.actual.value) == (95, 96.2)
    assert result.findings == []


def test_a_completion_said_wrong_in_its_cell_is_the_slip_not_the_score(tmp_path):
    """46.3 ÷ 48 = 96.46%, said 97.46%; the score 9.65 is 10 × 96.46%: the completion is the error, not the score."""
    found = checked(tmp_path, SHEET.format(rate="97.46%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")] and "96.46%" in found[0].message


def test_a_score_off_a_completion_its_own_figures_do_not_give_is_a_warning(tmp_path):
    """97.46% said, the figures before it give 96.46%, and the score 9.55 follows neither: which of the figures and the
    score is the slip is not certain — a warning, not an error of the score. The completion is off the two figures its
    own cell states with their unit whichever it is: that one is an error."""
    result = checked(tmp_path, SHEET.format(rate="97.46%").replace("   9.65\n", "   9.55\n").replace("29.65", "29.55"))
    assert sorted(_said(result)) == [("COMPLETION_MISMATCH", "error"), ("SCORE_MISMATCH", "warning")]


# each row's short cells (name, points, score) on the middle line of its height, its long cells' words above and below,
# a blank line between rows — as a PDF's text gives a table whose cells are centred
CENTRED = """某县林业局2024年度林下经济项目绩效评价报告
附件 评分表

一级指标   二级指标   三级指标         分值   指标解释                 评分标准                 完成情况                 得分

                                              资金到位率＝实际到位资   得分＝资金到位率×分值。  计划投入560.00万元，到
过程(20)   资金管理   资金到位率       10     金÷计划投入资金×100%。                            位548.00万元，到位率     9.79
                                                                                                97.86%。

                                              预算执行率＝实际支出资   得分＝预算执行率×分值。  全年预算560.00万元，支
                      预算执行率       10     金÷全年预算资金×100%。                            出532.60万元，执行率     9.51
                                                                                                95.11%。

           可持续影   产业长效发展机          是否建立稳定的产业扶持   按好、较好、一般、差     技术服务队伍尚未稳定，
           响         制               10     和技术服务机制。         分别计分值的100%、80%、  评定为“一般”。           6.00
                                                                       60%、0。

合计                                   30                                                                               25.30
"""


def test_rows_set_apart_whose_long_cells_stand_above_and_below_their_names_line(tmp_path):
    """The words above a row's name line are its own (not the row's above); a name wrapped in its narrow column joined."""
    result = checked(tmp_path, CENTRED)
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"资金到位率": (10, 9.79), "预算执行率": (10, 9.51), "产业长效发展机制": (10, 6)}
    assert "计划投入560.00万元,到位548.00万元,到位率97.86%" in result.facts.text.replace("，", ",")
    assert result.findings == []


TITLED = """某县农业农村局2024年度种薯扩繁项目绩效评价报告
附件
                         某县种薯扩繁项目绩效评价评分表
一级指标  二级指标    三级指标      分值  指标解释                评分标准                完成情况                    得分
--------------------------------------------------------------------------------------------------------------------------
产出      产出数量    网棚原种扩繁    10  年度完成网棚原种扩繁面  得分＝完成率×分值，完   完成1,260亩，目标1,200        10
（20分）              面积                积，目标1,200亩。       成率超过100%的按100%    亩，完成率105.00%。
                                                                  计。
                      一级种薯扩繁    10  年度完成一级种薯扩繁面  同上。                  完成24,360亩，目标26,000    9.37
                      面积                积，目标26,000亩。                              亩，完成率93.69%。
合计                                  20                                                                            19.37
"""


def test_a_sheet_titled_over_its_header_its_groups_points_under_the_groups_name(tmp_path):
    """A title line over the header and a rule under it keep the header with its rows; "（20分）" under 产出 is the
    group's points, on a wrapped line of the row (not a row of its own)."""
    result = checked(tmp_path, TITLED)
    items = {i.name: (i.weight.value, i.score.value) for i in result.facts.items}
    assert items == {"网棚原种扩繁面积": (10, 10), "一级种薯扩繁面积": (10, 9.37)}
    assert "产出(20分)" in result.facts.text.replace("（", "(").replace("）", ")") and result.findings == []
