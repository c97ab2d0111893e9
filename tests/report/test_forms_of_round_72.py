"""Forms as development round 72 brought them, in our own words: a PDF's form one cell a line (a 评分表's rules wrapped
over lines, a name wrapped in its cell, a column's letter under its header word, a 其中 row that left its empty cells
out, blank lines for empty cells); the provinces' columns (上年实际 | 本年目标 | 本年实际, 年初指标值 | 全年指标值, a
年度指标值 over 年初 | 调整后, 预算数 | 执行数 | 完成率); a 自评总分 field beside another on a form's line; a title under a
portal's header of fields."""
from __future__ import annotations

from reading import amounts, checked, error_codes, execution, indicator_values


def lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


RULES_WRAPPED = lines(
    "附件", "某县卫生健康局2024年度部门整体支出绩效评价评分表",
    "一级指标", "二级指标", "三级指标", "分值", "评分标准", "自评得分",
    "投入", "（20分）", "预算编制", "绩效目标合理性", "10", "与部门职能和年度工作任务相符得10", "分，每有1项不符扣2分", "10",
    "绩效指标明确性", "10", "指标细化、量化得10分，每有1项", "未量化扣0.5分", "9.5",
    "过程", "（30分）", "预算执行", "预算执行率", "15", "得分＝预算执行率×分值，执行率", "100%得满分", "{execution}",
    "政府采购执行率", "15", "得分＝实际采购金额÷政府采购预", "算×分值", "14.2",
    "产出", "（50分）", "数量指标", "孕产妇系统管理率", "50", "达到指标值得满分，未达到的按完", "成比例计分", "50",
    "合计", "100", "", "98.5")


def test_a_score_sheet_one_cell_a_line_its_rules_wrapped_over_lines(tmp_path):
    """Each row's rule wrapped over two lines of its narrow cell: the row is its name, its 分值, the rule's lines and its
    得分 (10 + 9.5 + 14.8 + 14.2 + 50 = 98.5)."""
    result = checked(tmp_path, RULES_WRAPPED.format(execution="14.8"))
    scores = {i.name: (i.weight.value, i.score.value) for i in result.facts.items if i.weight is not None}
    assert scores["绩效目标合理性"] == (10, 10) and scores["绩效指标明确性"] == (10, 9.5)
    assert scores["政府采购执行率"] == (15, 14.2) and scores["孕产妇系统管理率"] == (50, 50)
    assert result.facts.total.value == 98.5 and error_codes(result) == []
    # (… and a row's score off the 合计 is found: 10 + 9.5 + 15 + 14.2 + 50 = 98.7, not 98.5)
    assert "TOTAL_MISMATCH" in [f.code for f in checked(tmp_path, RULES_WRAPPED.format(execution="15")).findings]


FORM_ONE_CELL_A_LINE = lines(
    "项目支出绩效自评表", "（2024年度）",
    "项目资金", "（万元）", "年初预算数", "全年预算数", "（A）", "全年执行数", "（B）", "分值", "执行率", "（B/A）", "得分",
    "年度资金总额", "180.00", "260.00", "248.56", "10", "95.60%", "9.56",
    "其中：财政拨款", "180.00", "236.00", "225.36", "—", "95.49%", "—",
    "其他资金", "24.00", "23.20", "96.67%",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标", "数量指标", "农村饮水安全工程维", "修养护数量", "≥150处", "156处", "20", "20",
    "更换老化入户管网长", "度", "≥42公里", "39.9公里", "20", "19",
    "质量指标", "维修工程验收合格率", "=100%", "100%", "20", "20",
    "效益指标", "社会效益指标", "受益农村人口", "≥8.5万人", "8.72万人", "20", "20",
    "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93.4%", "10", "10",
    "总分", "100", "98.56")


def test_a_pdf_form_one_cell_a_line_its_names_wrapped_and_letters_under_its_header(tmp_path):
    """"全年预算数" / "（A）": one header cell; "农村饮水安全工程维" / "修养护数量": one name (its first line as wide as
    the widest name's); "其他资金" / "24.00" / "23.20" / "96.67%": its 年初 cell left out — 23.20 ÷ 24.00 = 96.67%, so
    those are its 全年预算数 and 全年执行数, and 180.00 + 0 is the 年初 total (no sum off)."""
    result = checked(tmp_path, FORM_ONE_CELL_A_LINE)
    read = indicator_values(result)
    assert read["农村饮水安全工程维修养护数量"] == (150, 156, 20, 20)
    assert read["更换老化入户管网长度"] == (42, 39.9, 20, 19)
    assert amounts(result)["budget_initial"] == 180 and amounts(result)["budget_total"] == 260
    assert execution(result) == (10, 9.56)
    assert [f for f in result.findings if f.code == "SUM_MISMATCH"] == []


