"""Reports are typed by people: the same claims written many ways — full-width digits, 元 and
万元, ≥/大于等于/不低于, numbers broken across lines, 其中 lists, tables — each checked at
the precision it is stated to."""
from __future__ import annotations

import pytest

from engine.report.check import check
from engine.report.checkfile import check_file
from engine.report.claims import read_facts
from engine.report.text import read_report


def checked(tmp_path, text: str, rule_set: str | None = None):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return check(read_facts(read_report(path)), rule_set)


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


EXEC = "2023年我部门全年预算数为{budget}，全年实际支出资金{spend}，预算执行率为{rate}。"


@pytest.mark.parametrize("budget, spend, rate, wrong", [
    ("951.76万元", "919.76万元", "96.64%", False),
    ("９５１．７６万元", "９１９．７６万元", "９６．６４％", False),          # full-width
    ("９５１．７６万元", "９１９．７６万元", "９９．６４％", True),
    ("9,517,600.00元", "9,197,600.00元", "96.64%", False),              # 元, not 万元
    ("9，517，600元", "9，197，600元", "96.6%", False),
    ("564.36 万元", "564.31 万元", "100%", False),                      # right at 0 decimals
    ("564.36 万元", "564.31 万元", "100.00%", True),                    # not at 2
    ("564.36 万元", "564.31 万元", "99.99%", False),
    ("4,978.49 万元", "4,637.81 万元", "93.16%", False),
    ("4,978.49 万元", "4,637.81 万元", "93.2%", False),
    ("4,978.49 万元", "4,637.81 万元", "93.15%", True),
])
def test_stated_execution_rate(tmp_path, budget, spend, rate, wrong):
    result = checked(tmp_path, EXEC.format(budget=budget, spend=spend, rate=rate))
    assert codes(result) == (["STATED_RATE_MISMATCH"] if wrong else []), result.findings
    assert result.facts.keyed_rates()["exec_rate"] is not None


def test_a_number_broken_across_lines_is_joined(tmp_path):
    text = ("2023年我部门全年预算数为 951.76 万元，全年实际支出资金 919.\n"
            "76 万元，预算执行率为 99.64%。\n")
    result = checked(tmp_path, text)
    assert result.facts.amount(result.facts.keyed_amounts()["spend_total"]) == 919.76
    assert codes(result) == ["STATED_RATE_MISMATCH"]
    assert result.findings[0].where == "第2行"          # where the rate is written


def test_a_sentence_across_blank_lines_as_a_pdf_copy_leaves_it(tmp_path):
    text = ("2023 年专项项目年初预算 28.2 万元，全年预算总投入\n\n"
            "213.18 万元，全年实际支出 181.18 万元，资金执行率 85%。\n")
    result = checked(tmp_path, text)
    assert codes(result) == []                 # 181.18 / 213.18 = 84.99% = 85% at 0 decimals
    assert result.facts.keyed_rates()["project_exec_rate"].value == 85


@pytest.mark.parametrize("whole, wrong", [("13,816.95", False), ("13,816.94", False), ("13,826.95", True)])
def test_parts_within_their_rounding(tmp_path, whole, wrong):
    text = f"2024年全年支出 {whole} 万元，其中：基本支出 983.40 万元，项目支出 12,833.54 万元。"
    assert codes(checked(tmp_path, text)) == (["SUM_MISMATCH"] if wrong else [])


def test_parts_by_source_after_the_whole_in_the_sentence_before(tmp_path):
    text = "全年实际支出资金919.76万元，预算执行率为96.64%。其中：上级安排0万元，本级安排919.19万元，其他资金0.75万元。"
    result = checked(tmp_path, text)
    assert codes(result) == ["SUM_MISMATCH"] and "920.01" not in result.findings[0].message
    assert "919.94" in result.findings[0].message


def test_parts_of_different_measures_add_up_each_to_its_own_whole(tmp_path):
    ok = ("2023 年“三公”经费预算数为 20.00 万元，实际支出 15.00 万元，“三公”经费控制率为 75%。其中：公务接待费预算 5 万元，"
          "实际支出 4 万元；公务用车运行维护费预算 15 万元，实际支出 11 万元。")
    assert codes(checked(tmp_path, ok)) == []
    wrong = ok.replace("实际支出 11 万元", "实际支出 12 万元")
    assert codes(checked(tmp_path, wrong)) == ["SUM_MISMATCH"]


