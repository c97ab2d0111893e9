"""One budget written twice: a table of the year's receipts and spending in 元, then the 自评表's funds
block in 万元 — the same totals, so the form's 分值 and 得分 are the 预算执行率 item (it was read as two
different budgets, and the item dropped)."""
from __future__ import annotations

from reading import checked, execution

HEAD = "某县交通运输局2023年度部门整体支出绩效自评报告\n一、部门收支情况\n表1 收支情况表（单位：元）\n"
IN_YUAN = """| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| 基本支出 | 13,962,100.00 | 14,107,300.00 | 13,985,070.00 | 99.13% |
| 项目支出 | 12,724,400.00 | 13,000,200.00 | 12,314,100.00 | 94.72% |
| 合计 | 26,686,500.00 | 27,107,500.00 | 26,299,170.00 | 97.02% |
"""
FORM = """附件：
部门整体支出绩效自评表
| 部门名称 | 某县交通运输局 | | | | | |
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | {initial} | 2710.75 | 2629.92 | 10 | 97.02% | 9.70 |
| 其中：当年财政拨款 | 2531.80 | 2562.15 | 2489.63 | — | 97.17% | — |
| 其他资金 | 136.85 | 148.60 | 140.29 | — | 94.41% | — |
"""


def test_the_forms_points_after_a_table_in_yuan_of_the_same_budget(tmp_path):
    result = checked(tmp_path, HEAD + IN_YUAN + FORM.format(initial="2668.65"))
    assert execution(result) == (10, 9.70)
    facts = result.facts
    in_wan = {k: round(facts.amount(n), 2) for k, n in facts.keyed_amounts().items()}
    assert in_wan["budget_total"] == 2710.75 and in_wan["spend_total"] == 2629.92
    assert result.findings == []


def test_a_form_of_another_budget_after_it_is_still_another(tmp_path):
    # (the form's 年初 is not the table's: two budgets, neither taken as the report's whole — as before)
    result = checked(tmp_path, HEAD + IN_YUAN + FORM.format(initial="2568.65"))
    assert not any(i.row_id == "budget_execution" for i in result.facts.items)
