"""Parts and their wholes said in layers: a 其中 list whose part has its own list, a part adding up the parts before it,
a whole said to be made of its kinds, and a table's 小计 rows among the rows its 合计 adds up."""
from __future__ import annotations

from reading import checked, error_codes

HEAD = "某县林业局2023年度部门整体支出绩效自评报告\n"
# 1,018.73 + 108.73 = 1,127.46; 956.15 + 62.58 = 1,018.73
NESTED = ("2023年基本支出1,127.46万元，其中：人员经费1,018.73万元，其中工资福利支出956.15万元、"
          "对个人和家庭的补助62.58万元，主要用于工资和津补贴；公用经费108.73万元，主要用于办公费和水电费。\n")


def findings(tmp_path, text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in checked(tmp_path, HEAD + text).findings]


def test_a_part_with_its_own_list_adds_up_both_ways(tmp_path):
    assert findings(tmp_path, NESTED) == []


def test_the_inner_list_off_its_part_is_an_error_of_that_part(tmp_path):
    wrong = NESTED.replace("62.58万元", "65.28万元")     # 956.15 + 65.28 = 1,021.43 ≠ 1,018.73
    found = checked(tmp_path, HEAD + wrong).findings
    assert [f.code for f in found] == ["SUM_MISMATCH"]
    assert "1,021.43" in found[0].message and "1,018.73" in found[0].message


def test_the_outer_list_off_its_whole_is_an_error_of_the_whole(tmp_path):
    wrong = NESTED.replace("公用经费108.73", "公用经费118.73")    # 1,018.73 + 118.73 = 1,137.46 ≠ 1,127.46
    found = checked(tmp_path, HEAD + wrong).findings
    assert [f.code for f in found] == ["SUM_MISMATCH"]
    assert "1,137.46" in found[0].message and "1,127.46" in found[0].message


def test_a_part_list_not_closed_by_a_semicolon_is_not_checked(tmp_path):
    # where the part's list ends is not said: neither list is known
    loose = NESTED.replace("主要用于工资和津补贴；", "").replace("62.58万元", "65.28万元")
    assert findings(tmp_path, loose) == []


SUBTOTALLED = """某县民宗局2023年度项目支出绩效自评报告
2023年少数民族发展专项资金安排表
| 单位名称 | 合计 | 基础设施类 | 产业发展类 |
| 竹岭乡小计 | 70 | 40 | 30 |
| 后垄村茶园产业道路硬化 | 40 | 40 | |
| 半岭村白茶加工厂房提升 | 30 | | 30 |
| 溪口镇小计 | 63 | 35 | 28 |
| 坑源村人饮工程 | 35 | 35 | |
| 坑源村百香果种植基地 | 28 | | 28 |
| 县民宗局 | 20 | 20 | |
| 合计 | {total} | 95 | 58 |
"""


def test_a_column_whose_rows_hold_their_own_subtotals_is_not_summed_whole(tmp_path):
    # 70 + 63 + 20 = 153: the 小计 rows and the one row under none; every row summed would double the projects
    assert findings(tmp_path, SUBTOTALLED.format(total=153).split("\n", 1)[1]) == []


def test_a_part_that_adds_up_the_parts_before_it_stands_for_them(tmp_path):
    said = ("2023年中央财政下达草原生态保护补助奖励资金480.50万元。其中：禁牧补助289.50万元（38.6万亩×7.5元），"
            "草畜平衡奖励131.00万元（52.4万亩×2.5元），以上两项共420.50万元于1月提前下达；绩效评价奖励资金{last}万元于8月下达。\n")
    assert findings(tmp_path, said.format(last="60.00")) == []
    assert findings(tmp_path, said.format(last="70.00")) == [("SUM_MISMATCH", "error")]    # 420.50 + 70 ≠ 480.50


