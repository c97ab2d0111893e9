"""A 评分表 set in spaces whose 完成情况 cells are sentences (our own words, after county forms in PDF text): the target
and what was achieved read from "目标X，完成Y，完成率Z%" or "完成Y，目标X，完成率Z%"; rows set apart by blank lines under
the form's title; a form with no 评分标准 column whose 完成情况 and 偏差原因 cells wrap; a figure in a cell of words in
its own unit; a per-household ceiling against the figure said 户均; and a 元 table of projects numbered under group
names with a 小计 each."""
from __future__ import annotations

from reading import checked

# the title's line set out in spaces like the rows; the header's words over two lines; a blank line between rows
APART = """某县卫健局2024年度部门整体支出绩效自评报告
经自评，部门整体支出绩效得分{total}分。

                       某县卫健局2024年度部门整体支出绩效评分表
一级    二级      三级指标      指标解释                评分标准                分值  完成情况                    得分
指标    指标

产出    数量      家庭医生签约  签约人数÷常住人口       得分＝完成率×分值，最     10  目标42%，完成40.6%，完成      9.67
（20              覆盖率        ×100%。                 高为分值。                    率96.67%。
分）

                  孕产妇系统管  接受系统管理的孕产妇    得分＝完成率×分值，最     10  完成1,530人，目标1,500      10
                  理人数        人数，目标1,500人。     高为分值。                    人，完成率{rate}。

合计                                                                             20                             {total}
"""


def _rows(result) -> dict[str, tuple]:
    v = lambda n: None if n is None else n.value     # noqa: E731
    return {i.name: (v(i.target), v(i.actual), v(i.weight), v(i.self_score)) for i in result.facts.indicators}


def test_rows_apart_under_a_title_read_whole_with_target_and_actual_from_the_sentence(tmp_path):
    """Under the title, the blank lines between rows do not cut the form: each name whole, its points and score; the
    target and what was achieved from the cell's sentence in either order. No finding: 40.6 ÷ 42 = 96.67%, × 10 =
    9.67; 1,530 ÷ 1,500 = 102.00%, full marks."""
    result = checked(tmp_path, APART.format(rate="102.00%", total="19.67"))
    rows = _rows(result)
    assert rows["家庭医生签约覆盖率"] == (42, 40.6, 10, 9.67)
    assert rows["孕产妇系统管理人数"] == (1500, 1530, 10, 10)
    assert result.findings == []


