"""Tables whose 小计 rows stand after their own rows, as reports print them: under a first column of 科目编码 (the
小计 and 合计 rows with no code), a 小计 of one row, a 小计 named for its group ("柳河镇小计"); and a 评分表's group row
whose rows have their 一级 and 二级 cells merged empty."""
from __future__ import annotations

from reading import checked

HEAD = "某县市场监督管理局2024年度部门整体支出绩效自评报告\n"
BY_CODE = """表1　2024年度支出决算功能分类明细表
单位：万元
| 科目编码 | 科目名称 | 基本支出 | 项目支出 | 合计 |
| 2013801 | 行政运行 | 1,842.36 |  | 1,842.36 |
| 2013816 | 食品安全监管 |  | 412.74 | 412.74 |
| 2013850 | 事业运行 | 215.58 |  | 215.58 |
|  | 一般公共服务支出小计 | 2,057.94 | 412.74 | 2,470.68 |
| 2080505 | 机关事业单位基本养老保险缴费支出 | 248.62 |  | 248.62 |
| 2080506 | 机关事业单位职业年金缴费支出 | 62.18 |  | 62.18 |
|  | 社会保障和就业支出小计 | 310.80 |  | 310.80 |
| 2210201 | 住房公积金 | 156.24 |  | 156.24 |
|  | 住房保障支出小计 | 156.24 |  | 156.24 |
|  | 合计 | 2,524.98 | 412.74 | {total} |
"""


def sums(result) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in result.findings if f.code == "SUM_MISMATCH"]


def test_a_total_that_left_out_the_last_subtotal_under_a_column_of_codes(tmp_path):
    # (2,470.68 + 310.80 + 156.24 = 2,937.72; 2,781.48 is without the 住房保障 小计, a row of its own one row)
    result = checked(tmp_path, HEAD + BY_CODE.format(total="2,781.48"))
    assert [(f.code, "2,937.72" in f.message) for f in result.findings] == [("SUM_MISMATCH", True)]


def test_the_same_table_adding_up_says_nothing(tmp_path):
    assert checked(tmp_path, HEAD + BY_CODE.format(total="2,937.72")).findings == []


BY_TOWN = """表1　2024年农村危房改造补助资金分镇明细表
单位：户、元
镇（街道）\t改造类型\t户数\t补助标准\t补助资金\t已拨付
青石镇\t加固\t46\t18,000\t828,000\t828,000
\t重建\t12\t36,000\t432,000\t432,000
青石镇小计\t\t58\t\t1,260,000\t1,260,000
柳河镇\t加固\t38\t18,000\t684,000\t657,000
\t重建\t9\t36,000\t324,000\t324,000
柳河镇小计\t\t{households}\t\t{subsidy}\t{paid}
合计\t\t105\t\t2,268,000\t2,241,000
"""


def test_a_named_subtotal_not_updated_with_its_rows(tmp_path):
    result = checked(tmp_path, HEAD + BY_TOWN.format(households=44, subsidy="954,000", paid="954,000"))
    assert [code for code, _ in sums(result)] == ["SUM_MISMATCH"]
    assert "小计行" in result.findings[0].message and "柳河镇小计" in result.findings[0].message


def test_named_subtotals_that_add_up(tmp_path):
    assert sums(checked(tmp_path, HEAD + BY_TOWN.format(households=47, subsidy="1,008,000", paid="981,000"))) == []


SOURCES = """表2　2024年度收入来源情况表
单位：元
收入来源\t全年预算数\t占比
一、一般公共预算拨款\t16,320,055.40\t74.27%
  县本级\t9,434,785.40\t42.93%
  上级补助小计\t6,885,270.00\t31.33%
    中央\t3,800,000.00\t17.29%
    自治区\t2,600,000.00\t11.83%
    地区\t485,270.00\t2.21%
二、政府性基金预算拨款\t1,200,000.00\t5.46%
三、其他收入\t4,454,800.00\t20.27%
合计\t21,974,855.40\t100.00%
"""


def test_a_named_subtotal_above_its_rows_is_none_of_the_rows_before_it(tmp_path):
    assert sums(checked(tmp_path, HEAD + SOURCES)) == []


FORM = """部门整体支出绩效自评表
一级\t二级\t三级\t年度\t实际\t分值\t得分\t偏差原因分析
指标\t指标\t指标\t指标值\t完成值\t\t\t及改进措施
产出指标\t\t\t\t\t30\t{group}
\t数量指标\t城乡低保保障人数\t≥6,800人\t6,912人\t8\t8
\t\t临时救助人次\t≥1,200人次\t1,126人次\t8\t7.51\t部分对象转入低保常态化保障
\t质量指标\t低保对象动态核查率\t=100%\t100%\t6\t6
\t\t特困人员集中供养率\t≥40%\t43.3%\t8\t8
"""


def test_a_group_rows_score_against_rows_whose_first_two_cells_are_merged(tmp_path):
    result = checked(tmp_path, HEAD + FORM.format(group="29.15"))
    assert [(f.code, f.severity) for f in result.findings] == [("TOTAL_MISMATCH", "error")]
    assert "29.51" in result.findings[0].message


def test_the_group_row_that_adds_up(tmp_path):
    assert checked(tmp_path, HEAD + FORM.format(group="29.51")).findings == []


SPACED = """评分表
一级指标    二级指标      三级指标          年度指标值      实际完成值     完成率     分值   得分
履职效益    社会效益      道路机械化清扫率  ≥85%            88.4%          104.00%    10     10
（30分）                  案件按期结案率    ≥92%            90.6%          98.48%     10     9.85
                          投诉量            ≤1,500宗        1,386宗        100%       5      5
            可持续影响    市容环境整洁度    好              较好           80%        5      4
"""


def test_a_groups_points_broken_onto_a_row_of_its_own_make_that_row_no_group(tmp_path):
    # (the （30分） row is 案件按期结案率's: 5 + 4 under it are not its parts)
    assert [f.code for f in checked(tmp_path, HEAD + SPACED).findings if f.code == "TOTAL_MISMATCH"] == []