SUBTOTALS_AFTER_THEIR_ROWS = """| 资金来源 | 预算数（万元） | 执行数（万元） | 执行率 | 结余（万元） |
|---|---|---|---|---|
| 省级补助 | 150.00 | 146.28 | 97.52% | 3.72 |
| 市级补助 | 60.00 | 60.00 | 100.00% | 0.00 |
| 上级资金小计 | 210.00 | 206.28 | 98.23% | 3.72 |
| 县级配套 | 210.00 | 196.02 | 93.34% | 13.98 |
| 福彩公益金 | 40.00 | 37.56 | 93.90% | 2.44 |
| 合计 | 460.00 | 439.86 | 95.62% | {left} |
"""


def test_a_column_with_subtotals_after_their_rows_against_its_total(tmp_path):
    """Each 小计 stands for the rows since the one before it (they come to it): the 合计 is the 小计 and the rows after."""
    assert findings(tmp_path, SUBTOTALS_AFTER_THEIR_ROWS.format(left="20.14")) == []     # 3.72 + 13.98 + 2.44
    found = checked(tmp_path, HEAD + SUBTOTALS_AFTER_THEIR_ROWS.format(left="20.41")).findings
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")] and "20.14" in found[0].message


def test_a_whole_said_to_be_made_of_its_kinds(tmp_path):
    said = ("按支出功能分类，全年支出2,577.12万元由以下五类构成：一般公共服务支出612.48万元、农林水支出{farm}万元、"
            "社会保障和就业支出297.36万元、城乡社区支出214.80万元、卫生健康支出65.53万元。\n")
    assert findings(tmp_path, said.format(farm="1,386.95")) == []
    assert findings(tmp_path, said.format(farm="1,396.95")) == [("SUM_MISMATCH", "error")]


def test_what_is_carried_over_by_its_sources(tmp_path):
    """"年末结转结余79.89万元，其中一般公共预算70.17万元、上年结转资金6.22万元、其他收入3.50万元": the sources of what is
    carried over, one list (a 预算 in a source's name makes it no budget) — not 6.22 + 3.50 against 79.89."""
    said = "年末结转结余79.89万元，其中一般公共预算70.17万元、上年结转资金6.22万元、其他收入3.50万元，结转结余率2.81%。\n"
    assert findings(tmp_path, said) == []
    found = checked(tmp_path, HEAD + said.replace("70.17万元", "71.17万元")).findings
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")] and "80.89" in found[0].message


def test_a_header_of_two_rows_with_a_total_under_each_group(tmp_path):
    """"全年预算数 | | | 全年执行数 | | | 执行率" over "合计 | 基本支出 | 项目支出" twice: each 合计 is its group's whole, so a
    row's 执行率 is its 全年执行数合计 ÷ 全年预算数合计 (25,697.21 ÷ 26,418.36 = 97.27%), not of its 基本支出 columns."""
    table = ("| 资金来源 | 全年预算数 | | | 全年执行数 | | | 执行率 |\n"
             "| | 合计 | 基本支出 | 项目支出 | 合计 | 基本支出 | 项目支出 | |\n"
             "| 财政拨款 | 26,418.36 | 3,862.40 | 22,555.96 | 25,697.21 | 3,851.73 | 21,845.48 | {rate} |\n"
             "| 其他资金 | 186.50 | 0 | 186.50 | 171.20 | 0 | 171.20 | 91.80% |\n"
             "| 合计 | 26,604.86 | 3,862.40 | 22,742.46 | 25,868.41 | 3,851.73 | 22,016.68 | 97.23% |\n")
    assert findings(tmp_path, table.format(rate="97.27%")) == []
    assert findings(tmp_path, table.format(rate="97.72%")) == [("STATED_RATE_MISMATCH", "warning")]


def test_a_source_named_by_its_budget_is_one_of_the_parts(tmp_path):
    """"年初预算24,386.52万元，其中：一般公共预算财政拨款23,586.52万元，事业收入620.00万元，其他收入180.00万元": the
    budget by its sources, one list (a source named 一般公共预算 is no budget of its own) — not 620 + 180 against it."""
    said = ("2023年年初预算24,386.52万元，其中：一般公共预算财政拨款23,586.52万元，事业收入620.00万元，其他收入180.00万元。\n")
    assert findings(tmp_path, said) == []
    found = checked(tmp_path, HEAD + said.replace("23,586.52万元", "23,568.52万元")).findings
    assert [f.code for f in found] == ["SUM_MISMATCH"]


