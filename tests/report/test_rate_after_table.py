"""Procurement and budget rates against amounts said apart from them. A rate said in the first clause after a table of
amounts, of what the table's header names: the 合计 row's spending over its budget — not a bare 预算执行率 (the
department's may be of more than the table lists), not a rate of a moment in the year. A 成交金额 over its 采购预算; a
change on the year's first budget (较年初增加) is no first budget."""
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


# a table of its own rates with a 其中 row under its 合计: a rate after it is of its 合计 only where the words say so
SPENDING = ("某县林业局2024年度部门整体支出绩效自评报告\n表2 2024年支出情况（万元）\n"
            "| 支出项目 | 年初预算 | 全年预算 | 执行数 | 执行率 |\n"
            "| 基本支出 | 1,171.40 | 1,194.75 | 1,187.99 | 99.43% |\n| 项目支出 | 1,758.00 | 2,809.80 | 2,705.18 | 96.28% |\n"
            "| 合计 | 2,929.40 | 4,004.55 | 3,893.17 | 97.22% |\n| 其中：中央和省级转移支付 | — | 2,324.50 | 2,282.93 | 98.21% |\n\n")


@pytest.mark.parametrize("said, found", [
    ("上表合计行反映，全局2024年全年预算执行率为97.22%，基本支出执行较好。", []),
    ("上表合计行反映，全局2024年全年预算执行率为96.28%，基本支出执行较好。", ["STATED_RATE_MISMATCH"]),   # 项目支出's
    ("从上表可以看出，全年预算执行率为96.28%。", ["STATED_RATE_MISMATCH"]),
    ("全年预算执行率为96.28%，基本支出执行较好。", []),    # (no word of the table: the rate may be another row's)
])
def test_a_rate_said_of_the_table_above_by_its_words(tmp_path, said, found):
    """3,893.17 ÷ 4,004.55 = 97.22%: a rate said after "上表…反映/可以看出" is the 合计 row's, though the table has rates
    of its own rows and a 其中 row under its 合计 — a warning, as any stated rate."""
    result = checked(tmp_path, SPENDING + said + "\n")
    assert [f.code for f in result.findings] == found
    assert all(f.severity == "warning" and "97.22%" in f.message for f in result.findings)


