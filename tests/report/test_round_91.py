"""What development round 91 taught (our own words): a header of two `|` rows whose lower row names what the upper's
merged cell spans (绩效指标 over 一级 | 二级 | 三级指标) is one header of two rows, not a header broken at a cell's edge;
a column of rates every row states as one ratio of two columns holds its 合计 row to that ratio (not the rows' average);
a form one cell a line whose 指标得分合计 row comes before its 加分项 and 综合得分 is read whole, the 合计 the rows' sum;
a 合计 standing first adds up the rows numbered 一、二、; another table's header
of words ends a funds form; a completion table's row and the 自评表's row of one indicator are one; a count's 合计 column
(合计户数) holds its row's parts."""
from __future__ import annotations

from reading import checked, said as _said


_TWO_ROW_HEADER = ("关于2024年度部门整体支出绩效自评的报告\n三、绩效指标完成情况\n"
                   "| 绩效指标 |  |  | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
                   "| 一级指标 | 二级指标 | 三级指标 |  |  |  |  |  |\n"
                   "| 产出指标 | 数量指标 | 新建公厕数量 | ≥20座 | 22座 | 10 | 10 |  |\n"
                   "|  | 质量指标 | 验收合格率 | ≥95% | 90% | 10 | {score} | 两座返工 |\n"
                   "| 效益指标 | 社会效益指标 | 群众如厕条件改善 | 明显改善 | 明显改善 | 10 | 10 |  |\n")


def test_a_header_of_two_pipe_rows_names_each_row_by_its_third_level(tmp_path):
    result = checked(tmp_path, _TWO_ROW_HEADER.format(score="9.47"))     # 90 ÷ 95 × 10 = 9.47
    assert [i.name for i in result.facts.indicators] == ["新建公厕数量", "验收合格率", "群众如厕条件改善"]
    assert _said(result) == []
    assert [(i.target.value, i.actual.value, i.weight.value) for i in result.facts.indicators[:2]] \
        == [(20, 22, 10), (95, 90, 10)]
    # (a score off its row's own arithmetic is still said — as a warning: the row may have a rule of its own)
    assert ("SCORE_MISMATCH", "warning") in _said(checked(tmp_path, _TWO_ROW_HEADER.format(score="9.80")))


_TOWNS = ("关于2024年度项目支出绩效自评的报告\n三、分乡镇完成情况\n"
          "| 乡镇 | 任务面积（亩） | 核验合格面积（亩） | 完成率（%） |\n"
          "| 东坪镇 | 12,000 | 12,456 | 103.80 |\n"
          "| 西岭乡 | 8,000 | 7,412 | 92.65 |\n"
          "| 南湾镇 | 20,000 | 20,318 | 101.59 |\n"
          "| 北沟乡 | 10,000 | 9,301 | 93.01 |\n"
          "| 合计 | 50,000 | 49,487 | {rate} |\n")


def test_a_total_rate_that_averages_its_rows_is_said(tmp_path):
    assert _said(checked(tmp_path, _TOWNS.format(rate="98.97"))) == []        # 49,487 ÷ 50,000
    # (103.80 + 92.65 + 101.59 + 93.01) ÷ 4 = 97.76: the towns' rates averaged, their areas unequal
    said = checked(tmp_path, _TOWNS.format(rate="97.76"))
    assert _said(said) == [("STATED_RATE_MISMATCH", "warning")]
    assert "98.97%" in said.findings[0].message and "第8行" in said.findings[0].where


def test_a_total_rate_the_report_calls_an_average_is_not_said(tmp_path):
    text = _TOWNS.format(rate="97.76") + "注：合计行完成率为各乡镇完成率的算术平均。\n"
    assert _said(checked(tmp_path, text)) == []


def test_rates_of_whole_percents_give_no_rule_of_the_column(tmp_path):
    whole = _TOWNS.replace("103.80", "104").replace("92.65", "93").replace("101.59", "102").replace("93.01", "93")
    assert _said(checked(tmp_path, whole.format(rate="98"))) == [] and _said(checked(tmp_path, whole.format(rate="95"))) == []


