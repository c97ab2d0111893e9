"""Where a form's row stands under its header when the text lost or merged its cells
(engine/report/placing.py): read through the whole checker, as a report gives the form."""
from __future__ import annotations

from engine.report.check import check
from engine.report.claims import read_facts
from engine.report.text import read_report
from reading import amounts, checked as result_of, error_codes, execution, indicator_values

# a 部门整体 form copied from a web page: 年度指标值 was a merged cell over the sign and the value,
# so the header splits it in two; some rows give the sign a cell, others keep it in the value's
SIGN_SPLIT_FORM = """部门整体支出绩效自评表
| 部门（单位）名称 | 东岭区园林绿化服务中心 | | | | | |
| 预算执行情况（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 1,200.00 | 1,250.00 | 1,200.00 | 10 | 96.00% | 9.60 |
| 一级指标 | 二级指标 | 三级指标 | 年度 | 指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| | | | （A） | | （B） | | | |
| 产出指标 | 数量指标 | 新增绿地面积 | ≥40公顷 | 42公顷 | 15 | 15 |
| | | 行道树补植株数 | ≥ | 800株 | 760株 | 15 | 14.25 | 两条道路施工，补植顺延 |
| | 质量指标 | 苗木成活率 | ≥95% | 96.5% | 15 | 15 | |
| | 成本指标 | 每公顷养护成本 | ≤3.2万元 | 3.4万元 | 15 | 14.5 | 人工单价上调 |
| 效益指标 | 可持续影响指标 | 绿地长效管护机制 | 健全 | 基本健全 | 15 | 12 | 部分社区管护责任未落实 |
| 满意度指标 | 服务对象满意度指标 | 周边居民满意度 | ≥ | 85% | 88.2% | 15 | 15 | |
| 总分 | | | | | 100 | 95.35 | |
"""



def test_a_target_keeping_its_sign_stands_under_the_header_that_splits_sign_and_value(tmp_path):
    result = result_of(tmp_path, SIGN_SPLIT_FORM)
    rows = indicator_values(result)
    assert rows == {
        "新增绿地面积": (40, 42, 15, 15),
        "行道树补植株数": (800, 760, 15, 14.25),
        "苗木成活率": (95, 96.5, 15, 15),
        "每公顷养护成本": (3.2, 3.4, 15, 14.5),
        "绿地长效管护机制": (None, None, 15, 12),     # 定性: words, the score read
        "周边居民满意度": (85, 88.2, 15, 15),
    }
    # (A) / (B) under the header are marks, not an indicator
    assert not any("A" in i.name for i in result.facts.indicators)
    # 3.2/3.4 × 15 = 14.12, not 14.5: found only because the row stands where it should (a warning: a difference
    # of no slip's shape — the row may deduct 0.5 by a rule of its own)
    assert [(f.code, f.severity) for f in result.findings] == [("SCORE_MISMATCH", "warning")]
    assert "每公顷养护成本" in next(f.message for f in result.findings if f.code == "SCORE_MISMATCH")


def test_a_row_short_of_a_cell_at_its_end_is_not_given_a_sign_cell(tmp_path):
    # a national form with no sign column: a row that lost its empty 偏差 cell reads as it is
    text = SIGN_SPLIT_FORM.replace("| 年度 | 指标值 |", "| 年度指标值 |").replace("| （A） | | （B） |", "| （A） | （B） |")
    text = text.replace("| ≥ | 800株 |", "| ≥800株 |").replace("| ≥ | 85% |", "| ≥85% |")
    rows = indicator_values(result_of(tmp_path, text))
    assert rows["新增绿地面积"] == (40, 42, 15, 15)
    assert rows["行道树补植株数"] == (800, 760, 15, 14.25)
    assert rows["周边居民满意度"] == (85, 88.2, 15, 15)


# a funds block one cell a line whose empty cells vanished in the copy but whose "——" stayed
FUNDS_WITH_DASHES = """单位名称：西坡旗草原工作站
项目资金（万元）
年初预算数
全年预算数
全年执行数
分值
执行率（%）
得分
年度资金总额
50
60
54
10
90
9
其中：财政拨款
50
50
45
——
90
——
其他资金
0
10
9
——
90
——
自评得分90分，等级为优。
"""


