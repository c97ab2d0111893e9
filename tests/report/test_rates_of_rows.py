"""Rates said apart from the figures they are of: each source's 执行率 said together ("中央、省级、县级资金执行率分别为…")
under the table of those sources, and the year's 执行率 said with its spending above the form whose 全年预算数 it is of; a
report that cuts its rates at their places ("第三位起舍去") states them so in its tables too."""
from __future__ import annotations

import pytest

from reading import checked

HEAD = "某县卫生健康局2024年度基本公共卫生服务项目支出绩效自评报告\n"
SOURCES = """表1　资金来源及执行情况（单位：万元）
| 资金来源 | 年初预算 | 调整后预算 | 到位资金 | 实际支出 | 执行率 |
| 中央资金 | 2,950.00 | 3,280.00 | 3,280.00 | 3,226.40 | 98.37% |
| 省级资金 | 880.00 | 984.00 | 984.00 | 984.00 | 100.00% |
| 县级资金 | 657.84 | 657.84 | 560.00 | 518.72 | 78.85% |
| 合计 | 4,487.84 | 4,921.84 | 4,824.00 | 4,729.12 | 96.08% |
截至2024年12月31日，项目实际支出4,729.12万元，预算执行率96.08%。中央、省级、县级资金执行率分别为98.37%、100%、{county}。
"""


def test_a_sources_rate_said_with_the_others_against_its_row(tmp_path):
    # (92.63% is 518.72 ÷ 560.00, what arrived — not its budget)
    found = checked(tmp_path, HEAD + SOURCES.format(county="92.63%")).findings
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"] and "78.85%" in found[0].message


def test_the_sources_rates_as_their_rows_give_them(tmp_path):
    assert checked(tmp_path, HEAD + SOURCES.format(county="78.85%")).findings == []


FORM_BELOW = """一、预算执行
全年预算4,862.37万元（含12月下达的中央水利救灾资金135.35万元）。
二、支出
截至2024年12月31日，全年支出4,555.37万元，预算执行率{rate}。
附件：部门整体支出绩效自评表
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 3,968.20 | 4,862.37 | 4,555.37 | 10 | 93.69% | 9.37 |
"""


@pytest.mark.parametrize("rate, codes", [("96.37%", ["STATED_RATE_MISMATCH"]), ("93.69%", [])])
def test_the_years_rate_said_with_the_forms_own_spending(tmp_path, rate, codes):
    # (96.37% is 4,555.37 ÷ 4,727.02, the budget before December's money)
    assert [f.code for f in checked(tmp_path, HEAD + FORM_BELOW.format(rate=rate)).findings] == codes


def test_a_tables_rate_cut_as_the_report_says_it_cuts_them(tmp_path):
    text = (HEAD + "（说明：本报告及附表中的比率均保留两位小数，第三位起舍去。）\n"
            "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 2,864.35 | 4,250.40 | 4,107.10 | 10 | 96.62% | 9.66 |\n")
    assert [f.code for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"] == []
