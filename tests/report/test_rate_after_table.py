"""A rate said in the first clause after a table of amounts, of what the table's header names: the 合计 row's
spending over its budget — not a bare 预算执行率 (the department's may be of more than the table lists), not a rate of a
moment in the year."""
from __future__ import annotations

import pytest

from reading import checked

TABLE = {
    "spaces": ("采购类别                    采购预算          实际采购金额\n"
               "货物（办公设备）            520,000.00        508,300.00\n"
               "服务（物业管理）            310,000.00        306,500.00\n"
               "工程（办公楼维修）          170,000.00        162,100.00\n"
               "合计                        1,000,000.00      976,900.00\n"),
    "pipes": ("| 采购类别 | 采购预算 | 实际采购金额 |\n| 货物（办公设备） | 520,000.00 | 508,300.00 |\n"
              "| 服务（物业管理） | 310,000.00 | 306,500.00 |\n| 工程（办公楼维修） | 170,000.00 | 162,100.00 |\n"
              "| 合计 | 1,000,000.00 | 976,900.00 |\n"),
}


def report(table: str, after: str) -> str:
    return ("某县司法局2023年度部门整体支出绩效自评报告\n\n（三）政府采购情况。2023年政府采购预算及执行情况如下（单位：元）：\n\n"
            f"{table}\n    {after}，采购信息均已按规定公开。\n")


@pytest.mark.parametrize("layout", sorted(TABLE))
def test_the_rate_of_the_tables_total(tmp_path, layout):
    """976,900 ÷ 1,000,000 = 97.69%: "79.69%" is off it (digits swapped), "97.69%" right."""
    found = checked(tmp_path, report(TABLE[layout], "全年政府采购执行率为79.69%")).findings
    assert [(f.severity, f.code) for f in found] == [("warning", "STATED_RATE_MISMATCH")]
    assert "97.69%" in found[0].message
    assert checked(tmp_path, report(TABLE[layout], "全年政府采购执行率为97.69%")).findings == []


@pytest.mark.parametrize("after", ["全年预算执行率为95.12%", "截至9月底政府采购执行率为61.20%"])
def test_a_rate_of_more_than_the_table_or_of_a_moment_is_not_its(tmp_path, after):
    assert checked(tmp_path, report(TABLE["pipes"], after)).findings == []