def test_a_dash_between_a_parts_figures_keeps_the_next_figure_in_its_column(tmp_path):
    result = result_of(tmp_path, FUNDS_WITH_DASHES)
    assert amounts(result) == {"budget_initial": 50, "budget_total": 60, "spend_total": 54}
    # the parts' 执行率 90 (after a ——) is no amount of a nameless part: nothing fails to add up
    assert [f.code for f in result.findings if f.code == "SUM_MISMATCH"] == []
    # … and a part that does not add up is still found
    wrong = FUNDS_WITH_DASHES.replace("其他资金\n0\n10\n9\n", "其他资金\n0\n10\n10\n")   # 45 + 10 > 54
    assert "SUM_MISMATCH" in [f.code for f in result_of(tmp_path, wrong).findings]


# the national project form's funds block one cell a line, each cell ending in " |", the empty
# cells under the merged 项目资金（万元） kept
FUNDS_EMPTY_FIRST = """项目资金（万元） |
 |
年初预算数 |
全年预算数 |
全年执行数 |
分值 |
执行率 |
得分 |
 |
年度资金总额 |
80.00 |
90.00 |
81.00 |
10 |
90.00% |
9.00 |
 |
其中：当年财政拨款 |
80.00 |
90.00 |
81.00 |
— |
90.00% |
— |
"""


def test_an_empty_cell_before_a_funds_rows_name_one_cell_a_line(tmp_path):
    result = result_of(tmp_path, FUNDS_EMPTY_FIRST)
    assert amounts(result) == {"budget_initial": 80, "budget_total": 90, "spend_total": 81}
    assert result.facts.keyed_rates()["exec_rate"].value == 90
    assert execution(result) == (10, 9)


def test_a_tab_header_of_two_rows_whose_lower_row_lost_its_empty_last_cells(tmp_path):
    text = ("部门预算执行情况（单位：万元）\n"
            "支出类别\t预算数\t\t执行数\t执行率\t分值\t得分\n"
            "\t年初\t全年\t全年\n"                        # (its empty 执行率 / 分值 / 得分 cells lost)
            "基本支出\t820.00\t860.00\t851.40\t99.00%\t—\t—\n"
            "项目支出\t300.00\t340.00\t306.00\t90.00%\t—\t—\n"
            "合计\t1,120.00\t1,200.00\t1,157.40\t96.45%\t10\t9.65\n")
    result = result_of(tmp_path, text)
    assert amounts(result) == {"budget_initial": 1120, "budget_total": 1200, "spend_total": 1157.4}
    assert execution(result) == (10, 9.65)
    assert error_codes(result) == []


# a 评分表 set in spaces with every cell centred in its column (a PDF's text layer): a cell wider
# than its header word starts left of it
CENTRED = """部门整体支出绩效自评表（2024年度）
一级指标     二级指标          三级指标        分值  年度目标  实际完成  得分
预算执行     支出进度         预算执行率        20     100%     96.50%   19.30
预算管理   三公经费控制    “三公”经费变动率    10      ≤0       -6.4%     10
资产管理  资产管理规范性  固定资产账实相符率   10     100%      100%      10
履职产出   重点工作完成   重点工作任务完成率   30     ≥98%      99%       30
履职效益      满意度        服务对象满意度     30     ≥90%     93.2%      30
  合计                                        100                       99.30
"""


def test_cells_centred_in_their_columns_stand_under_their_header_words(tmp_path):
    result = result_of(tmp_path, CENTRED)
    rows = indicator_values(result)
    assert rows["“三公”经费变动率"] == (0, -6.4, 10, 10)
    assert rows["固定资产账实相符率"] == (100, 100, 10, 10)
    assert rows["重点工作任务完成率"] == (98, 99, 30, 30)
    assert rows["服务对象满意度"] == (90, 93.2, 30, 30)
    assert error_codes(result) == []


