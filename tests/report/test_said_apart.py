"""Figures an indicator or a rate is checked by, said a sentence apart (our own words, after county reports): a
numbered paragraph headed by an indicator's name and its points in brackets, its target and achieved in the sentence
after; a 资金到位率 said with what arrived, the year's budget said elsewhere."""
from __future__ import annotations

from reading import checked

HEADED = """某县人社局2024年度部门整体支出绩效自评报告
三、绩效指标完成情况
    1.城镇新增就业人数（分值8分）。年度目标3,800人，全年实际新增3,610人，完成率95.00%，得7.60分。
    2.企业职工养老保险参保人数（分值6分）。年度目标41,000人，全年实际参保41,650人，完成率101.59%，超过目标按100%计，得{score}分。
"""


def _rows(result) -> dict[str, tuple]:
    v = lambda n: None if n is None else n.value     # noqa: E731
    return {i.name: (v(i.target), v(i.actual), v(i.weight), v(i.self_score)) for i in result.facts.indicators}


def test_a_paragraph_headed_by_a_name_and_its_points_gives_the_indicators_figures(tmp_path):
    """Each heading's name with "（分值N分）", its target and achieved in the sentence after: read whole."""
    result = checked(tmp_path, HEADED.format(score="6"))
    assert _rows(result)["企业职工养老保险参保人数"] == (41000, 41650, 6, 6)
    assert result.findings == []


def test_its_score_is_checked_against_them(tmp_path):
    """41,650 of 41,000, over the target: full marks, 6 — not the 5.6 written."""
    found = checked(tmp_path, HEADED.format(score="5.6")).findings
    assert [f.code for f in found] == ["SCORE_MISMATCH"] and "6.00 分" in found[0].message


ARRIVED = """某县水利局2024年度农村供水工程维修养护项目绩效自评报告
一、项目基本情况
本项目全年预算660.00万元，其中中央资金600.00万元、县级资金60.00万元。
二、资金到位情况
截至12月31日，项目资金实际到位645.00万元，资金到位率{rate}。
"""


def test_an_arrival_rate_against_the_budget_said_elsewhere(tmp_path):
    """645.00 ÷ 660.00 = 97.73%, said 97.37% (two digits swapped): a warning that says where the budget came from."""
    assert checked(tmp_path, ARRIVED.format(rate="97.73%")).findings == []
    found = checked(tmp_path, ARRIVED.format(rate="97.37%")).findings
    assert [(f.code, f.severity) for f in found] == [("STATED_RATE_MISMATCH", "warning")] and "97.73%" in found[0].message


RULED_RATE = """某县农业农村局2024年度部门整体支出绩效自评报告
一、评分办法
预算执行率按档计分：95%（含）以上得满分，90%（含）至95%得8分，90%以下不得分。
二、预算执行情况
全年预算1,232.20万元，全年支出1,198.56万元，预算执行率97.27%。
"""


def test_a_rule_of_the_execution_rate_is_not_its_rate(tmp_path):
    """"预算执行率按档计分：95%（含）以上得满分" is a rule: the year's rate is the 97.27% said with its figures."""
    assert checked(tmp_path, RULED_RATE).facts.keyed_rates()["exec_rate"].value == 97.27


def test_the_years_rate_said_as_a_share_of_the_budget(tmp_path):
    """"全年支出…万元，占全年预算…万元的97.44%" and "…，占全年预算的96.30%": the year's 执行率, each."""
    text = "某县教育局2024年度部门整体支出绩效自评报告\n全年预算41,538.25万元。全年支出40,476.57万元，占全年预算41,538.25万元的{rate}。\n"
    assert checked(tmp_path, text.format(rate="97.44%")).facts.keyed_rates()["exec_rate"].value == 97.44
    found = checked(tmp_path, text.format(rate="97.74%")).findings      # (40,476.57 ÷ 41,538.25 = 97.44%)
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"]     # (said once, not as a share again)
    other = "某县林业局2024年度部门整体支出绩效自评报告\n全年实际支出1,398.64万元，占全年预算的96.30%，年末结余53.72万元。\n"
    assert checked(tmp_path, other).facts.keyed_rates()["exec_rate"].value == 96.30


def test_the_years_rate_said_as_what_the_spending_is_of_the_adjusted_budget(tmp_path):
    """"全年支出2,841.96万元，为调整后预算的99.54%" — the budget said a paragraph before and in the form: the year's 执行率,
    checked against it (99.54% is 2,841.96 ÷ 2,855.15, the budget without what was carried over)."""
    text = ("某县人力资源和社会保障局2024年度部门整体支出绩效自评报告\n（二）预算调整。加上上年结转131.25万元，调整后预算2,986.40万元。\n"
            "（三）预算执行。2024年全年支出2,841.96万元，为调整后预算的{rate}。\n"
            "附件：部门整体支出绩效自评表\n| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 2,706.80 | 2,986.40 | 2,841.96 | 10 | 95.16% | 9.52 |\n")
    assert checked(tmp_path, text.format(rate="95.16%")).findings == []
    found = checked(tmp_path, text.format(rate="99.54%")).findings
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"] and "95.16%" in found[0].message