def test_statements_that_are_not_parts_are_not_summed(tmp_path):
    text = ("我单位预算数(调整后)为 564.36 万元，执行数为 564.31 万元，预算执行率 99.99%，其中:财政资金预算部分年初预算数为 "
            "492.71 万元，全年预算数为 565.20 万元（含历年结余），决算数为 563.41 万元。")
    assert codes(checked(tmp_path, text)) == []


@pytest.mark.parametrize("adjust, total, wrong", [
    ("年中调整数 176.31 万元", "调整后全年预算数 951.76 万元", False),
    ("年中调整数 176.31 万元", "调整后全年预算数 951.67 万元", True),
    ("年中调减 100.00 万元", "调整后全年预算数 675.45 万元", False),
    ("年中追加 100.00 万元，追减 20.00 万元", "调整后全年预算数 855.45 万元", False),
    ("年中追加 100.00 万元，追减 20.00 万元", "调整后全年预算数 895.45 万元", True),
])
def test_initial_plus_adjustment_is_the_adjusted_budget(tmp_path, adjust, total, wrong):
    text = f"我部门年初批复预算数 775.45 万元，{adjust}，{total}。"
    assert codes(checked(tmp_path, text)) == (["SUM_MISMATCH"] if wrong else [])


@pytest.mark.parametrize("direction", ["≥", ">=", "大于等于", "不低于", "不少于"])
def test_an_exceeded_target_stated_as_100_percent_is_the_capped_convention(tmp_path, direction):
    text = f"指标①：召开会议次数，指标值：{direction} 20 次，自评完成值：34 次，指标完成率 100%。"
    result = checked(tmp_path, text)
    assert result.facts.indicators[0].direction == ">="
    assert codes(result) == []


@pytest.mark.parametrize("direction", ["≤", "<=", "小于等于", "不超过", "不高于"])
def test_a_ceiling_exceeded_is_not_complete(tmp_path, direction):
    text = f"指标②：公用经费支出，指标值：{direction} 100 万元，自评完成值：120 万元，指标完成率 100%，权重 10 分，自评得分 10 分。"
    result = checked(tmp_path, text)
    assert result.facts.indicators[0].direction == "<="
    assert codes(result) == ["COMPLETION_MISMATCH", "SCORE_MISMATCH"]
    assert "83.33%" in result.findings[0].message        # 100 / 120


def test_a_trailing_direction_word(tmp_path):
    text = "群众满意度：该指标预期指标值为 95%以上，本次评价完成值为 90%，完成率 94.74%，该指标权重分值为 10 分，自评得分 9.47 分。"
    result = checked(tmp_path, text)
    assert result.facts.indicators[0].direction == ">="
    assert codes(result) == []


def test_self_score_against_weight_and_completion(tmp_path):
    text = "群众满意度：该指标预期指标值大于等于 95%，本次评价完成值为 90%，完成率 94.74%。该指标权重分值为 10 分，自评得分 10 分。"
    result = checked(tmp_path, text)
    assert codes(result) == ["SCORE_MISMATCH"] and "9.47" in result.findings[0].message


def test_completion_and_deviation_stated_wrong(tmp_path):
    text = "指标③：办结数量，指标值：≥ 150 件，自评完成值：284 件，指标完成率 150%。偏差率 0%，偏差原因：无。"
    result = checked(tmp_path, text)
    assert codes(result) == ["COMPLETION_MISMATCH", "DEVIATION_MISMATCH"]
    assert "189.33%" in result.findings[0].message and "89.33%" in result.findings[1].message


def test_qualitative_indicator_score(tmp_path):
    text = "制度建设：该指标为定性指标，评价档次为“达成年度指标”，评价系数 90%。该指标权重分值为 10 分，自评得分 10 分。"
    result = checked(tmp_path, text)
    ind = result.facts.indicators[0]
    assert (ind.direction, ind.tier, ind.coefficient.value) == ("定性", "达成年度指标", 90)
    assert codes(result) == ["SCORE_MISMATCH"]


@pytest.mark.parametrize("sentence, grade_ok", [
    ("2024 年度部门整体支出绩效自评综合得分 85 分，评价结果为“良”。", True),
    ("2024 年度部门整体支出绩效自评综合得分 85 分，评价结果为“优”。", False),
    ("自评得分 92.5 分，整体绩效评价为优秀。", True),
    ("自评综合得分为 59.99 分，评价等级：中。", False),
])
def test_grade_against_total(tmp_path, sentence, grade_ok):
    assert codes(checked(tmp_path, sentence)) == ([] if grade_ok else ["GRADE_MISMATCH"])