# centred again, most cells wider than their header words (long names, targets with units), a
# header of two lines (年度 / 指标值) and a reason wrapped onto a second line
CENTRED_WIDE = """绩效   一级指标        二级指标               三级指标            年度      实际    分值  得分        偏差原因分析
指标                                                             指标值    完成值                      及改进措施
       产出指标        数量指标       老旧小区外墙保温改造栋数   ≥120栋    126栋     20    20
                                      社区嵌入式托育点建设个数    ≥6个      5个      20   16.67  1个点位消防验收未通过，
                                                                                                   顺延至下年投入使用
                       质量指标        改造工程竣工验收合格率    =100%      100%     20    20
       效益指标      社会效益指标       居民生活条件改善程度    明显改善  明显改善   20    20
      满意度指标  服务对象满意度指标     改造小区居民满意度       ≥90%     93.5%     20    20
"""


def test_centred_cells_wider_than_their_header_words_are_a_table_in_columns(tmp_path):
    result = result_of(tmp_path, CENTRED_WIDE)
    rows = indicator_values(result)
    assert rows["老旧小区外墙保温改造栋数"] == (120, 126, 20, 20)
    assert rows["社区嵌入式托育点建设个数"] == (6, 5, 20, 16.67)
    assert rows["改造工程竣工验收合格率"] == (100, 100, 20, 20)
    assert rows["改造小区居民满意度"] == (90, 93.5, 20, 20)
    assert error_codes(result) == []


# a funds table set in spaces: 预算数 a merged cell over 年初 | 全年, 执行数 over 全年
SPACED_SPAN = """部门预算执行情况（单位：万元）
支出类别  预算数              执行数    执行率  分值  得分
          年初      全年      全年
基本支出  860.00    900.00    891.00    99.00%  —     —
项目支出  240.00    300.00    264.00    88.00%  —     —
合计      1,100.00  1,200.00  1,155.00  96.25%  10    9.63
"""


def test_a_spaced_header_word_over_two_lower_words_names_each(tmp_path):
    result = result_of(tmp_path, SPACED_SPAN)
    assert amounts(result) == {"budget_initial": 1100, "budget_total": 1200, "spend_total": 1155}
    assert result.facts.keyed_rates()["exec_rate"].value == 96.25
    assert result.findings == []


# a 湖北-style project form set in spaces: option lines with figures above, a funds header whose
# words carry figures in brackets and whose first cell wraps its close bracket onto a line alone
SPACED_BRACKETS = """项目名称  乡镇卫生院设备更新补助  主管部门  清河县卫生健康局
项目属性  1、持续性项目☑ 2、新增性  项目类型  1、常年性项目☑ 2、延续性
          项目□                     项目□ 3、一次性项目□
预算执行情况（万元）（20分  预算数（A）  执行数（B）  执行率（B/A）  得分（20分*执行率）
）
年度财政资金总额            250.00       240.00       96.00%         19.20
"""


def test_a_spaced_header_with_figures_in_brackets_and_a_wrapped_bracket(tmp_path):
    result = result_of(tmp_path, SPACED_BRACKETS)
    assert amounts(result) == {"budget_total": 250, "spend_total": 240}
    assert result.facts.keyed_rates()["exec_rate"].value == 96


def test_the_executions_points_stated_in_a_funds_header(tmp_path):
    result = result_of(tmp_path, SPACED_BRACKETS)
    assert execution(result) == (20, 19.2)
    assert error_codes(result) == []
    slipped = result_of(tmp_path, SPACED_BRACKETS.replace("96.00%         19.20", "96.00%         19.60"))
    assert "SCORE_MISMATCH" in [f.code for f in slipped.findings]     # 20 × 96% = 19.20


