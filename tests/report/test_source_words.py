"""The source words a rate check passes a source's sentence by are the ones written for it: rate_checks had two
patterns of one name, the second (the arrival checks') silently replacing the first, so "单位资金", "其他资金" and
"其中" no longer marked a source's sentence."""
from __future__ import annotations

from reading import checked, said

_REPORT = ("某县农业农村局2023年度项目支出绩效自评报告\n一、资金情况\n"
           "项目全年预算300.00万元，全年支出285.00万元。\n"
           "{source}全年预算50.00万元，执行42.00万元。项目整体执行率95.00%。\n")


def test_the_wholes_rate_after_a_sources_sentence_is_not_that_sources(tmp_path):
    for source in ("单位资金", "其他资金", "县级配套资金"):
        assert said(checked(tmp_path, _REPORT.format(source=source))) == [], source


def test_the_wholes_rate_held_to_the_wholes_amounts(tmp_path):
    slip = checked(tmp_path, _REPORT.format(source="单位资金").replace("执行率95.00%", "执行率93.00%"))
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "95.00%" in slip.findings[0].message