LIST_GOES_ON = "全年支出1,812.64万元。其中拨付乡镇卫生院1,086.20万元，拨付村卫生室543.79万元，占已拨付资金的30%；拨付县疾控中心等专业公共卫生机构{last}万元。\n"


def test_a_list_that_goes_on_past_a_semicolon_makes_up_its_whole(tmp_path):
    """The parts read (1,086.20 + 543.79) fall short of the whole by just the amount said after the ";" — no
    warning; an amount that does not make it up leaves the warning that the list may not be whole."""
    assert checked(tmp_path, "某县卫健局2023年度项目支出绩效自评报告\n" + LIST_GOES_ON.format(last="182.65")).findings == []
    short = checked(tmp_path, "某县卫健局2023年度项目支出绩效自评报告\n" + LIST_GOES_ON.format(last="128.65")).findings
    assert [(f.code, f.severity) for f in short] == [("SUM_MISMATCH", "warning")]


SPENDING_TABLE = """某县文旅局2023年度部门整体支出绩效自评报告
表1 项目支出情况（单位：万元）
| 项目名称 | 全年预算数 | 执行数 | 执行率 |
| 文化惠民工程 | 200.00 | 150.00 | 75.00% |
| 非遗保护 | 194.36 | 122.07 | 62.81% |
| 合计 | 394.36 | {total} | 68.99% |
"""


def test_a_total_rows_rate_of_its_rows_sum_is_not_said_again(tmp_path):
    """The 合计's 执行数 written wrong (270.27 for 272.07) is the error; its rate, the rows' sum over the budget, is
    no second finding."""
    assert checked(tmp_path, SPENDING_TABLE.format(total="272.07")).findings == []
    slipped = checked(tmp_path, SPENDING_TABLE.format(total="270.27")).findings
    assert [(f.code, f.severity) for f in slipped] == [("SUM_MISMATCH", "error")]


TWO_ROW_HEADER = """某县农业农村局2023年度部门整体支出绩效自评报告
| 2023 | 新建高标准农田1.2万亩。 | 新建高标准农田1.2万亩。 | | | | | | |
| 二、部门年度重点工作任务 | | | | | | | | |
| 任务名称 | 项目 | 主要内容 | 预算申请（万元） | | | 实际支出（万元） | 预算执行率 | 未完成原因和改进措施 |
| | | | 总额 | 财政拨款 | 其他资金 | | | |
| 耕地保护 | 地力补贴 | 按面积兑付 | 1,386.42 | 1,386.42 | 0.00 | 1,386.42 | 100.00% | |
| 农田建设 | 高标准农田 | 新建1.2万亩 | 1,860.00 | 1,800.00 | 60.00 | 1,524.76 | 81.98% | 未完成竣工验收 |
| 动物防疫 | 强制免疫 | 疫苗采购 | 138.56 | 138.56 | 0.00 | 132.40 | 95.55% | |
| 合计 | | | 3,384.98 | {funded} | 60.00 | 3,043.58 | 89.91% | |
"""


def test_a_column_under_a_two_row_headers_merged_unit(tmp_path):
    """"财政拨款" under "预算申请（万元）" merged over three columns: a column of amounts in 万元, added up against its
    合计 row."""
    assert checked(tmp_path, TWO_ROW_HEADER.format(funded="3,324.98")).findings == []
    slipped = checked(tmp_path, TWO_ROW_HEADER.format(funded="3,234.98")).findings
    assert [f.code for f in slipped] == ["SUM_MISMATCH"] and "财政拨款" in slipped[0].message