def test_a_completion_said_after_the_achieved_and_the_target_is_checked(tmp_path):
    """完成1,530人，目标1,500人, said 完成率103.00%: 1,530 ÷ 1,500 = 102.00% — an error of the completion (the score is full
    marks either way)."""
    found = checked(tmp_path, APART.format(rate="103.00%", total="19.67")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")] and "102.00%" in found[0].message


def test_a_target_with_a_thousands_comma_is_one_figure(tmp_path):
    """"目标1,500人" is 1,500, never a target of 1 and something done of 500."""
    rows = _rows(checked(tmp_path, APART.format(rate="102.00%", total="19.67")))
    assert all(t in (None, 42, 1500) for t, *_ in rows.values())


def test_a_rule_of_rate_times_points_is_not_applied_to_a_target_said_in_the_row(tmp_path):
    """得分＝完成率×分值 in a row that says 目标42%, 完成40.6% and 完成率96.67%: the row's rate is not "42%" — no warning
    that 42% × 10 gives 4.2."""
    table = APART.format(rate="102.00%", total="19.67").replace("签约人数÷常住人口       ", "签约人数÷常住人口，目标42%")
    result = checked(tmp_path, table)
    assert not [f for f in result.findings if f.code == "SCORE_MISMATCH"]


# no 评分标准 column: 完成情况 and 偏差原因 in words, wrapping; rules of ─ between groups
NO_RULES = """某区住建局2024年度城镇老旧小区改造项目绩效自评表
一级指标    二级指标    三级指标      分值  年度指标值    完成情况                    得分  偏差原因分析及改进措施
────────────────────────────────────────────────────────────
产出指标    数量指标    加装电梯台数     10  ≥40台         完成38台，目标40台，完成      9.5  2台因低层住户意见
（30分）                                                  率95.00%。                        不一致暂缓。
                        雨污分流改造     10  ≥12个         完成13个，目标12个，完         10
                        小区数                            成率108.33%。
            成本指标    小区户均改造     10  ≤2.2万元/户   投资2,046.00万元，1,000     10
                        成本                              户，户均2.05万元。
────────────────────────────────────────────────────────────
效益指标    社会效益指  改造小区安全     10  =100%         验收合格率100%。               10
（10分）    标          验收合格率
────────────────────────────────────────────────────────────
合计                                   40                                            39.5
"""


def test_a_form_without_a_rules_column_joins_its_wrapped_words_cells(tmp_path):
    """完成情况 and 偏差原因 are columns of words too: a line with words under them only (and a name's short end) goes on
    the row above — names whole, each row's target and achieved, the 户均 figure against a ceiling per 户, a rate in a
    sentence ("验收合格率100%。") in its own unit."""
    rows = _rows(checked(tmp_path, NO_RULES))
    assert rows["加装电梯台数"] == (40, 38, 10, 9.5)
    assert rows["雨污分流改造小区数"] == (12, 13, 10, 10)
    assert rows["小区户均改造成本"] == (2.2, 2.05, 10, 10)
    assert rows["改造小区安全验收合格率"] == (100, 100, 10, 10)


# projects numbered 1. 2. … under group names of words only (一、…), each group closed by its 小计; amounts in 元
NUMBERED = """表3  2024年度以工代赈项目资金安排及支付明细表
                                                   单位：元
项目名称                               安排资金        支付资金
一、东岗镇
1.村组道路硬化（2.4公里）          820,000.00      805,600.00
2.灌溉渠道维修                     410,000.00      410,000.00
  小计                           1,230,000.00    1,215,600.00
二、西河乡
3.产业路拓宽（含                   960,000.00      931,500.00
  错车道）
4.小型提灌站                       350,000.00      342,800.00
  小计                           1,310,000.00    {subtotal}
合计                             2,540,000.00    2,489,900.00
"""


def test_numbered_projects_under_group_names_are_the_rows_their_subtotals_add(tmp_path):
    """Rows numbered 1. 2. with no row of figures above them are the table's rows, not 其中 parts: each 小计 is held to
    the rows since the one before it. 931,500 + 342,800 = 1,274,300 said as 1,247,300: an error naming the rows added."""
    found = checked(tmp_path, NUMBERED.format(subtotal="1,247,300.00").replace("2,489,900.00", "2,462,900.00")).findings
    said = [(f.code, f.severity) for f in found]
    assert ("SUM_MISMATCH", "error") in said
    assert any("931,500.00 + 342,800.00 = 1,274,300.00" in f.message for f in found)


def test_numbered_projects_that_add_up_give_no_finding(tmp_path):
    assert checked(tmp_path, NUMBERED.format(subtotal="1,274,300.00")).findings == []


# a 评分表 in spaces whose targets stand in its 指标解释 cells; one row's quotation marks typed two columns wide
QUOTED = """某县应急局2024年度部门整体支出绩效自评报告
经自评，部门整体支出绩效得分19.5分。

一级指标  二级指标  三级指标      指标解释                评分标准                分值  完成情况                    得分
管理      预算管理  “三公”经费  “三公”经费支出÷预算    ≤100%得满分，超过的不     5  预算18.00万元，支出          5
                    控制率        ×100%，目标值≤100%。  得分。                        16.20万元，控制率90.00%。
履职      应急救援  救援演练场次  全年组织救援演练场次，  达到目标值得满分，未达    15  全年演练{done}场。               14.5
                                  目标值≥30场。          到的按比例计分。
合计                                                                               20                             19.5
"""


def test_a_target_in_the_explanation_and_quotes_typed_wide(tmp_path):
    """The “三公” row's cells stand under their columns once its quotes are taken two columns wide (its 分值 5 is not
    read into 评分标准); 目标值≥30场 in 指标解释 is the target of 全年演练29场 (29 ÷ 30 × 15 = 14.5)."""
    result = checked(tmp_path, QUOTED.format(done="29"))
    rows = _rows(result)
    assert rows["“三公”经费控制率"][2:] == (5, 5)
    assert rows["救援演练场次"] == (30, 29, 15, 14.5)
    assert result.findings == []


def test_a_score_against_the_target_its_explanation_states(tmp_path):
    """全年演练27场 against 目标值≥30场: 27 ÷ 30 × 15 = 13.5, not the 14.5 written."""
    found = checked(tmp_path, QUOTED.format(done="27")).findings
    assert any(f.code == "SCORE_MISMATCH" and "13.5" in f.message for f in found)


def test_an_arrival_rate_against_the_years_budget_in_its_sentence(tmp_path):
    """全年预算 and 实际到位 in the rate's sentence: 1,145.40 ÷ 1,184.00 = 96.74%, said 97.64%."""
    text = "某县教育局2024年度项目支出绩效自评报告\n项目全年预算1,184.00万元，截至12月31日实际到位1,145.40万元，到位率{rate}。\n"
    assert [f.code for f in checked(tmp_path, text.format(rate="96.74%")).findings] == []
    assert [f.code for f in checked(tmp_path, text.format(rate="97.64%")).findings] == ["STATED_RATE_MISMATCH"]


# a table by 经济分类: 一、二、三… rows with 其中 rows under the first, its 合计 the numbered rows'
BY_KIND = """表2  2024年度支出决算表（按经济分类）
                                                        单位：万元
科目                                    基本支出    项目支出        合计
一、工资福利支出                          980.00                  980.00
    其中：基本工资                        360.00                  360.00
          绩效工资                        210.00                  210.00
二、商品和服务支出                        150.00      640.00      790.00
三、资本性支出                                        310.00      310.00
合计                                    1,130.00      950.00    {total}
"""


def test_a_total_of_the_numbered_rows_with_parts_of_the_first_under_it(tmp_path):
    """980 + 790 + 310 = 2,080.00 in the 合计 column; the 其中 rows are parts of 工资福利支出, not added again."""
    assert checked(tmp_path, BY_KIND.format(total="2,080.00")).findings == []
    found = checked(tmp_path, BY_KIND.format(total="2,008.00")).findings
    assert [f.code for f in found] == ["SUM_MISMATCH"] and "980.00 + 790.00 + 310.00 = 2,080.00" in found[0].message


# a form one cell a line (a PDF's text) whose 偏差原因 header breaks over two lines and whose reasons run over lines
ONE_A_LINE = """某县人社局2024年度项目支出绩效自评表
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改
进措施
产出指标
数量指标
培训人次
≥1,000人次
960人次
10
9.6
部分学员外出务
工，未能参训，已
安排补训。
开办培训班期数
≥20期
21期
10
10
效益指标
社会效益指标
培训后就业率
≥70%
72.5%
10
10
"""


def test_a_form_one_cell_a_line_goes_on_past_a_reason_over_lines(tmp_path):
    """The header's 偏差原因 broken over lines still makes the reasons sentences of the rows: the rows after one are read."""
    rows = _rows(checked(tmp_path, ONE_A_LINE))
    assert rows["开办培训班期数"] == (20, 21, 10, 10) and rows["培训后就业率"] == (70, 72.5, 10, 10)



# a form in spaces over two pages: the page's foot between blank lines, the form's header again under its title
TWO_PAGES = """某县文旅局2024年度部门整体支出绩效自评表
    一级指标    二级指标    三级指标                      年度指标值      实际完成值      分值    得分    偏差原因分析及改进措施
                            送戏下乡场次                  ≥100场          104场           10      10
                数量指标    图书馆年接待读者              ≥12万人次       11.4万人次      10      9.5     馆舍维修闭馆1个
                                                                                                          月，已延长开放时间
    产出指标    质量指标    公共文化设施免费开放率        =100%           100%            10      10

                                                  — 9 —

                          2024年度部门整体支出绩效自评表（续表）

    一级指标    二级指标    三级指标                      年度指标值      实际完成值      分值    得分    偏差原因分析及改进措施
    效益指标    社会效益    群众文化活动参与人次          ≥30万人次       31.2万人次      10      10
"""


def test_a_page_mark_between_rows_is_no_part_of_a_row(tmp_path):
    """"— 9 —" on a line of its own after a row (a PDF's page foot): no end of that row's name."""
    rows = _rows(checked(tmp_path, TWO_PAGES))
    assert "公共文化设施免费开放率" in rows and not any("9 —" in name for name in rows)


# a 三公 table: 其中 公务用车购置费, then 运行维护费 unmarked — together the row above them
SANGONG = """表4  2024年度“三公”经费支出情况表（单位：万元）
| 项目 | 2024年预算数 | 2024年决算数 | 2023年决算数 |
| 因公出国（境）费 | 0.00 | 0.00 | 0.00 |
| 公务用车购置及运行维护费 | 10.00 | 8.64 | 9.12 |
| 其中：公务用车购置费 | 0.00 | 0.00 | 0.00 |
| 公务用车运行维护费 | 10.00 | 8.64 | 9.12 |
| 公务接待费 | 3.00 | 2.15 | 2.60 |
| 合计 | 13.00 | {spent} | 11.72 |
"""


def test_a_total_over_parts_closed_by_their_sum(tmp_path):
    """The 其中 row and the row after it come to 公务用车购置及运行维护费 (0.00 + 8.64 = 8.64): its parts, not added again;
    the 合计 is the other rows' — 0.00 + 8.64 + 2.15 = 10.79, said 10.97."""
    assert checked(tmp_path, SANGONG.format(spent="10.79")).findings == []
    found = checked(tmp_path, SANGONG.format(spent="10.97")).findings
    assert [f.code for f in found] == ["SUM_MISMATCH"] and "10.79" in found[0].message