def test_the_one_row_whose_rate_was_not_updated_is_said(tmp_path):
    # 西岭乡's rate left at its first payment's 7,012 ÷ 8,000 = 87.65 after its figures became 7,412
    said = checked(tmp_path, _TOWNS.replace("92.65", "87.65").format(rate="98.97"))
    assert _said(said) == [("STATED_RATE_MISMATCH", "warning")]
    assert "第5行" in said.findings[0].where and "7,412÷8,000 应为 92.65%" in said.findings[0].message
    # (a row's rate capped at 100% is the report's rule, not a slip)
    capped = _TOWNS.replace("103.80", "100.00").replace("101.59", "100.00")
    assert _said(checked(tmp_path, capped.format(rate="98.97"))) == []


def _cell_lines(*rows: tuple) -> str:
    """A form copied one cell a line, an empty cell a blank line."""
    return "\n".join(cell for row in rows for cell in row) + "\n"


_FORM = ("关于2024年度部门整体支出绩效自评的报告\n五、评分情况\n"
         "    指标得分合计{rows}分，获评全市先进集体加2分，综合得分{total}分，等级为优。\n附件\n"
         + _cell_lines(("一级指标", "二级指标", "三级指标", "分值", "指标值", "实际完成值", "得分"),
                       ("决策", "目标设定", "绩效目标合理性", "10", "合理", "合理", "10"),
                       ("", "", "绩效指标明确性", "10", "明确", "基本明确", "8"),
                       ("过程", "预算执行", "预算执行率", "20", "100%", "96.00%", "19.20"),
                       ("产出", "数量指标", "巡查河道里程", "30", "≥500公里", "520公里", "30"),
                       ("效益", "满意度", "群众满意度", "30", "≥90%", "93%", "30"),
                       ("指标得分合计", "", "", "100", "", "", "{rows}"),
                       ("加分项", "", "", "", "", "", "2.00"),
                       ("综合得分", "", "", "", "", "", "{total}")))


def test_a_form_one_cell_a_line_with_points_added_under_its_total(tmp_path):
    result = checked(tmp_path, _FORM.format(rows="97.20", total="99.20"))
    assert [i.name for i in result.facts.indicators] == ["绩效目标合理性", "绩效指标明确性", "预算执行率", "巡查河道里程", "群众满意度"]
    assert [i.self_score.value for i in result.facts.indicators] == [10, 8, 19.2, 30, 30]
    assert result.facts.total.value == 99.2 and _said(result) == []
    # (the 合计 row off its rows is said)
    assert "TOTAL_MISMATCH" in [c for c, _ in _said(checked(tmp_path, _FORM.format(rows="98.20", total="100.20")))]


_HEAD_TOTAL = ("关于2024年度部门整体支出绩效自评的报告\n二、预算执行\n表2　支出执行情况（按支出性质）　单位：万元\n"
               "| 支出项目 | 年初预算 | 全年预算 | 执行数 | 执行率（%） |\n"
               "| 合计 | 1,800.00 | 2,000.00 | {spent} | 96.00 |\n"
               "| 一、基本支出 | 800.00 | 820.00 | 812.00 | 99.02 |\n"
               "| 其中：人员经费 | 700.00 | 710.00 | 706.00 | 99.44 |\n"
               "| 　　　公用经费 | 100.00 | 110.00 | 106.00 | 96.36 |\n"
               "| 二、项目支出 | 1,000.00 | 1,180.00 | 1,108.00 | 93.90 |\n"
               "| 其中：业务工作经费 | 600.00 | 700.00 | 660.00 | 94.29 |\n"
               "| 　　　设备购置 | 400.00 | 480.00 | 448.00 | 93.33 |\n")


def test_a_total_standing_first_adds_up_the_rows_numbered_under_it(tmp_path):
    assert _said(checked(tmp_path, _HEAD_TOTAL.format(spent="1,920.00"))) == []      # 812 + 1,108
    said = checked(tmp_path, _HEAD_TOTAL.format(spent="1,902.00"))                   # its digits turned about
    assert _said(said) == [("SUM_MISMATCH", "error")] and "1,920.00" in said.findings[0].message


def test_another_tables_header_of_words_ends_a_funds_form(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n二、预算执行\n"
            "资金来源\t年初预算\t全年预算\t执行数\t执行率(%)\n"
            "合计\t1,000.00\t1,100.00\t1,045.00\t95.00\n"
            "其中：一般公共预算\t900.00\t1,000.00\t950.00\t95.00\n"
            "　　　其他资金\t100.00\t100.00\t95.00\t95.00\n"
            "“三公”经费支出情况如下。\n"
            "项目\t预算数\t决算数\t完成预算\t上年决算数\t增减率\n"
            "\t\t\t（%）\t\t（%）\n"
            "合计\t20.00\t16.00\t80.00\t18.00\t-11.11\n"
            "公务接待费\t5.00\t4.00\t80.00\t5.00\t-20.00\n"
            "公务用车购置及运行维护费\t15.00\t12.00\t80.00\t13.00\t-7.69\n"
            "其中：公务用车运行维护费\t15.00\t12.00\t80.00\t13.00\t-7.69\n")
    assert _said(checked(tmp_path, text)) == []