def test_total_against_stated_items_and_recomputed(tmp_path):
    text = ("我单位全年预算金额为 564.36 万元，执行金额为 564.31 万元，执行率为 99.99%，得 10 分。\n"
            "指标一：该指标预期指标值等于 100%，本次评价完成值为 100%，完成率 100%。该指标权重分值为 40 分，自评得分 40 分。\n"
            "指标二：该指标预期指标值大于等于 95%，本次评价完成值为 100%，完成率 105.26%。该指标权重分值为 50 分，自评得分 50 分。\n"
            "四、评价结论\n2024 年度部门整体支出绩效自评综合得分 99 分，评价结果为“优”。\n")
    result = checked(tmp_path, text)
    assert result.rule_set == "dept-simple"             # 10 + indicators weighing 90
    assert result.computed_total == 100 and result.stated_total == 99
    assert codes(result) == ["TOTAL_MISMATCH", "TOTAL_MISMATCH"]   # against the items, against the recomputation


def test_docx_paragraphs_and_tables_are_read(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("全年预算数为 951.76 万元，全年实际支出资金 919.76 万元，预算执行率为 96.64%。")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("一级指标", "二级指标", "三级指标", "分值", "得分")):
        cell.text = text
    for values in (("预算执行", "预算执行情况", "预算执行率", "10", "9.66"), ("履职效能", "个性指标", "部门个性绩效指标", "90", "90"),
                   ("合计", "", "", "100", "99.66")):
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    document.add_paragraph("四、评价结论")
    document.add_paragraph("自评综合得分 99.00 分，评价结果为“优”。")
    path = tmp_path / "report.docx"
    document.save(path)
    result = check(read_facts(read_report(path)))
    assert result.rule_set == "dept-simple"
    assert [(i.row_id, i.score.value) for i in result.facts.items] == [("budget_execution", 9.66), ("indicators", 90)]
    assert codes(result) == ["TOTAL_MISMATCH"]          # 9.66 + 90 is not 99
    assert result.findings[0].where == "第3段"
    assert result.facts.where(result.facts.items[0].score.start) == "表1"


OTHER_LAYOUT = """XX县财政局2024年度部门整体支出绩效自评报告
一、部门基本情况
（一）部门职能
【略】
（二）年度预算及执行情况
2024年度部门预算总额为3,500.00万元，其中：基本支出2,100.00万元，项目支出1,400.00万元。全年实际支出3,325.00万元，预算执行率为95.00%。
三、绩效指标完成情况
1.产出指标
（1）数量指标：培训人次，年度指标值≥500人次，实际完成520人次，完成率104%，权重10分，得10分。
（2）质量指标：验收合格率，年度指标值≥95%，实际完成98%，完成率103.16%，权重10分，得10分。
（3）时效指标：资金拨付及时率，年度指标值=100%，实际完成100%，完成率100%，权重10分，得10分。
（4）成本指标：人均培训成本，年度指标值≤800元，实际完成760元，完成率100%，权重10分，得10分。
四、评价结论
综合评价得分95.5分，评价等级为“优”。
"""


def test_a_report_in_another_layout_checks_clean(tmp_path):
    result = checked(tmp_path, OTHER_LAYOUT)
    assert codes(result) == [], result.findings
    assert [(i.name, i.direction, i.target.value, i.actual.value, i.self_score.value)
            for i in result.facts.indicators] == [("培训人次", ">=", 500, 520, 10), ("验收合格率", ">=", 95, 98, 10),
                                                  ("资金拨付及时率", "=", 100, 100, 10),
                                                  ("人均培训成本", "<=", 800, 760, 10)]
    assert result.stated_total == 95.5 and result.facts.grade[0] == "优"
    assert result.facts.dept_name == "XX县财政局" and result.facts.fiscal_year == 2024


def test_the_same_report_with_its_slips(tmp_path):
    text = (OTHER_LAYOUT.replace("项目支出1,400.00万元", "项目支出1,410.00万元")
            .replace("实际完成760元", "实际完成860元").replace("评价等级为“优”", "评价等级为“良”"))
    assert codes(checked(tmp_path, text)) == ["SUM_MISMATCH", "COMPLETION_MISMATCH", "SCORE_MISMATCH",
                                              "GRADE_MISMATCH"]


