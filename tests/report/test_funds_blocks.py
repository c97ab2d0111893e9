"""A 项目支出 form's funds block as a PDF's text gives it: its first header cell broken onto a line of its own, a
wrapped 得分计算方法 cell between its total row and its 其中 rows; a table of the project's amounts by town after it
(a part's listing, not a second form); and the conclusion's rate checked against the form's amounts."""
from __future__ import annotations

from reading import amounts, checked

FORM = """某县民政局2024年度养老服务补贴项目支出绩效自评报告

                        项目支出绩效自评表
主管部门：某县民政局                                             单位：万元
项目预算执行     年初预算数    全年预算数(A)   全年执行数(B)   分值   执行率(B/A)   得分   得分计算方法
情况（10分）
年度资金总额       210.00         250.00          242.50        10      97.00%       9.70   执行率×分值，最高
                                                                                             不超过分值。
其中：省级资金      90.00         130.00          130.00         —     100.00%        —
      县级资金     120.00         120.00          112.50         —      93.75%        —

二、资金使用情况
全年补贴资金按镇（街道）拨付情况如下：
镇（街道）	补贴人数	预算数（元）	执行数（元）	执行率
东城街道	420	504,000.00	498,000.00	98.81%
西河镇	380	456,000.00	440,400.00	96.58%
合计	800	960,000.00	938,400.00	97.75%

三、结论
经自评，本项目全年预算执行率{rate}，自评得分96.7分。
"""


def test_a_funds_block_broken_by_lines_of_words_and_a_towns_listing_after_it(tmp_path):
    result = checked(tmp_path, FORM.format(rate="97.00%"))
    assert {k: v for k, v in amounts(result).items() if k in ("budget_initial", "budget_total", "spend_total")} == \
        {"budget_initial": 210.0, "budget_total": 250.0, "spend_total": 242.5}
    assert [f.code for f in result.findings if f.code == "STATED_RATE_MISMATCH"] == []


def test_the_conclusions_rate_against_the_forms_amounts(tmp_path):
    """"全年预算执行率90.70%" (the form's 242.50 ÷ 250.00 is 97.00%, two digits swapped): a warning at the conclusion."""
    found = [f for f in checked(tmp_path, FORM.format(rate="90.70%")).findings if f.code == "STATED_RATE_MISMATCH"]
    assert [f.severity for f in found] == ["warning"] and "97.00%" in found[0].message


GROUPED = """某县水务局2024年度部门整体支出绩效自评报告

                       2024年度项目支出情况表
                                                                   单位：万元
项目类别及名称                         全年预算      全年支出      执行率
一、工程运行维护
  小型水库维修养护                          300.00        291.00      97.00%
  农村饮水工程维修养护                      200.00        196.00      98.00%
  小计                                      500.00        487.00      97.40%
二、防汛抗旱
  山洪灾害防治运行维护                      120.00        114.00      95.00%
  防汛物资储备                               80.00         78.40      98.00%
  小计                                      200.00        {spent}      {rate}
合计                                        700.00        679.40      97.06%
"""


def test_a_table_in_spaces_with_its_groups_names_on_lines_of_their_own(tmp_path):
    """"二、防汛抗旱" over its rows and their 小计: the table goes on past it; the 小计 adds up its own rows."""
    assert [f.code for f in checked(tmp_path, GROUPED.format(spent="192.40", rate="96.20%")).findings] == []
    slipped = checked(tmp_path, GROUPED.format(spent="129.40", rate="96.20%")).findings   # (192.40, two digits swapped)
    assert ("SUM_MISMATCH", "error") in [(f.code, f.severity) for f in slipped]


UNNUMBERED = """某县市场监管局2023年度部门整体支出绩效自评报告

                         表1  2023年度支出经济分类情况表
                                                                  单位：万元
   支出类别及经济分类              全年预算数        全年支出数        执行率
   基本支出
     工资福利支出                    1,398.60          1,395.12        99.75%
     商品和服务支出                    203.80            197.53        96.92%
     小计                            1,602.40          1,592.65        99.39%
   项目支出
     商品和服务支出                    612.30            583.46        95.29%
     资本性支出                        360.80            326.56        90.51%
     小计                              973.10            910.02        93.52%
   合计                              2,575.50          {spent}        {rate}
"""


def test_a_groups_name_set_out_left_of_its_rows_is_no_wrapped_line(tmp_path):
    """"项目支出" set out left of the rows' names, under a 小计: a group's name over its rows, not the 小计's name going
    on ("小计项目支出"); the 合计 adds up the rows (1,592.65 + 910.02 = 2,502.67): a row left out of it (326.56) is found."""
    assert [f.code for f in checked(tmp_path, UNNUMBERED.format(spent="2,502.67", rate="97.17%")).findings] == []
    left_out = checked(tmp_path, UNNUMBERED.format(spent="2,176.11", rate="84.49%")).findings   # (326.56 left out)
    assert [f.code for f in left_out] == ["SUM_MISMATCH"] and "2,502.67" in left_out[0].message


PAIRED = """某县林业局2024年度部门整体支出绩效自评报告

表2  评分表
一级指标    二级指标       三级指标                      指标值/实际值            分值     得分
投入        预算配置       在职人员控制率                ≤100% / 94.00%             5        5
过程        预算执行       预算完成率                    97.50%                     10       9.75
产出        职责履行       人工造林面积                  ≥4000亩 / {area}亩           10       {score}
            管理           管理制度健全性                健全                       5        5
"""


def test_a_column_of_targets_and_actuals_one_slash_apart(tmp_path):
    """"指标值/实际值": each row's "≥4000亩 / 3800亩" its target and what it came to; a value alone what it came to;
    the items named by their 三级指标 (not by those values)."""
    from reading import indicator_values
    result = checked(tmp_path, PAIRED.format(area="3800", score="9.5"))
    values = indicator_values(result)
    assert values["在职人员控制率"] == (100, 94, 5, 5) and values["人工造林面积"] == (4000, 3800, 10, 9.5)
    assert values["预算完成率"] == (None, 97.5, 10, 9.75)
    assert {i.name for i in result.facts.items} >= {"在职人员控制率", "人工造林面积"}
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert ("SCORE_MISMATCH", "error") in [(f.code, f.severity) for f in checked(
        tmp_path, PAIRED.format(area="3800", score="9.05")).findings]


def test_a_tables_total_that_left_out_a_row_after_the_groups_subtotals(tmp_path):
    """Rows under each town's merged cell (left empty), each town's 小计, then a row of no town and the 合计: the 合计
    against every row that is no 小计 (155.00 left out: 641.54 for 796.54)."""
    rows = ["乡镇\t路段\t支出（万元）", "兴隆镇\t兴隆—东岗\t33.48", "\t兴隆—三合\t96.60", "\t小计\t130.08",
            "太平乡\t太平—柳河\t40.32", "\t太平—红星\t117.90", "\t小计\t158.22", "县养护站\t县道养护\t155.00", "合计\t\t{total}"]
    text = "某县2024年度农村公路养护项目支出绩效自评报告\n\n表1 支出明细表\n" + "\n".join(rows) + "\n"
    assert [f.code for f in checked(tmp_path, text.format(total="443.30")).findings] == []
    assert [f.code for f in checked(tmp_path, text.format(total="288.30")).findings] == ["SUM_MISMATCH"]
