"""The year's spending listed by its 功能分类 in a sentence of its own ("本年支出合计1,486.52万元…。按支出功能分类，文化旅游
体育与传媒支出…、社会保障和就业支出…"): the parts against that spending — where they miss it as a slip of the hand does
only (development's 1640: two digits swapped), for the list may be of another scope than the whole said before it."""
from __future__ import annotations

from reading import checked, said


_BY_FUNCTION = ("溪川县文化旅游局2024年度部门整体支出绩效自评报告\n"
                "（二）支出情况。本年支出合计1,486.52万元，较上年1,312.40万元增加174.12万元。\n"
                "本年支出中，基本支出612.48万元，项目支出874.04万元。按支出功能分类，文化旅游体育与传媒支出1,228.66万元，"
                "社会保障和就业支出{social}万元，卫生健康支出48.72万元，住房保障支出66.84万元。\n")


def test_a_function_list_off_its_spending_by_a_slip(tmp_path):
    assert said(checked(tmp_path, _BY_FUNCTION.format(social="142.30"))) == []       # 1,486.52
    slip = checked(tmp_path, _BY_FUNCTION.format(social="124.30"))                  # 1,468.52: 42 and 24 swapped
    assert said(slip) == [("SUM_MISMATCH", "warning")] and "1,468.52" in slip.findings[0].message


def test_a_function_list_off_by_no_slips_shape_is_left_alone(tmp_path):
    # (361.30 short: the list may be of the 财政拨款 only — not said)
    assert said(checked(tmp_path, _BY_FUNCTION.format(social="12.00"))) == []


def test_a_list_of_the_main_ones_or_of_last_years_spending_is_not_added_up(tmp_path):
    main = _BY_FUNCTION.replace("按支出功能分类，", "按支出功能分类，主要为")
    assert said(checked(tmp_path, main.format(social="124.30"))) == []
    last_year = _BY_FUNCTION.replace("本年支出合计1,486.52万元，较上年1,312.40万元增加174.12万元", "较上年支出1,486.52万元有所增加")
    assert said(checked(tmp_path, last_year.format(social="124.30"))) == []


def test_a_list_on_the_reports_first_line(tmp_path):
    # (a text layer run together: the spending and its list on the first line, more lines after it)
    one_line = _BY_FUNCTION.replace("\n", "", 2) + "（三）结转结余。年末结转结余41.84万元。\n"
    slip = checked(tmp_path, one_line.format(social="124.30"))
    assert said(slip) == [("SUM_MISMATCH", "warning")] and "1,468.52" in slip.findings[0].message