def test_blank_lines_as_a_funds_rows_empty_cells(tmp_path):
    """"其他资金" / "" / "24.00" / "23.20" / "" / "96.67%": where the form's blank lines are few, each is an empty cell —
    no 年初 figure of 24.00, so no 其中 rows over the total's 180.00."""
    text = FORM_ONE_CELL_A_LINE.replace("其他资金\n24.00\n23.20\n96.67%\n", "其他资金\n\n24.00\n23.20\n\n96.67%\n\n")
    result = checked(tmp_path, text)
    assert amounts(result)["budget_initial"] == 180 and execution(result) == (10, 9.56)
    assert [f for f in result.findings if f.code == "SUM_MISMATCH"] == []


def test_an_adjustment_then_another_source_before_the_whole(tmp_path):
    """180.00 + 56.00 = 236.00 (the 财政拨款 as adjusted), + 24.00 of another source = 260.00: some of the amounts said
    between make it add up — no warning; a whole off every such sum is still said."""
    text = ("年初预算180.00万元，8月省级水利发展资金追加56.00万元，财政拨款调整为236.00万元；另有县供水公司提取的维修养护基金"
            "24.00万元，全年预算合计{total}万元。")
    assert [f for f in checked(tmp_path, text.format(total="260.00")).findings if f.code == "SUM_MISMATCH"] == []
    assert "SUM_MISMATCH" in [f.code for f in checked(tmp_path, text.format(total="262.00")).findings]


def test_a_rate_after_a_list_of_parts_is_the_wholes(tmp_path):
    """"全年支出…，其中基本支出…、项目支出…，预算执行率96.28%": the rate of the whole (6,842.37 ÷ 7,106.50), not the
    项目支出's, the last part named."""
    text = ("2024年年初预算6,420.00万元，年中追加医疗服务能力提升补助686.50万元，全年预算7,106.50万元。全年支出6,842.37万元，"
            "其中基本支出2,986.40万元、项目支出3,855.97万元，预算执行率96.28%；年末结转结余264.13万元，结转结余率3.72%。")
    rates = {k: n.value for k, n in checked(tmp_path, text).facts.keyed_rates().items()}
    assert rates.get("exec_rate") == 96.28 and "project_exec_rate" not in rates
    # (… a single part's rate stays its own)
    one = "全年支出6,842.37万元，其中项目支出3,855.97万元，预算执行率95.12%。"
    assert "project_exec_rate" in {k for k in checked(tmp_path, one).facts.keyed_rates()}


def test_an_indicator_named_with_an_age_its_target_in_brackets_after_it(tmp_path):
    """"0—6岁儿童健康管理率88.2%（指标值≥90%），…，完成率98.00%": the name the words before the figure, its age in it."""
    text = ("孕产妇系统管理率94.2%（指标值≥90%）；0—6岁儿童健康管理率88.2%（指标值≥90%），主要是牧区儿童随迁流动，"
            "完成率98.00%；65岁及以上老年人健康管理率71.6%（指标值≥70%）。\n")
    read = indicator_values(checked(tmp_path, text))
    assert read["0—6岁儿童健康管理率"][:2] == (90, 88.2) and read["65岁及以上老年人健康管理率"][:2] == (70, 71.6)


LAST_YEAR = ("| 一级指标 | 二级指标 | 三级指标 | 上年实际 | 本年目标 | 本年实际 | 完成率 | 分值 | 得分 |\n"
             "| 产出指标 | 数量指标 | 小型水库除险加固 | 4座 | ≥5座 | 5座 | 100.00% | 50 | 50 |\n"
             "| 效益指标 | 社会效益指标 | 农村自来水普及率 | 92.4% | ≥95% | 97.3% | {completion} | 50 | 50 |\n")


def test_last_years_column_beside_this_years_is_no_target(tmp_path):
    """上年实际 | 本年目标 | 本年实际: the target this year's; a completion worked out on last year's figure (97.3 ÷ 92.4 =
    105.30%, not 97.3 ÷ 95 = 102.42%) is an error that says so."""
    right = checked(tmp_path, LAST_YEAR.format(completion="102.42%"))
    assert indicator_values(right)["农村自来水普及率"] == (95, 97.3, 50, 50) and error_codes(right) == []
    wrong = checked(tmp_path, LAST_YEAR.format(completion="105.30%"))
    said = [f for f in wrong.findings if f.code == "COMPLETION_MISMATCH"]
    assert [f.severity for f in said] == ["error"] and "上年实际 92.4" in said[0].message


