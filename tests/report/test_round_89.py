"""What development round 89 taught (our own words): points added on alone are no list of a total's parts, a column of
differences in percentage points adds up to nothing, a 其中 list whose parts fall into kinds is not all of its whole, and
a funds row not as wide as its header gives no 执行率's operands."""
from __future__ import annotations

from reading import checked, said as _said


def test_points_added_on_alone_are_no_parts_of_the_total(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n五、评分情况\n"
            "    对照评分标准，决策得14分、过程得24分、产出得34分、效益得25分，指标得分合计97分。"
            "获评全市先进集体加1.5分，安全生产考核优秀加1分，综合得分{total}分。\n")
    assert _said(checked(tmp_path, text.format(total="99.5"))) == []


def test_a_column_of_differences_in_percentage_points_is_not_added(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n二、运行监控情况\n"
            "| 资金来源 | 全年预算（万元） | 9月末支出（万元） | 支出进度（%） | 序时进度（%） | 差额（百分点） |\n"
            "| 中央资金 | 600.00 | 300.00 | 50.00 | 75.00 | -25.00 |\n"
            "| 县级资金 | 400.00 | 240.00 | 60.00 | 75.00 | -15.00 |\n"
            "| 合计 | 1,000.00 | 540.00 | 54.00 | 75.00 | -21.00 |\n")
    assert _said(checked(tmp_path, text)) == []
    # (the money columns are still added: a 合计 off its rows is found)
    assert "SUM_MISMATCH" in [c for c, _ in _said(checked(tmp_path, text.replace("| 540.00 |", "| 560.00 |")))]


def test_a_list_whose_parts_fall_into_kinds_is_not_all_of_its_whole(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n一、资金情况\n"
            "    中央财政下达补助资金500.00万元，其中年初提前下达400.00万元、8月下达100.00万元；县级安排工作经费"
            "10.00万元。年初预算410.00万元，全年预算510.00万元。\n")
    assert _said(checked(tmp_path, text)) == []


def test_a_funds_row_not_as_wide_as_its_header_gives_no_operands(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、预算执行\n    基本支出执行率98.00%，项目支出执行率95.00%。\n"
            "| 年初预算数 | 全年预算数 | 全年执行数 | 执行率(%) |\n"
            "| 年度资金总额 | 1,500.00 | 1,600.00 | 1,530.00 | 95.63 |\n"
            "| 基本支出 | 500.00 | 520.00 | 509.60 | 98.00 |\n"
            "| 项目支出 | 1,000.00 | 1,080.00 | 1,026.00 | 95.00 |\n")
    assert [f for f in checked(tmp_path, text).findings if "执行率" in f.message and "支出" in f.message] == []