def test_a_completion_table_and_the_scored_form_give_one_indicator(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n一、绩效目标完成情况表\n"
            "| 指标名称 | 年度目标 | 全年完成值 | 完成率（%） |\n"
            "| 河道保洁里程 | ≥120公里 | 126公里 | 105.00% |\n"
            "| 水质达标率 | ≥90% | 93% | 103.33% |\n"
            "二、部门整体支出绩效自评表\n"
            "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 河道保洁里程 | 20 | ≥120公里 | 126公里 | 20 |\n"
            "| 效益指标 | 生态效益 | 水质达标率 | 20 | ≥90% | 93% | 20 |\n")
    result = checked(tmp_path, text)
    assert [(i.name, i.weight.value, i.completion.value) for i in result.facts.indicators] \
        == [("河道保洁里程", 20, 105), ("水质达标率", 20, 103.33)]
    assert _said(result) == []


_HOUSEHOLDS = ("关于2024年度项目支出绩效自评的报告\n三、各镇补贴发放情况\n"
               "| 镇 | 煤改电户数 | 煤改气户数 | 合计户数 | 应发补贴（元） |\n"
               "| 东镇 | 1,200 | 300 | 1,500 | 1,800,000.00 |\n"
               "| 西镇 | 2,846 | 1,372 | {west} | 5,061,600.00 |\n"
               "| 南镇 | 900 | 600 | 1,500 | 1,800,000.00 |\n"
               "| 合计 | 4,946 | 2,272 | 7,218 | 8,661,600.00 |\n")


def test_a_row_off_its_count_total_is_said_at_the_row_not_at_the_columns_foot(tmp_path):
    assert _said(checked(tmp_path, _HOUSEHOLDS.format(west="4,218"))) == []
    said = checked(tmp_path, _HOUSEHOLDS.format(west="4,128"))          # "2" and "1" turned about
    assert _said(said) == [("SUM_MISMATCH", "error")]
    assert "第5行" in said.findings[0].where and "2,846 + 1,372 = 4,218" in said.findings[0].message


_TAKEN_OFF = ("关于2024年度部门整体支出绩效自评的报告\n附件：自评表\n"
              "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差原因 |\n"
              "| 产出 | 数量指标 | 家庭医生签约人数 | 50 | ≥8,000人 | 8,120人 | 50 |  |\n"
              "| 效益 | 社会效益 | 群众满意度 | 50 | ≥90% | 88% | 48.89 | 个别投诉 |\n"
              "| 指标得分合计 |  |  | 100 |  |  | 98.89 |  |\n"
              "| 扣分项 | 审计指出问题2个 |  |  |  |  | -1 | 每个扣0.5分 |\n"
              "| 自评总分 |  |  |  |  |  | {total} |  |\n")


def test_points_taken_off_under_the_total_are_its_score_cells_not_the_rule_beside_it(tmp_path):
    assert _said(checked(tmp_path, _TAKEN_OFF.format(total="97.89"))) == []     # 98.89 − 1
    assert checked(tmp_path, _TAKEN_OFF.format(total="97.89")).facts.forms.bonus == [-1]


def test_a_row_after_a_closed_row_is_its_own_though_its_first_mark_was_left_out(tmp_path):
    text = ("关于2024年度部门整体支出绩效自评的报告\n附件\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 调解案件数 | ≥300件 | 312件 | 30 | 30 |\n"
            "| 质量指标 | 调解成功率 | ≥95% | 97.6% | 20 | 20 |\n"
            "| 时效指标 | 申请审查时限 | ≤7个工作日 | 5个工作日 | 20 | 20 |\n"
            "效益指标 | 社会效益指标 | 群众法治意识 | 明显提升 | 明显提升 | 30 | 30 |\n")
    result = checked(tmp_path, text)
    assert [i.name for i in result.facts.indicators] == ["调解案件数", "调解成功率", "申请审查时限", "群众法治意识"]
