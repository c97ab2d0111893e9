"""A table's column of rates every row states as one of its columns over one amount the report says (累计支出进度 over
the year's budget, said in the note under it): the one row that does not keep it (development's 1659 and 937: the
quarter's spending, or another base, taken for the cumulative)."""
from __future__ import annotations

from reading import checked, said


_QUARTERS = ("海屿县交通运输局2024年度项目支出绩效自评报告\n2024年度项目分季度支出情况表\n"
             "| 季度 | 当季支出（元） | 累计支出（元） | 累计支出进度 |\n"
             "| 第一季度 | 2,846,300.00 | 2,846,300.00 | 9.95% |\n"
             "| 第二季度 | 5,318,620.00 | 8,164,920.00 | 28.55% |\n"
             "| 第三季度 | 7,925,480.00 | 16,090,400.00 | {third} |\n"
             "| 第四季度 | 9,076,800.00 | 25,167,200.00 | 88.00% |\n"
             "注：累计支出进度＝累计支出÷年度预算{base}×100%。\n")


def test_the_one_row_off_the_base_every_other_row_keeps(tmp_path):
    assert said(checked(tmp_path, _QUARTERS.format(third="56.26%", base="28,600,000.00元"))) == []
    slip = checked(tmp_path, _QUARTERS.format(third="27.71%", base="28,600,000.00元"))     # 7,925,480 ÷ 28.6 million
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "56.26%" in slip.findings[0].message


def test_the_base_said_in_the_other_unit(tmp_path):
    slip = checked(tmp_path, _QUARTERS.format(third="27.71%", base="2,860.00万元"))
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "56.26%" in slip.findings[0].message


def test_no_base_said_no_finding(tmp_path):
    # (the rows agree on a base the report never states: which base is meant is not known)
    assert said(checked(tmp_path, _QUARTERS.format(third="27.71%", base="").replace("年度预算×100%", "年度预算"))) == []