def test_a_table_of_amounts(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("二、部门整体支出情况")
    rows = [("项目", "全年预算数（万元）", "实际支出（万元）", "执行率"),
            ("基本支出", "738.58", "738.58", "100%"), ("项目支出", "213.18", "181.18", "100%"),
            ("合计", "951.76", "919.76", "96.64%")]
    table = document.add_table(rows=0, cols=4)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    path = tmp_path / "table.docx"
    document.save(path)
    result = check(read_facts(read_report(path)))
    assert codes(result) == ["STATED_RATE_MISMATCH"] and "84.99%" in result.findings[0].message
    assert result.findings[0].where == "表1"
    table.rows[3].cells[1].text = "961.76"          # the 合计 row no longer adds up (nor gives 96.64%)
    document.save(path)
    assert codes(check(read_facts(read_report(path)))) == ["STATED_RATE_MISMATCH", "STATED_RATE_MISMATCH",
                                                           "SUM_MISMATCH"]
    table.rows[2].cells[0].text = "其中：项目支出"      # a part of a row above: the sum is not checked
    document.save(path)
    assert codes(check(read_facts(read_report(path)))) == ["STATED_RATE_MISMATCH", "STATED_RATE_MISMATCH"]


@pytest.mark.parametrize("rule_set, expected_codes", [("dept-simple", ["COMPLETION_MISMATCH", "SCORE_MISMATCH"]),
                                                      ("county-lite", ["COMPLETION_MISMATCH"])])
def test_an_exceeded_ceiling_is_scored_by_the_rule_sets_reverse_method(tmp_path, rule_set, expected_codes):
    """120 against ≤ 100: 83.33% (8.33 of 10) by ratio, 80% (8.00) by deviation — the rule set's
    reverse_method, through the core's own functions (a file path works as --rule-set)."""
    from helpers import ROOT
    path = str(ROOT / "tests" / "rulesets" / "county-lite.toml") if rule_set == "county-lite" else rule_set
    text = "指标②：公用经费支出，指标值：≤ 100 万元，自评完成值：120 万元，指标完成率 100%，权重 10 分，自评得分 8 分。"
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    result = check_file(report, path)
    assert codes(result) == expected_codes, result.findings


def test_an_exceeded_ceiling_by_either_convention_when_no_framework_is_given(tmp_path):
    """With no framework given, 120 against ≤ 100 may be 83.33% (target ÷ actual) or 80% (1 − the
    overshoot): a report stating either is no error; a third figure is."""
    text = "指标②：公用经费支出，指标值：≤ 100 万元，自评完成值：120 万元，指标完成率 80%，权重 10 分，自评得分 8 分。"
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    assert codes(check_file(report)) == []
    report.write_text(text.replace("完成率 80%", "完成率 90%"), encoding="utf-8")
    assert codes(check_file(report)) == ["COMPLETION_MISMATCH"]


@pytest.mark.parametrize("rate, wrong", [("96.15%", False), ("96.51%", True)])
def test_a_rate_said_first_and_its_amounts_after_it(tmp_path, rate, wrong):
    """"执行率为96.51%，即全年支出…占全年预算…的比重": the two amounts after 即 are its operands."""
    text = f"全年预算数1,250.00万元。部门预算执行率为{rate}，即全年实际支出1,201.88万元占全年预算数1,250.00万元的比重。\n"
    found = [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"]
    assert bool(found) == wrong and all(f.severity == "warning" for f in found)


@pytest.mark.parametrize("rate, wrong", [("16.99%", False), ("19.96%", True)])
def test_an_adjustment_rate_is_the_difference_of_the_two_budgets_in_its_sentence(tmp_path, rate, wrong):
    """年初 3,862.40, 追加 812.56 and 调减 156.20 to 4,518.76: the rate is (4,518.76 − 3,862.40) ÷ 3,862.40 =
    16.99% — not the 追加 alone over the 年初 (21.04%)."""
    text = (f"年初预算3,862.40万元，年中追加配套资金812.56万元，调减公用经费156.20万元，全年预算为4,518.76万元，"
            f"预算调整幅度为{rate}。\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"]
    assert bool(found) == wrong


ADJUSTED_APART = ("某县审计局2023年度部门整体支出绩效自评报告\n\n（二）预算调整情况\n"
                  "    2023年年初预算661.09万元。年中追加基本支出21.64万元，追加中介服务费38.50万元，争取省级补助33.21万元。全年调整预算754.44万元，"
                  "较年初增加93.35万元。\n"
                  "    {definition}2023年度我局预算调整率为{rate}。\n")
DEFINED = "预算调整率=（调整预算数−年初预算数）÷年初预算数×100%，"


@pytest.mark.parametrize("rate, found", [("14.12%", []), ("12.37%", ["STATED_RATE_MISMATCH"])])
def test_an_adjustment_rate_defined_so_of_the_budgets_in_the_paragraph_before(tmp_path, rate, found):
    """The report defines the rate as the two budgets' difference over the 年初 and says them in the paragraph before:
    93.35 ÷ 661.09 = 14.12% (12.37% is 93.35 over the 全年: the base turned)."""
    assert codes(checked(tmp_path, ADJUSTED_APART.format(definition=DEFINED, rate=rate))) == found


def test_an_adjustment_rate_not_defined_so_is_not_taken_from_the_paragraph_before(tmp_path):
    """Undefined, the report's own way of measuring it may be another (the additions alone, of the 全年 …)."""
    assert codes(checked(tmp_path, ADJUSTED_APART.format(definition="", rate="12.37%"))) == []


def test_amounts_each_and_an_adjustment_after_a_list_are_no_parts(tmp_path):
    """"…追加…48.00万元，其中A、B各20万元，8个站每站1万元；追加…120.00万元…；调减…35.60万元": the 其中 list is
    amounts each (20 × 2 + 1 × 8 = 48), and the 追加 and 调减 after its ； are the first 追加's siblings."""
    text = ("年初预算1,524.36万元。年中追加免费开放补助资金48.00万元，其中县文化馆、县图书馆各20万元，8个乡镇文化站每站1万元；"
            "追加文物保护专项资金120.00万元，用于修缮；调减节会经费35.60万元。调整后全年预算1,656.76万元。\n")
    assert not [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]


def test_a_carry_over_said_after_a_project_adjustment_is_the_budgets(tmp_path):
    """"…追加…专项…184.60万元，加上年初结转87.75万元，全年预算数1,540.35万元": the 专项 named holds on to the
    carry-over, but it is said between the 年初 and the 全年: 1,268.00 + 184.60 + 87.75 = 1,540.35."""
    text = ("2023年年初预算1,268.00万元，年中追加市级素质提升专项和消防改造资金184.60万元，加上年初结转87.75万元，"
            "全年预算数1,540.35万元。\n")
    assert not [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]


@pytest.mark.parametrize("whole, wrong", [("170.03", False), ("171.03", True)])
def test_parts_listed_first_and_their_whole_after_them(tmp_path, whole, wrong):
    """"A86.40万元、B32.75万元、C41.28万元、D9.60万元，合计…": the 合计 says they are all its parts."""
    text = f"（三）支出构成。巡查管护劳务86.40万元、白蚁防治32.75万元、监测设施维护41.28万元、防汛物资9.60万元，合计{whole}万元。\n"
    found = [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    assert [f.severity for f in found] == (["error"] if wrong else [])


def test_a_total_after_figures_that_are_no_list_is_no_sum(tmp_path):
    """Amounts each ("每户1,500元、每座600元，合计…"), a count between the amounts, or a 其中 before them: no list."""
    text = ("补助标准为每户1,500元、每座600元，合计120.00万元。\n"
            "改造户厕718户补助107.70万元、公厕205座12.30万元，合计125.00万元。\n"
            "全年支出300.00万元，其中设备100.00万元、工程150.00万元，合计260.00万元。\n")
    assert [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH" and f.severity == "error"] == []


COLUMN_TABLE = """二、分村补助情况
| 村名 | 改建户厕（户） | 补助资金（元） |
|---|---|---|
| 柳湾村 | 112 | 192,000 |
| 东岗村 | 96 | 165,000 |
| 西岗村 | 88 | 145,200 |
| 合计 | 296 | {whole} |
"""


@pytest.mark.parametrize("whole, wrong", [("502,200", False), ("520,200", True)])
def test_a_column_of_amounts_against_its_total_row(tmp_path, whole, wrong):
    """A table's column in 元 (its header says so) against the 合计 row at its foot; the count column is no
    amount."""
    found = [f for f in checked(tmp_path, COLUMN_TABLE.format(whole=whole)).findings if f.code == "SUM_MISMATCH"]
    assert [(f.severity, f.where) for f in found] == ([("error", "第7行")] if wrong else [])


def test_a_column_with_a_part_row_or_a_subtotal_is_not_added_up(tmp_path):
    text = COLUMN_TABLE.format(whole="520,200").replace("| 西岗村 |", "| 其中：西岗村 |")
    assert not [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    text = COLUMN_TABLE.format(whole="520,200").replace("| 东岗村 |", "| 小计 |")
    assert not [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]


def test_a_spending_table_whose_total_row_is_named_for_what_it_adds(tmp_path):
    text = ("| 支出内容 | 计划支出数（万元） | 实际支出数（万元） |\n| 培训补助 | 38.00 | 36.42 |\n"
            "| 场地建设 | 180.00 | 171.55 |\n| 设施维护 | 80.00 | 58.50 |\n| 支出合计 | 298.00 | 263.77 |\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    assert [f.where for f in found] == ["第5行"]      # 36.42 + 171.55 + 58.50 = 266.47, not 263.77


@pytest.mark.parametrize("rate, wrong", [("96.65%", False), ("96.85%", True)])
def test_a_rate_whose_budget_was_said_paragraphs_before(tmp_path, rate, wrong):
    """The project's budget said in its own paragraph, the spending and the rate later with a 结余 that is the
    budget less the spending (1,900,000 − 1,836,420 = 63,580): the rate is of that budget."""
    text = ("（一）资金来源。2023年本项目资金共计1,900,000.00元，全部为财政资金。\n\n"
            f"截至2023年12月31日，项目实际支出1,836,420.00元，执行率{rate}，结余63,580.00元收回统筹使用。\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"]
    assert bool(found) == wrong


@pytest.mark.parametrize("rate, wrong", [("87.40%", False), ("87.04%", True)])
def test_the_sangong_spending_against_its_budget_in_the_paragraph_before(tmp_path, rate, wrong):
    text = ("2022年度“三公”经费财政拨款预算为213,300.00元，其中公务用车购置及运行维护费186,000.00元，公务接待费27,300.00元。\n\n"
            f"2022年度“三公”经费财政拨款支出决算为186,420.00元，完成预算的{rate}，较上年减少15,140.00元。\n")
    found = [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"]
    assert bool(found) == wrong


def test_a_sum_off_by_no_slips_shape_is_a_warning(tmp_path):
    """1,000.00 said, its parts 300.00 + 412.77 = 712.77: no slip of the hand gives that — the figures read may
    not be the whole and its parts. A warning that says so, not an error."""
    text = "全年支出1,000.00万元，其中基本支出300.00万元、项目支出412.77万元。\n"
    found = [f for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    assert [f.severity for f in found] == ["warning"] and "不似笔误" in found[0].message
    text = "全年支出1,000.00万元，其中基本支出300.00万元、项目支出700.10万元。\n"
    assert [f.severity for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"] == ["error"]


@pytest.mark.parametrize("rate, wrong", [("96.15%", False), ("96.51%", True)])
def test_a_rate_with_its_two_amounts_in_brackets_after_it(tmp_path, rate, wrong):
    text = f"全年预算数1,250.00万元。部门预算执行率{rate}（全年实际支出1,201.88万元/全年预算数1,250.00万元）。\n"
    found = [f for f in checked(tmp_path, text).findings if f.code == "STATED_RATE_MISMATCH"]
    assert bool(found) == wrong


@pytest.mark.parametrize("total, wrong", [("97.26", False), ("97.62", True)])
def test_a_total_worked_out_in_its_sentence(tmp_path, total, wrong):
    """"自评得分为：9.76＋47.5＋30＋10＝97.26分": the total is the sum, not its first part; written as a slip
    (97.62) it is checked against the items as any total."""
    text = ("四、自评结论\n预算执行率得9.76分；产出指标（分值50分，得47.5分）；效益指标（分值30分，得30分）；满意度指标（分值10分，得10分）。\n"
            f"以上四部分合计，本项目2024年度自评得分为：9.76＋47.5＋30＋10＝{total}分。\n")
    result = checked(tmp_path, text)
    assert result.facts.total.value == float(total)
    assert [f.code for f in result.findings if f.severity == "error"] == (["TOTAL_MISMATCH"] if wrong else [])


@pytest.mark.parametrize("sentence, found", [
    ("全年预算为386.00+120.00=506.00万元。", []),
    ("全年预算为386.00+120.00=560.00万元。", [("SUM_MISMATCH", "error")]),          # two digits swapped
    ("全年预算为386.00+120.00=526.30万元。", [("SUM_MISMATCH", "warning")]),        # no slip's shape
    ("得分=执行率×10=9.76分，合计=9.76+47.5+30+10=97.26分。", []),
])
def test_a_sum_written_out_against_its_parts(tmp_path, sentence, found):
    assert [(f.code, f.severity) for f in checked(tmp_path, sentence + "\n").findings if "SUM" in f.code] == found


def test_a_total_worked_out_from_named_parts(tmp_path):
    """"得分为：投入18.6分+过程17.74分+产出29.90分+效果28.4分=95.64分": the total is the sum (not 18.6, which would
    make a false grade), and the sum said is off its parts by one digit: an error at the total."""
    text = "五、评价结论\n我局部门整体支出绩效评价得分为：投入18.6分+过程17.74分+产出29.90分+效果28.4分=95.64分，评价等级为“优”。\n"
    result = checked(tmp_path, text)
    assert result.facts.total.value == 95.64
    assert [(f.code, f.severity) for f in result.findings] == [("TOTAL_MISMATCH", "error")]


@pytest.mark.parametrize("whole, found", [("96.93", []), ("96.39", [("TOTAL_MISMATCH", "error")])])
def test_scores_listed_then_their_total(tmp_path, whole, found):
    """"经自评，…投入18.49分、过程19.5分、产出39.94分、效益19分，合计96.39分": the 合计 against its parts."""
    text = f"五、自评结论\n经自评，县档案馆2023年度投入18.49分、过程19.5分、产出39.94分、效益19分，合计{whole}分。\n"
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings if f.code != "GRADE_MISMATCH"] == found


def test_a_rate_in_brackets_after_the_spending_said_as_支出数(tmp_path):
    text = "二、预算执行情况\n2023年度全年预算数4,122.96万元，支出数3,795.18万元（执行率93.05%）。\n"
    assert [f.code for f in checked(tmp_path, text).findings] == ["STATED_RATE_MISMATCH"]
    assert checked(tmp_path, text.replace("93.05%", "92.05%")).findings == []


def test_a_list_said_to_make_up_its_whole_and_a_department_total_said_twice(tmp_path):
    """"项目支出412.36万元，由以下四项构成：…元、…元": every part named (413.26 ≠ 412.36: a slip, an error); "部门整体支出
    自评得分93.09分" in the 摘要 is the total, said again as 93.90 in the 评分表 its rows add up to: two digits swapped,
    an error."""
    made_of = ("项目支出412.36万元，由以下四项构成：食品安全抽检经费1,268,400元、特种设备检验经费935,200元、"
               "综合执法经费1,165,000元、计量检定经费764,000元。\n")
    assert [(f.code, f.severity) for f in checked(tmp_path, made_of).findings] == [("SUM_MISMATCH", "error")]
    twice = ("摘要\n经逐项自评，部门整体支出自评得分93.09分，等级为“优秀”。\n"
             "| 一级指标 | 二级指标 | 分值 | 得分 |\n| 决策 | 目标设定 | 20 | 19 |\n| 过程 | 资金管理 | 30 | 28.9 |\n"
             "| 产出 | 任务完成 | 50 | 46 |\n| 合计 | | 100 | 93.90 |\n")
    assert ("TOTAL_MISMATCH", "error") in [(f.code, f.severity) for f in checked(tmp_path, twice).findings]


@pytest.mark.parametrize("taken, score, found", [("1.8", "8.2", []), ("1.6", "8.4", [("SCORE_MISMATCH", "error")])])
def test_a_deduction_said_for_a_shortfall_under_the_reports_rule(tmp_path, taken, score, found):
    """"每低1个百分点扣0.5分" and "完工率91.4%，较目标低3.6个百分点，按评分规则扣1.6分": 3.6 × 0.5 = 1.8."""
    text = ("评分规则：时效、质量类指标未达目标值的，每低1个百分点扣0.5分。\n"
            f"实际完工39.85公里，完工率91.4%，较目标低3.6个百分点，按评分规则扣{taken}分，该项得{score}分（分值10分）。\n")
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings if f.code == "SCORE_MISMATCH"] == found
    counted_up = text.replace("扣0.5分。", "扣0.5分，不足1个百分点的按1个百分点计。")
    assert [f for f in checked(tmp_path, counted_up).findings if "应扣" in f.message] == []   # (by how many: unsaid)


@pytest.mark.parametrize("spent", ["年度支出", "支出总额", "已执行", "支出数", "全年共支出", "全年发放两项补贴"])
def test_more_words_for_the_years_spending(tmp_path, spent):
    text = f"二、预算执行情况\n2023年全年预算2,000.00万元，{spent}1,900.00万元，预算执行率95.00%。\n"
    result = checked(tmp_path, text)
    assert {k: n.value for k, n in result.facts.keyed_amounts().items()}.get("spend_total") == 1900.0
    assert checked(tmp_path, text.replace("95.00%", "59.00%")).findings != []


def test_a_total_said_as_自评得(tmp_path):
    text = "四、自评结论\n本项目自评得96.5分，评价等级为优。\n"
    assert checked(tmp_path, text).facts.total.value == 96.5
    assert [f.code for f in checked(tmp_path, text.replace("96.5分", "86.5分")).findings] == ["GRADE_MISMATCH"]


@pytest.mark.parametrize("said", ["属于“优”等级", "评为优秀等次"])
def test_a_grade_word_before_the_word_for_a_grade(tmp_path, said):
    text = f"四、自评结论\n本项目自评得分96.5分，{said}。\n"
    assert checked(tmp_path, text).facts.grade[0] == "优"
    assert [f.code for f in checked(tmp_path, text.replace("96.5分", "86.5分")).findings] == ["GRADE_MISMATCH"]
    rule = "四、自评结论\n得分90分以上的评为“优”等级。本项目自评得分86.5分。\n"
    assert checked(tmp_path, rule).facts.grade is None      # (a rule's, not the report's)


def test_an_earlier_years_rate_is_not_this_years(tmp_path):
    """"2022年该项目预算执行率为92.36%": last year's, its amounts not said — not the 39.18 and 107.46 of the sentence
    before (this year's mid-year progress, 36.46%)."""
    text = ("某县2023年度食品安全抽检项目支出绩效自评报告\n\n二、资金执行情况\n"
            "    从支出进度看，截至2023年6月30日项目累计支出39.18万元，支出进度为36.46%（按当时可用资金107.46万元计算），"
            "低于序时进度。2022年该项目预算执行率为92.36%，本年度比上年有所提高。\n")
    assert codes(checked(tmp_path, text)) == []


@pytest.mark.parametrize("rate, found", [("93.65%", []), ("96.35%", ["STATED_RATE_MISMATCH"])])
def test_a_staff_rate_said_after_the_staff_then_the_posts(tmp_path, rate, found):
    """"年末在职人员118名，核定编制126名，在职人员控制率…": 118 ÷ 126 = 93.65%."""
    text = f"某县卫健委2023年度部门整体支出绩效自评报告\n\n二、预算管理\n    年末在职人员118名，核定编制126名，在职人员控制率{rate}，人员经费保障到位。\n"
    assert codes(checked(tmp_path, text)) == found


def test_the_years_rate_said_twice_as_its_amounts_give_and_once_otherwise(tmp_path):
    """95.79% (5,792.84 ÷ 6,047.25) said in the results and the table, 94.26% left in the 问题 section: that one is off
    (no slip's shape — an old figure not brought up to date — but the report says the right one twice)."""
    text = ("某县卫健委2023年度部门整体支出绩效自评报告\n\n一、基本情况\n    全年预算6,047.25万元，全年支出5,792.84万元。\n\n"
            "二、绩效情况\n    全年预算执行率95.79%，预算调整率13.70%。\n\n三、评分\n    全年预算执行率95.79%，得9.58分。\n\n"
            "四、存在的问题\n    全年预算执行率{rate}，年中追加的上级补助资金下达较晚。\n")
    assert [f.where for f in checked(tmp_path, text.format(rate="94.26%")).findings if f.code == "STATED_RATE_MISMATCH"] == ["第13行"]
    assert codes(checked(tmp_path, text.format(rate="95.79%"))) == []


@pytest.mark.parametrize("rate, found", [("3.65%", []), ("3.16%", ["STATED_RATE_MISMATCH"])])
def test_a_carry_rate_of_what_was_carried_and_what_was_left_said_apart(tmp_path, rate, found):
    """"年末结转资金356.80万元、结余资金55.46万元，结转结余率…", defined in the 评分表 as （结转+结余）÷全年预算:
    412.26 ÷ 11,286.45 = 3.65% (3.16% is the 结转 alone)."""
    text = ("某县住建局2023年度部门整体支出绩效自评报告\n\n二、预算执行\n"
            f"    全年预算11,286.45万元，支出10,874.19万元。年末结转资金356.80万元、结余资金55.46万元，结转结余率{rate}。\n\n"
            "三、评分\n| 指标 | 分值 | 评分说明 | 得分 |\n| 结转结余率 | 3 | （结转+结余）÷全年预算，≤5%得满分 | 3 |\n")
    assert codes(checked(tmp_path, text)) == found