def test_the_targets_of_the_start_and_end_of_the_year(tmp_path):
    """年初指标值 | 全年指标值, and a 年度指标值 over 年初 | 调整后: the target the year ended with is scored (22 ÷ 24 × 6 =
    5.5), not the 年初 one."""
    columns = ("指标名称 | 计量单位 | 指标性质 | 年初指标值 | 全年指标值 | 全年完成值 | 指标权重 | 指标得分\n"
               "“双拥”共建活动 | 场次 | ≥ | 20 | 24 | 22 | 6 | 5.5\n")
    two_lines = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | | 实际完成值 | 分值 | 得分 |\n"
                 "| | | | 年初 | 调整后 | | | |\n"
                 "| 产出指标 | 数量指标 | 疫木清理株数 | ≥12000株 | ≥15000株 | 14620株 | 10 | 9.75 |\n"
                 "| | 时效指标 | 春季除治完成时间 | 2024年4月30日前 | 2024年5月31日前 | 2024年5月26日 | 6 | 6 |\n")
    for text, name, target in ((columns.replace(" | ", " | "), "“双拥”共建活动", 24), (two_lines, "疫木清理株数", 15000)):
        text = "\n".join("| " + row + " |" if not row.startswith("|") else row for row in text.splitlines()) + "\n"
        result = checked(tmp_path, text)
        assert indicator_values(result)[name][0] == target
        assert [f for f in result.findings if f.code == "SCORE_MISMATCH"] == []
    assert indicator_values(checked(tmp_path, two_lines))["春季除治完成时间"][0] is not None


def test_a_budget_table_of_completion_rates(tmp_path):
    """预算数 | 执行数 | 完成率: the 合计 row's 完成率 is the 预算执行率."""
    text = ("| 项目 | 预算数 | 执行数 | 完成率 |\n| 基本支出 | 982.40 | 975.60 | 99.31% |\n"
            "| 项目支出 | 3,426.80 | 3,238.90 | 94.52% |\n| 合计 | 4,409.20 | 4,214.50 | 95.58% |\n")
    assert checked(tmp_path, text).facts.keyed_rates()["exec_rate"].value == 95.58


SCORED = ("| 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 优抚对象抚恤补助按时足额发放率 | 100% | 100% | 50 | 50 |\n"
          "| 管理制度健全性 | 健全 | 基本健全 | 4 | 3.2 |\n| 退役军人满意度 | ≥95% | 92.5% | 46 | 44.39 |\n")


def test_a_total_field_beside_another_on_a_forms_line(tmp_path):
    """"主管部门：…局      自评总分（分）：98.39": the total, said twice; 0.80 over the items' sum (50 + 3.2 + 44.39 =
    97.59, said so in the prose) is no slip of the hand's shape but exactly the points 管理制度健全性 lost — an error that
    says so; a total off by what no item lost is not one."""
    text = "部门整体支出绩效自评表\n主管部门：某县退役军人事务局          自评总分（分）：{field}\n" + SCORED + \
        "经自评，本局2024年度部门整体支出自评总分97.59分，等级为“优”。\n"
    said = [f for f in checked(tmp_path, text.format(field="98.39")).findings if f.code == "TOTAL_MISMATCH"]
    assert [f.severity for f in said] == ["error"] and "管理制度健全性" in said[0].message
    said = [f for f in checked(tmp_path, text.format(field="98.19")).findings if f.code == "TOTAL_MISMATCH"]
    assert len(said) == 1 and "管理制度健全性" not in said[0].message
    assert [f for f in checked(tmp_path, text.format(field="97.59")).findings if f.code == "TOTAL_MISMATCH"] == []


def test_the_execution_item_said_with_no_points_takes_the_forms(tmp_path):
    """"预算执行率97.18%，得9.72分" with no 分值, the form's funds row 10 | 97.18% | 9.72: one item, 10 points."""
    text = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 842.60 | 915.30 | 889.47 | 10 | 97.18% | 9.72 |\n"
            "全年支出889.47万元，预算执行率97.18%，得9.72分。\n")
    assert execution(checked(tmp_path, text)) == (10, 9.72)