def test_a_figure_per_ten_thousand_is_one_figure_with_its_base(tmp_path):
    text = ("| 一级指标 | 指标名称 | 年度目标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 效益指标 | 甲乙类传染病报告发病率 | ≤150/10万 | 138.2/10万 | 10 | 10 |\n"
            "| | 孕产妇死亡率 | ≤12/10万 | 13.5/10万 | 10 | 9.5 |\n")
    result = result_of(tmp_path, text)
    rows = indicator_values(result)
    assert rows == {"甲乙类传染病报告发病率": (150, 138.2, 10, 10), "孕产妇死亡率": (12, 13.5, 10, 9.5)}
    # a ceiling exceeded: 12/13.5 × 10 = 8.89, not 9.5 — found because the base is no second figure (a warning: the
    # report does not say its shortfalls score in proportion, and 9.5 is no slip of 8.89)
    assert [(f.code, f.severity) for f in result.findings] == [("SCORE_MISMATCH", "warning")]


def test_a_two_row_funds_header_whose_upper_row_states_points(tmp_path):
    text = ("| 预算执行情况（10分） | 年度预算数（万元） | | | 预算执行率 | 权重 | 得分 |\n"
            "|---|---|---|---|---|---|---|\n"
            "| | 年初预算 | 调整后预算数 | 预算执行数 | | | |\n"
            "| 总额 | 80.00 | 100.00 | 88.00 | 88.00% | 10 | 8.80 |\n")
    result = result_of(tmp_path, text)
    assert amounts(result) == {"budget_initial": 80, "budget_total": 100, "spend_total": 88}
    assert result.facts.keyed_rates()["exec_rate"].value == 88
    assert execution(result) == (10, 8.8)


def test_rows_numbered_under_others_are_no_parts_of_the_total(tmp_path):
    # sub-projects 1, 2 under project 一: 合计 = 一 + 二 + 三, not every row
    text = ("各子项目预算及执行情况如下（单位：万元）：\n"
            "| 序号 | 项目名称 | 预算数 | 执行数 | 预算执行率 |\n"
            "| 合计 | | 500.00 | 470.00 | 94.00% |\n"
            "| 一 | 实训基地建设 | 300.00 | 285.00 | 95.00% |\n"
            "| 1 | 设备购置 | 200.00 | 192.00 | 96.00% |\n"
            "| 2 | 场地改造 | 100.00 | 93.00 | 93.00% |\n"
            "| 二 | 师资培训 | 200.00 | 185.00 | 92.50% |\n")
    assert error_codes(result_of(tmp_path, text)) == []
    wrong = text.replace("| 二 | 师资培训 | 200.00 | 185.00 | 92.50% |", "| 二 | 师资培训 | 210.00 | 185.00 | 88.10% |")
    assert error_codes(result_of(tmp_path, wrong)) == ["SUM_MISMATCH"]     # 300 + 210 ≠ 500


# a project form's funds block from a PDF's text layer: 年初 / 全年 / 全年 above 预算数 / 预算数 / 执行数,
# （万元） under 项目资金, a 其中 name wrapped around its figures, a row of "—", then the goals block
SPACED_FUNDS = """  项目名称        物业管理经费

                                      年初            全年            全年
  项目资金                            预算数          预算数          执行数          分值      执行率      得分
  （万元）        年度资金总额：      186.00          198.60          191.26          10        96.30%      9.63
                  其中：本年财政
                                      186.00          186.00          180.66          —         —           —
                  拨款
                  上年结转资金          0.00           12.60           10.60          —         —           —
                  其他资金                                                            —         —           —

                  预期目标                                          实际完成情况
  年度总体        保障办公区域4.2万平方米物业服务，                 完成4.2万平方米物业服务，全年会议服务保障
  目标            全年会议服务保障不少于300场。                     286场，未发生安全责任事故。
"""


def test_a_spaced_funds_block_under_a_header_whose_upper_line_starts_its_words(tmp_path):
    result = result_of(tmp_path, SPACED_FUNDS)
    assert amounts(result) == {"budget_initial": 186, "budget_total": 198.6, "spend_total": 191.26}
    # 4.2万平方米 in the goals below is no amount of a 其中 row: nothing fails to add up
    assert error_codes(result) == []


