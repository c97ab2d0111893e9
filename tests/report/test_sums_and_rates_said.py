"""Sums and rates as reports say them (our own words): a rate after a clause of what arrived, a table's 合计 spent to the
cent, last year's amount then the change's rate, a 到位率 column, an adjustment's 其中 list finished by "另…", the
spending set out by 经济分类, a list that goes on past the whole, points and score with no comma between."""
from __future__ import annotations

from reading import checked

HEAD = "关于2024年度部门整体支出绩效自评的报告\n一、部门预算情况\n"


def _said(result) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.severity, f.where) for f in result.findings)


def test_a_rate_after_a_clause_of_what_arrived_is_of_the_spending_over_it(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n一、资金情况\n    项目资金共计1,524.60万元。\n"
            "    截至2024年12月31日，资金到位1,524.60万元，到位率100%；实际支出1,486.27万元，资金执行率{rate}。\n")
    assert checked(tmp_path, text.format(rate="97.49%")).findings == []
    assert _said(checked(tmp_path, text.format(rate="97.94%"))) == [("STATED_RATE_MISMATCH", "warning", "第4行")]


PROJECTS = HEAD + """    按支出性质分，基本支出3,486.20万元，项目支出4,118.60万元。
二、预算执行
    其中，基本支出3,452.74万元；项目支出3,862.15万元，项目支出执行率{rate}。
| 项目名称 | 全年预算(万元) | 执行数(万元) |
| 市容环境整治 | 1,380.00 | 1,296.55 |
| 环卫保洁服务 | 2,738.60 | 2,565.60 |
| 合计 | 4,118.60 | 3,862.15 |
"""


def test_a_rate_of_what_a_tables_total_row_spent_to_the_cent(tmp_path):
    assert checked(tmp_path, PROJECTS.format(rate="93.77%")).findings == []
    assert _said(checked(tmp_path, PROJECTS.format(rate="90.48%"))) == [("STATED_RATE_MISMATCH", "warning", "第5行")]


def test_last_years_amount_then_the_changes_rate(tmp_path):
    text = (HEAD + "    2024年“三公”经费预算21.60万元，实际支出18.37万元，控制率85.05%；上年“三公”经费支出20.94万元，\n"
            "本年变动率为{rate}，呈下降趋势。\n")
    assert checked(tmp_path, text.format(rate="-12.27%")).findings == []
    assert _said(checked(tmp_path, text.format(rate="-13.99%"))) == [("STATED_RATE_MISMATCH", "warning", "第4行")]


ARRIVED = """资金到位情况表
| 资金来源 | 全年预算 | 到位资金 | 到位率 | 实际支出 |
| 中央资金 | 980.00 | 980.00 | 100.00% | 952.36 |
| 市级资金 | 210.00 | 168.00 | {rate} | 150.82 |
| 合计 | 1,190.00 | 1,148.00 | 96.47% | 1,103.18 |
"""


def test_a_rows_arrival_rate_column(tmp_path):
    assert checked(tmp_path, ARRIVED.format(rate="80.00%")).findings == []
    assert _said(checked(tmp_path, ARRIVED.format(rate="82.86%"))) == [("STATED_RATE_MISMATCH", "warning", "第4行")]


def test_an_adjustment_whose_list_another_amount_finishes(tmp_path):
    text = (HEAD + "    2024年年初预算1,742.60万元。年中追加268.35万元，其中中央和省级就业补助资金182.00万元、县级配套资金54.35万元；"
            "另追加人员调资经费32.00万元。调减36.80万元。调整后全年预算{total}万元。\n")
    # 1,742.60 + 268.35 − 36.80: the 32.00 is the 268.35's last part (182.00 + 54.35 + 32.00), not another 追加
    assert checked(tmp_path, text.format(total="1,974.15")).findings == []


def test_the_spending_set_out_by_its_economic_kinds(tmp_path):
    text = (HEAD + "    2024年度支出合计1,931.92万元，预算执行率97.86%。\n"
            "    按经济分类，工资福利支出1,286.45万元，商品和服务支出{goods}万元，对个人和家庭的补助312.80万元，资本性支出46.20万元。\n")
    assert checked(tmp_path, text.format(goods="286.47")).findings == []
    assert _said(checked(tmp_path, text.format(goods="268.47"))) == [("SUM_MISMATCH", "warning", "第4行")]
    partial = text.format(goods="268.47").replace("资本性支出46.20万元", "资本性支出46.20万元等")
    assert checked(tmp_path, partial).findings == []


def test_a_list_that_goes_on_past_the_whole_is_no_other_reading(tmp_path):
    text = ("关于2024年度项目支出绩效自评的报告\n一、资金使用\n    全年实际支出408.62万元。其中，强制免疫支出331.92万元，"
            "强制扑杀补助17.60万元，无害化处理补助45.98万元；另支付监测经费13.12万元{more}。\n")
    assert checked(tmp_path, text.format(more="")).findings == []
    assert [f.code for f in checked(tmp_path, text.format(more="、村级防疫员劳务补助86.00万元")).findings] == ["SUM_MISMATCH"]


def test_points_and_score_with_no_comma_between(tmp_path):
    text = ("（二）自评得分\n    产出：建设面积10分得10分；新增和改善灌溉面积6分得5.1分；工程质量验收合格率8分得8分。\n")
    items = {i.name: (i.weight.value, i.score.value) for i in checked(tmp_path, text).facts.items}
    assert items == {"建设面积": (10, 10), "新增和改善灌溉面积": (6, 5.1), "工程质量验收合格率": (8, 8)}


def test_a_column_of_people_in_a_table_in_yuan_is_said_as_written(tmp_path):
    text = ("分学校支出情况（单位：元）\n| 学校 | 受益学生 | 补助金额 |\n| 第一小学 | 4,200 | 4,200,000.00 |\n"
            "| 第二小学 | 3,100 | 3,100,000.00 |\n| 第三小学 | 5,180 | 5,180,000.00 |\n| 合计 | 10,584 | 12,480,000.00 |\n")
    said = [f.message for f in checked(tmp_path, text).findings if "受益学生" in f.message]
    assert len(said) == 1 and "12,480" in said[0] and "10,584" in said[0] and "万元" not in said[0].split("：")[0]


# the budget's parts in a 其中 list closed by "；", then its moves and the year's whole
MOVES_AFTER_THE_PARTS = HEAD + ("    2024年年初预算1,426.80万元，其中基本支出742.30万元、项目支出684.50万元；年中追加文化惠民资金134.34万元，"
                                "上年结转资金37.20万元，全年预算1,598.34万元。全年执行1,562.71万元，预算执行率{rate}。\n")


def test_the_years_budget_after_a_list_of_parts_closed_by_a_semicolon_is_the_whole(tmp_path):
    """全年预算1,598.34 is the whole's, not the 项目支出's named in the closed list; the 上年结转 after the list is no
    part of it (1,426.80 + 134.34 + 37.20 = 1,598.34); 1,562.71 ÷ 1,598.34 = 97.77%."""
    right = checked(tmp_path, MOVES_AFTER_THE_PARTS.format(rate="97.77%"))
    assert right.facts.keyed_amounts()["budget_total"].value == 1598.34 and right.findings == []
    assert _said(checked(tmp_path, MOVES_AFTER_THE_PARTS.format(rate="97.87%"))) == [
        ("STATED_RATE_MISMATCH", "warning", "第3行")]   # (its operands in two sentences)