def test_a_title_under_a_portals_header_of_fields(tmp_path):
    """The title ten lines down, under 索引号 / 发布机构 fields and a line of the page's tools, with the report's first
    paragraph right under it: the department the title names, not the form's 实施单位."""
    text = ("某县人民政府\n首页 > 信息公开 > 财政信息 > 预算绩效\n索 引 号：x-2025-000126　　信息分类：财政预决算\n"
            "发布机构：洛岭县农业农村局　　发布日期：2025-05-27\n【字体：大 中 小】　【打印】　【关闭】\n\n"
            "洛岭县农业农村局2024年设施蔬菜大棚提升改造补助项目绩效自评报告\n"
            "　　根据县财政局通知要求，我局对该项目开展了绩效自评，现将自评情况报告如下。\n"
            "| 项目名称 | 设施蔬菜大棚提升改造补助项目 |\n| 实施单位 | 洛岭县蔬菜产业发展中心 |\n")
    assert checked(tmp_path, text).facts.dept_name == "洛岭县农业农村局"


BUDGET_TABLE = ("表1　2024年度部门预算及执行情况表（单位：万元）\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 |\n"
                "| 基本支出 | 1,842.60 | 1,905.40 | 1,893.27 |\n| 项目支出 | 2,443.90 | 2,993.40 | 2,835.06 |\n"
                "| 合计 | 4,286.50 | 4,898.80 | 4,728.33 |\n")


def test_a_scopes_rate_said_alone_against_its_row_of_the_budget_table(tmp_path):
    """"全年实施项目23个，项目支出执行率为94.17%" with no amount of its own: the 项目支出 row of the table above (2,835.06 ÷
    2,993.40 = 94.71%) — a warning; the rate as the row gives it, none; nor where the sentence says its own amount."""
    said = BUDGET_TABLE + "（三）项目支出执行。全年实施项目23个，项目支出执行率为{rate}，未执行的158.34万元主要是设备尚未验收付款。\n"
    off = [f for f in checked(tmp_path, said.format(rate="94.17%")).findings if f.code == "STATED_RATE_MISMATCH"]
    assert len(off) == 1 and "2,835.06÷2,993.40" in off[0].message
    assert [f for f in checked(tmp_path, said.format(rate="94.71%")).findings if f.code == "STATED_RATE_MISMATCH"] == []
    own = BUDGET_TABLE + "全年支出4,728.33万元，其中基本支出1,893.27万元；项目支出2,921.46万元，执行率97.60%。\n"
    assert [f for f in checked(tmp_path, own).findings
            if f.code == "STATED_RATE_MISMATCH" and "2,835.06" in f.message] == []


def test_an_indicator_in_a_numbered_paragraph_of_its_own(tmp_path):
    """"5.农民工工资拖欠案件结案率。分值8分。…结案率91.2%，目标值≥95%，完成率96.00%，得{score}分": the heading names it and
    its 分值 is the paragraph's one — 8 × 96.00% = 7.68, so 7.86 is an error (digits swapped) and 7.68 none."""
    text = ("评分规则：定量正向指标完成率＝实际值÷目标值，超过100%的按100%计；得分＝分值×完成率。\n"
            "5.农民工工资拖欠案件结案率。分值8分。全年受理欠薪案件125件，结案114件，结案率91.2%，目标值≥95%，完成率96.00%，"
            "得{score}分。未结案件已移送公安机关。\n")
    wrong = checked(tmp_path, text.format(score="7.86"))
    assert indicator_values(wrong)["农民工工资拖欠案件结案率"] == (95, 91.2, 8, 7.86)
    assert "SCORE_MISMATCH" in error_codes(wrong)
    assert error_codes(checked(tmp_path, text.format(score="7.68"))) == []


def test_the_groups_scores_listed_then_their_sum(tmp_path):
    """"逐项打分：决策指标14.50分，过程指标19.02分，产出指标39.14分，效益指标22.96分，合计95.62分": the 一级 groups' sum is
    the total (and graded); a list of other things' points and their 合计 is none."""
    said = "自评工作组逐项打分：决策指标14.50分，过程指标19.02分，产出指标39.14分，效益指标22.96分，合计95.62分，评价等级为“优”。\n"
    assert checked(tmp_path, said).facts.total.value == 95.62
    other = "培训考核打分：理论考试14.50分，实操考核19.02分，现场答辩39.14分，合计72.66分。\n"
    total = checked(tmp_path, other).facts.total
    assert total is None or total.value != 72.66
