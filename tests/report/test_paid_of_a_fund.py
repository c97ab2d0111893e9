"""What was paid of a fund the report named and stated before ("省级资金260.00万元已全部到位"), then its 拨付率 ("其中，
省级资金已拨付221.65万元（1,705户），拨付率64.43%"): paid over that fund (development's 1133: the two funds together
taken as the base)."""
from __future__ import annotations

from reading import checked, said


_PAID = ("青屿县农业农村局2023年农村户厕改造项目绩效自评报告\n"
         "1.资金到位情况。省级资金260.00万元已全部到位；县级配套资金84.00万元全部到位。\n"
         "2.资金拨付情况。全县累计拨付奖补资金301.45万元，占省县两级资金344.00万元的87.63%。其中，省级资金已拨付221.65万元"
         "（1,705户），拨付率{rate}；县级配套资金已拨付79.80万元（1,900户），拨付率95.00%。\n")


def test_a_funds_payment_rate_over_that_fund(tmp_path):
    assert said(checked(tmp_path, _PAID.format(rate="85.25%"))) == []      # 221.65 ÷ 260.00
    slip = checked(tmp_path, _PAID.format(rate="64.43%"))                  # 221.65 ÷ 344.00
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "85.25%" in slip.findings[0].message


def test_a_fund_said_twice_at_other_values_names_no_base(tmp_path):
    twice = _PAID.replace("1.资金到位情况。", "1.资金到位情况。年初计划省级资金300.00万元，")
    assert said(checked(tmp_path, twice.format(rate="64.43%"))) == []
