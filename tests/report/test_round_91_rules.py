"""What development round 91 taught too (our own words): a report's rule of deductions per point short is found in its
own numbered statement, the text's punctuation being ASCII once read ("3.率类指标未达到指标值的，每低1个百分点扣0.5分");
a rule said of one kind of indicator ("质量指标每低于…") is used where it gives the row's score, but does not excuse a
row of no kind read; a report that scores 满意度 by the satisfaction itself ("满意度指标得分＝分值×满意度") holds its 满意度
row to 分值 × 满意度, above its target or not; bands of completion under a top band said by the target ("定量指标达到指标
值的得满分；完成率在90%（含）—100%之间的得分值的90%") are read whole; a `|` row's 评分标准 or 偏差原因 cell that wrapped
onto the next `|` row, every other cell of it empty, is one cell."""
from __future__ import annotations

from engine.report.bands import completion_shares, share_score
from engine.report.texttables import table_rows
from reading import checked, said as _said


_FORM = ("关于2024年度部门整体支出绩效自评的报告\n三、绩效指标完成情况\n"
         "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
         "| 产出指标 | 数量指标 | 新建公厕数量 | ≥20座 | 22座 | 10 | 10 |  |\n"
         "|  | 质量指标 | 入户随访率 | ≥90% | 88.6% | 10 | {rate_score} | 牧区转场 |\n"
         "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 93.6% | 10 | {satisfied} |  |\n"
         "评分规则：\n1.年度资金总额得分＝执行率×分值；\n2.定量指标达到或优于年度指标值的得满分；\n{rule}\n{satisfaction}\n")
_PER_POINT = "3.率类指标未达到指标值的，每低1个百分点扣0.5分；"
_BY_SATISFACTION = "4.满意度指标得分＝分值×满意度。"


def test_a_rule_of_deductions_in_its_numbered_statement_scores_a_rate_short_of_its_target(tmp_path):
    # 90 − 88.6 = 1.4 points short × 0.5 = 0.7 off 10: 9.30 (not 10 × 88.6 ÷ 90 = 9.84)
    text = _FORM.format(rate_score="9.30", satisfied="10", rule=_PER_POINT, satisfaction="")
    assert _said(checked(tmp_path, text)) == []
    # (without the rule, a row scored below its proportion is still said)
    assert ("SCORE_MISMATCH", "warning") in _said(checked(tmp_path, text.replace(_PER_POINT, "")))


def test_a_rule_of_one_kind_gives_a_score_but_does_not_excuse_another_row(tmp_path):
    of_quality = "3.质量指标每低于指标值1个百分点扣0.5分；"
    assert _said(checked(tmp_path, _FORM.format(rate_score="9.30", satisfied="10", rule=of_quality, satisfaction=""))) == []
    # a count row scored off its proportion (22 of 25 = 88%: 8.80, written 8.08, digits swapped) stays an error
    count_short = _FORM.replace("≥20座 | 22座 | 10 | 10", "≥25座 | 22座 | 10 | 8.08")
    said = checked(tmp_path, count_short.format(rate_score="9.30", satisfied="10", rule=of_quality, satisfaction=""))
    assert _said(said) == [("SCORE_MISMATCH", "error")]


def test_a_satisfaction_scored_by_itself_as_the_report_says(tmp_path):
    rules = dict(rate_score="9.30", rule=_PER_POINT, satisfaction=_BY_SATISFACTION)
    assert _said(checked(tmp_path, _FORM.format(satisfied="9.36", **rules))) == []     # 10 × 93.6%
    said = checked(tmp_path, _FORM.format(satisfied="9.63", **rules))                  # its digits swapped
    assert _said(said) == [("SCORE_MISMATCH", "error")]
    assert "9.36" in said.findings[0].message
    # (no such rule: 93.6% against ≥90% is full marks, as the usual rule goes)
    assert _said(checked(tmp_path, _FORM.format(satisfied="10", rate_score="9.30", rule=_PER_POINT, satisfaction=""))) == []


_BANDS = "评分规则：年度资金总额得分＝执行率×10；定量指标达到指标值的得满分；完成率在90%（含）—100%之间的得分值的90%，80%（含）—90%的得70%；时效指标每推迟1个月扣2分。"


def test_bands_under_a_top_band_said_by_the_target():
    assert [(t.bound, t.points) for t in completion_shares(_BANDS)] == [(100.0, 1.0), (90.0, 0.9), (80.0, 0.7)]
    assert share_score(_BANDS, 95.83, 10) == 9.0 and share_score(_BANDS, 85.0, 10) == 7.0
    assert share_score(_BANDS, 100.0, 10) == 10.0
    # (bands with no top band said are not read: precision first)
    assert completion_shares(_BANDS.replace("定量指标达到指标值的得满分；", "")) is None


def test_a_wrapped_rule_cell_is_one_cell_of_its_row():
    lines = ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 评分标准 |",
             "| 产出指标 | 数量指标 | 改造管网长度 | ≥24公里 | 23.4公里 | 10 | 8.75 | 完成率100%得满分，每低1个 |",
             "|  |  |  |  |  |  |  | 百分点扣0.5分 |",
             "|  |  | 改造换热站数量 | =6座 | 6座 | 8 | 8 | 完成得满分 |"]
    rows = table_rows(lines)
    assert rows[1][-1] == "完成率100%得满分，每低1个百分点扣0.5分" and rows[2] == []
    assert rows[3][2] == "改造换热站数量"


def test_a_wrapped_rule_cell_scores_its_row_by_its_whole_rule(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 评分标准 |\n"
            "| 产出指标 | 数量指标 | 改造管网长度 | ≥24公里 | 23.4公里 | 10 | 8.75 | 完成率100%得满分，每低1个 |\n"
            "|  |  |  |  |  |  |  | 百分点扣0.5分 |\n"
            "|  |  | 改造换热站数量 | =6座 | 6座 | 8 | 8 | 完成得满分 |\n")
    result = checked(tmp_path, text)
    assert _said(result) == []      # 97.5% complete, 2.5 points × 0.5 off 10: 8.75
    assert result.facts.indicators[0].own_rule.endswith("每低1个百分点扣0.5分")


def test_a_row_of_its_own_under_a_row_is_not_its_last_cell():
    lines = ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
             "| 产出指标 | 数量指标 | 改造管网长度 | ≥24公里 | 23.4公里 | 10 | 9.75 | 已完成。 |",
             "|  |  |  |  |  |  |  | 另见附表 |",
             "|  |  | 改造换热站数量 | =6座 | 6座 | 8 | 8 |  |"]
    rows = table_rows(lines)
    assert rows[1][-1] == "已完成。" and rows[2][-1] == "另见附表"     # (a sentence ended: no cell goes on)