def test_a_row_of_dashes_is_a_row_not_the_end_of_a_wrapped_one(tmp_path):
    text = ("资金情况（万元）          全年预算数（A）    全年执行数（B）    分值    执行率（B/A）    得分\n"
            "  年度资金总额：               1260             1218.75         10        96.73%         9.67\n"
            "  其中：本年财政拨款           1260             1218.75\n"
            "        其他资金                 —                 —\n"
            "年度总体目标        年初设定目标                                   年度总体目标完成情况综述\n"
            "                    带动脱贫户（含监测户）不少于420人增收          带动脱贫户436人增收\n")
    result = result_of(tmp_path, text)
    assert amounts(result) == {"budget_total": 1260, "spend_total": 1218.75}
    assert error_codes(result) == []


def test_a_word_cell_merged_over_the_sign_and_the_value(tmp_path):
    # the docx reader hands a merged cell back once: "≥95%" under 年度, an empty cell under 指标值
    import docx
    document = docx.Document()
    rows = [["一级指标", "二级指标", "三级指标", "年度", "指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "新增绿地面积", "≥", "40公顷", "42公顷", "50", "50"],
            ["", "质量指标", "苗木成活率", "≥95%", "", "93.1%", "50", "49"]]
    table = document.add_table(rows=0, cols=8)
    for cells in rows:
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            cell.text = text
    merged = table.rows[2].cells[3].merge(table.rows[2].cells[4])
    merged.text = "≥95%"
    document.save(tmp_path / "form.docx")
    result = check(read_facts(read_report(tmp_path / "form.docx")))
    assert indicator_values(result) == {"新增绿地面积": (40, 42, 50, 50), "苗木成活率": (95, 93.1, 50, 49)}


def test_a_table_typed_with_tabs_in_word_paragraphs(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("分资金来源情况如下（单位：万元）：")
    for line in ("资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率", "一般公共预算\t500.00\t520.00\t507.00\t97.50%",
                 "政府性基金预算\t100.00\t80.00\t76.00\t95.00%", "合计\t600.00\t600.00\t583.00\t97.17%"):
        document.add_paragraph(line)
    document.save(tmp_path / "report.docx")
    result = check(read_facts(read_report(tmp_path / "report.docx")))
    assert " | " in result.facts.text and result.findings == []
    table = result.facts.tables[0]
    assert [r.name for r in table.rows] == ["一般公共预算", "政府性基金预算"] and table.totals[0].name == "合计"


def test_a_whole_row_after_a_page_break_is_not_the_rest_of_the_row_above():
    from engine.report.text import _continues_row
    held = ["", "管理制度健全性", "—", "定性指标", "健全", "", "健全", "100%", "3", "3", "否"]
    assert not _continues_row(held, ["", "预决算信息公开性", "—", "定性指标", "及时公开", "", "及时公开", "100%", "2", "2", "否"])
    # the rest of a row the page cut: the ends of its cells, no row of its own
    assert _continues_row(["", "保障机构正常运", "无", "机构运转正常，", ""], ["", "转，推进乡村振兴", "", "完成公路养护", ""])
    # a cell where the row above has none (a 二级指标 of its own): a row of its own, though its value is words
    assert not _continues_row(["", "", "重点污染源自动监控数据有效传输率", "≥90%"], ["", "时效指标", "建设项目环评审批时限", "法定时限内"])


def test_a_table_of_tasks_with_approved_amounts_in_yuan(tmp_path):
    text = ("任务名称\t项目\t批复金额（元）\t实际支出（元）\t预算执行率\n"
            "乡村公路养护\t乡村公路养护经费\t586,000.00\t586,000.00\t100.00%\n"
            "人居环境整治\t农村人居环境整治经费\t3,124,000.00\t3,051,200.00\t{rate}\n")
    assert error_codes(result_of(tmp_path, text.format(rate="97.67%"))) == []
    found = result_of(tmp_path, text.format(rate="99.67%")).findings     # 3,051,200 / 3,124,000 = 97.67%
    assert [f.code for f in found] == ["STATED_RATE_MISMATCH"]


def test_the_forms_total_row_after_a_table_of_the_same_amounts(tmp_path):
    text = ("| 序号 | 项目名称 | 预算数 | 执行数 | 预算执行率 |\n"
            "| 合计 | | 500.00 | 460.00 | 92.00% |\n"
            "| 1 | 实训基地建设 | 300.00 | 280.00 | 93.33% |\n"
            "| 2 | 师资培训 | 200.00 | 180.00 | 90.00% |\n"
            "\n"
            "| 预算执行情况（万元）（20分） | 预算数（A） | 执行数（B） | 执行率（B/A） | 得分（20分*执行率） |\n"
            "| 年度财政资金总额 | 500.00 | 460.00 | 92.00% | {score} |\n")
    result = result_of(tmp_path, text.format(score="18.40"))
    assert amounts(result) == {"budget_total": 500, "spend_total": 460} and execution(result) == (20, 18.4)
    assert error_codes(result) == []
    assert "SCORE_MISMATCH" in error_codes(result_of(tmp_path, text.format(score="18.60")))   # 20 × 92% = 18.40


def test_tab_rows_a_cell_of_which_the_copy_broke_over_two_lines(tmp_path):
    text = ("绩效指标\t指标名称\t计量单位\t年初指标值\t全年\n"
            "完成值\t指标权重（分）\t指标得分（分）\n"
            "\t道路清扫保洁面积\t万平方米\t≥1260\t1282\t40\t40\n"
            "\t城市管理案件按期\n"
            "结案率\t%\t≥95%\t92.6%\t30\t29.24\n"
            "\t市政设施维修及时率\t%\t≥95%\t97.8%\t30\t30\n")
    result = result_of(tmp_path, text)
    assert indicator_values(result) == {"道路清扫保洁面积": (1260, 1282, 40, 40), "城市管理案件按期结案率": (95, 92.6, 30, 29.24),
                                        "市政设施维修及时率": (95, 97.8, 30, 30)}
    assert error_codes(result) == []


def test_a_goals_row_under_merged_cells_overleaf_is_a_row_of_its_own():
    """A page's first row of a goals table under merged 一级/二级 cells, its target a value with its unit in the
    column where the row above has its own ("≥15万人次" over "≥8万册次"): a row, not the rest of the one above."""
    from engine.report.text import _continues_row
    assert not _continues_row(["效益指标", "社会效益指标", "年接待读者人次", "≥15万人次"], ["", "", "图书借阅量", "≥8万册次"])


# a form copied as "|" rows, each merged cell's empty first cell lost with the row's opening mark: a row
# whose 一级指标 was merged above starts with its 二级指标; its 定性 target and actual are words
LOST_FIRST_CELL_FORM = """部门整体支出绩效自评表
年度预算执行情况（万元）|年初预算数|全年预算数（A）|全年执行数（B）|执行率（B/A）|分值|得分
年度资金总额|1,520.36|1,688.42|1,603.17|94.95%|10|9.50
一级指标|二级指标|三级指标|年度指标值|实际完成值|完成率|分值|得分|偏差原因
产出指标|数量指标|食品抽检批次|≥2000批次|2136批次|106.80%|8|8
|质量指标|抽检不合格处置率|100%|100%|100.00%|8|8
效益指标|社会效益|重大食品安全事故|0起|0起|100%|10|10
|可持续影响|智慧监管平台运行|持续运行|持续运行|100%|10|10
满意度指标|服务对象满意度|群众满意度|≥90%|92.4%|102.67%|15|15
合计||||||61|59.50
"""


def test_a_row_whose_merged_first_cell_was_lost_keeps_its_score_inside_it(tmp_path):
    # read from the left, "| 可持续影响 | 智慧监管平台运行 | 持续运行 | 持续运行 | 100% | 10 | 10 |" would put its
    # 得分 past its end — and the 合计 row would have a row without a score to add up
    result = result_of(tmp_path, LOST_FIRST_CELL_FORM)
    assert indicator_values(result)["智慧监管平台运行"] == (None, None, 10, 10)
    assert "TOTAL_MISMATCH" in error_codes(result)      # 9.5 + 8 + 8 + 10 + 10 + 15 = 60.5, not 59.50
