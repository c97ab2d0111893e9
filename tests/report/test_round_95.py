"""What development round 95 taught (our own words): a 其中 list of the sources that arrived ends where what was spent
of them is said ("…其中中央1,200.00万元、省级800.00万元、区级660.00万元，已支出2,516.72万元，结余123.28万元"); the
execution rates said after each source's spending ("其中：财政资金支出…，执行率97.01%；专户资金支出…，执行率91.70%")
are not held to the one scope the first of them names."""
from __future__ import annotations

from reading import checked, said as _said


_ARRIVED = ("关于2024年度项目支出绩效自评的报告\n（四）项目资金管理情况：截至年底到位资金2,640.00万元，其中中央1,200.00万元、"
            "省级800.00万元、区级{county}万元，已支出2,516.72万元，结余123.28万元待工程结算审核后支付。\n")


def test_a_list_of_sources_ends_where_their_spending_is_said(tmp_path):
    assert _said(checked(tmp_path, _ARRIVED.format(county="640.00"))) == []      # 1,200 + 800 + 640 = 2,640
    said = checked(tmp_path, _ARRIVED.format(county="660.00"))                    # 2,660.00: the 区级 part's slip
    assert _said(said) == [("SUM_MISMATCH", "error")] and "2,660.00" in said.findings[0].message


_SOURCES = ("关于2024年度部门整体支出绩效自评的报告\n（一）预算情况。资金总额年初预算数4,286.50万元，资金总额全年预算数"
            "5,132.84万元；其中：财政资金年初预算数3,948.50万元，全年预算数4,752.64万元；专户资金年初预算数186.00万元，"
            "全年预算数214.20万元；单位资金年初预算数152.00万元，全年预算数166.00万元。\n"
            "（二）预算执行率。截至2024年12月31日，已支出4,967.50万元，预算执行率为96.78%。其中：财政资金支出4,610.38万元，"
            "执行率97.01%；专户资金支出196.42万元，执行率91.70%；单位资金支出160.70万元，执行率96.81%。\n")


def test_each_sources_rate_is_not_held_to_the_first_sources_budget(tmp_path):
    # 196.42 ÷ 214.20 = 91.70%, 160.70 ÷ 166.00 = 96.81%: not 196.42 ÷ 4,752.64
    assert _said(checked(tmp_path, _SOURCES)) == []