def test_a_list_whose_first_part_is_the_sum_of_the_next_two_by_chance_is_still_a_flat_list(tmp_path):
    """"器材更新30.00万元、健身房12.00万元、步道18.00万元、…，合计…": 30 = 12 + 18 by chance, no part's own parts (none
    said to be its own, and the list goes on after them) — the list against its 合计."""
    text = (HEAD + "2023年专项资金安排为：健身器材更新30.00万元、百姓健身房12.00万元、健身步道18.00万元、赛事活动9.50万元，"
            "合计{whole}万元。\n")
    assert error_codes(checked(tmp_path, text.format(whole="69.50"))) == []
    assert error_codes(checked(tmp_path, text.format(whole="96.50"))) == ["SUM_MISMATCH"]


def test_a_breakdown_by_one_classification_after_its_whole(tmp_path):
    """"全年支出…，按经济分类：工资福利支出…，商品和服务支出…，对个人和家庭的补助…": every part of it."""
    text = HEAD + "全年支出{whole}万元，按经济分类：工资福利支出120.50万元，商品和服务支出86.30万元，对个人和家庭的补助64.20万元。\n"
    assert error_codes(checked(tmp_path, text.format(whole="271.00"))) == []
    assert error_codes(checked(tmp_path, text.format(whole="261.00"))) == ["SUM_MISMATCH"]


def test_figures_said_respectively_of_names_before_them_then_their_total(tmp_path):
    """"城区、东乡、西乡三个片区分别支出120.50万元、86.30万元、64.20万元，合计…"."""
    text = HEAD + "城区、东乡、西乡三个片区分别支出120.50万元、86.30万元、64.20万元，合计{whole}万元。\n"
    assert error_codes(checked(tmp_path, text.format(whole="271.00"))) == []
    assert error_codes(checked(tmp_path, text.format(whole="261.00"))) == ["SUM_MISMATCH"]


# 基本支出 with its 其中 rows, then the projects and their 小计: 1,108.50 + 204.30 = 1,312.80; the projects' 全年 column
# 1,650.00 + 468.50 + 936.00 + 120.00 = 3,174.50 and their 执行 1,650.00 + 455.32 + 902.47 + 86.40 = 3,094.19
KINDS_AND_PROJECTS = """| 支出项目 | 全年预算 | 执行数 |
| 一、基本支出 | 1,312.80 | 1,304.66 |
| 其中：人员经费 | 1,108.50 | 1,104.92 |
| 　　　公用经费 | 204.30 | 199.74 |
| 二、项目支出 | | |
| 环卫保洁服务 | 1,650.00 | 1,650.00 |
| 路灯运行维护 | 468.50 | 455.32 |
| 园林绿化养护 | 936.00 | 902.47 |
| 违法建设治理 | 120.00 | 86.40 |
| 项目支出小计 | 3,174.50 | {spent} |
| 合计 | 4,487.30 | 4,398.85 |
"""


def test_a_subtotal_under_its_projects_in_a_table_with_other_rows_parts(tmp_path):
    """The table's 其中 rows leave which rows its 合计 adds up unsaid; the 小计's 全年 column comes to the four projects
    over it to the cent, so its 执行 column is held to those very rows."""
    assert findings(tmp_path, KINDS_AND_PROJECTS.format(spent="3,094.19")) == []
    found = checked(tmp_path, HEAD + KINDS_AND_PROJECTS.format(spent="3,007.79")).findings     # the last project left out
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")]
    assert "3,094.19" in found[0].message and "违法建设治理" in found[0].message
    found = checked(tmp_path, HEAD + KINDS_AND_PROJECTS.format(spent="3,061.33")).findings     # 32.86 off: no row's figure, no slip
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "warning")]


def test_a_subtotal_none_of_whose_columns_come_to_the_rows_over_it_is_not_held_to_them(tmp_path):
    """Neither column of the 小计 comes to any run of rows over it: which rows it adds up is not known."""
    table = KINDS_AND_PROJECTS.replace("3,174.50", "3,274.50").format(spent="3,007.79")
    assert findings(tmp_path, table) == []