@pytest.mark.parametrize("rate, found", [("94.59%", []), ("94.95%", ["STATED_RATE_MISMATCH"])])
def test_a_procurement_rate_of_what_was_bought_said_with_its_budget(tmp_path, rate, found):
    """"采购预算93.10万元，成交金额88.06万元，政府采购执行率…": the 成交金额 is what the budget bought (88.06 ÷ 93.10)."""
    text = ("某县司法局2023年度部门整体支出绩效自评报告\n\n（四）政府采购情况\n"
            f"    全年政府采购预算93.10万元，成交金额88.06万元，政府采购执行率{rate}，节约资金5.04万元。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found


def test_a_change_on_the_years_first_budget_is_no_first_budget(tmp_path):
    """"…调整后预算1,054.06万元，较年初增加120.22万元": 120.22 is the change; the rate (120.22 ÷ 933.84 = 12.87%) is right."""
    text = ("某县司法局2023年度部门整体支出绩效自评报告\n\n（二）预算调整情况\n"
            "    年初预算933.84万元。年中追加人员经费26.34万元，追加办案补贴57.88万元，争取省级补助36.00万元，调整后预算"
            "1,054.06万元，较年初增加120.22万元。按“预算调整率=（调整预算数−年初预算数）÷年初预算数×100%”计算，预算调整率为12.87%。\n")
    assert checked(tmp_path, text).findings == []


ARRIVED = ("某县2023年度高标准农田建设项目支出绩效自评报告\n\n表1 资金来源及执行情况表（单位：万元）\n"
           "| 资金来源 | 计划安排 | 实际到位 | 到位率 | 实际支出 | 执行率 |\n"
           "| 中央资金 | 2,180.00 | 2,180.00 | 100.00% | 2,093.65 | 96.04% |\n"
           "| 县级配套资金 | 620.00 | 496.00 | 80.00% | 458.67 | {rate} |\n")


@pytest.mark.parametrize("rate, found", [("92.47%", []), ("94.27%", ["STATED_RATE_MISMATCH"])])
def test_a_rows_rate_over_what_arrived(tmp_path, rate, found):
    """The 执行率 of the funds in hand, 458.67 ÷ 496.00 = 92.47% (not ÷ the 620.00 planned); 94.27% is off both."""
    assert [f.code for f in checked(tmp_path, ARRIVED.format(rate=rate)).findings] == found


@pytest.mark.parametrize("rate, found", [("96.12%", []), ("94.68%", ["STATED_RATE_MISMATCH"])])
def test_a_rate_in_a_scoring_note_by_its_own_definition(tmp_path, rate, found):
    """"执行率＝实际支出÷实际到位资金，实际支出1,514.82万元，执行率…" in a 评分表's 评分说明, the funds in hand said in the
    report before: 1,514.82 ÷ 1,576.00 = 96.12% (94.68% is over the 1,600.00 planned)."""
    text = ("某县2023年度单村供水站改造项目支出绩效自评报告\n\n二、资金情况\n    项目计划安排资金1,600.00万元，截至2023年底实际到位"
            "1,576.00万元。\n\n三、评分\n| 一级指标 | 三级指标 | 分值 | 评分说明 | 得分 |\n"
            f"| 过程 | 资金执行率 | 10 | 执行率＝实际支出÷实际到位资金，实际支出1,514.82万元，执行率{rate}，得分＝执行率×分值 | 9.61 |\n")
    assert [f.code for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"] == found


@pytest.mark.parametrize("rate, found", [("92.50%", []), ("92.05%", ["STATED_RATE_MISMATCH"])])
def test_a_funds_rate_then_what_of_it_is_left(tmp_path, rate, found):
    """"省级补助资金拨付率…，仍有48.00万元未拨付", the fund said before (640.00): (640.00 − 48.00) ÷ 640.00 = 92.50%."""
    text = ("某县2023年度单村供水站改造项目支出绩效自评报告\n\n二、资金情况\n    省级补助资金640.00万元，县财政已按工程进度拨付至各乡镇。\n\n"
            f"五、存在的问题\n    省级补助资金拨付率{rate}，仍有48.00万元未拨付至乡镇。\n")
    assert [f.code for f in checked(tmp_path, text).findings] == found


def test_a_table_whose_columns_open_with_their_years(tmp_path):
    """"2023年决算数 | 2024年年初预算 | 2024年全年预算 | 2024年实际支出": the latest year's columns read by their words, last
    year's 决算 none of this year's spending (3,893.17 ÷ 4,004.55 = 97.22%, not 3,618.76's)."""
    table = ("某县林业局2024年度部门整体支出绩效自评报告\n"
             "| 项目 | 2023年决算数 | 2024年年初预算 | 2024年全年预算 | 2024年实际支出 | 执行率 |\n"
             "| 基本支出 | 1,130.66 | 1,171.40 | 1,194.75 | 1,187.99 | 99.43% |\n"
             "| 项目支出 | 2,488.10 | 1,758.00 | 2,809.80 | 2,705.18 | 96.28% |\n"
             "| 合计 | 3,618.76 | 2,929.40 | 4,004.55 | 3,893.17 | 97.22% |\n\n"
             "从上表可以看出，全年预算执行率为{rate}。\n")
    assert checked(tmp_path, table.format(rate="97.22%")).findings == []
    found = checked(tmp_path, table.replace("| 2,705.18 | 96.28%", "| 2,705.18 | 96.82%").format(rate="97.22%")).findings
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"] and "96.28%" in found[0].message   # the row's own rate
    found = checked(tmp_path, table.format(rate="96.28%")).findings
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"] and "97.22%" in found[0].message
