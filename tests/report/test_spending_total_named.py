"""A share "占总支出的…" said of a part of the year's spending, the report having named that whole its 支出合计 (or
支出总额): the part over that amount — not left unchecked because the words differ (development round 95's 1656, a
part's share taken over the 全年预算)."""
from __future__ import annotations

import pytest

from reading import checked, said


_SPENDING = ("青川县审计局2024年度部门整体支出绩效自评报告\n（一）预算情况。全年预算数2,538.67万元。\n"
             "（二）支出情况。2024年度{whole}2,479.44万元，其中：基本支出1,851.36万元（人员经费1,650.62万元、公用经费"
             "200.74万元），占总支出的74.67%；项目支出628.08万元，占总支出的{share}。\n")


@pytest.mark.parametrize("whole", ["支出合计", "支出总额", "总支出"])
def test_a_parts_share_of_the_spending_is_over_the_spending_said(tmp_path, whole):
    assert said(checked(tmp_path, _SPENDING.format(whole=whole, share="25.33%"))) == []   # 628.08 ÷ 2,479.44
    slip = checked(tmp_path, _SPENDING.format(whole=whole, share="24.74%"))              # 628.08 ÷ 2,538.67: the budget
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "25.33%" in slip.findings[0].message


def test_a_share_of_a_spending_named_otherwise_is_not_guessed(tmp_path):
    # (the year's spending not said by any of those words: no base, no finding)
    assert said(checked(tmp_path, _SPENDING.format(whole="实际使用资金", share="24.74%"))) == []
