"""The 自评表 forms read by their headers, whichever way a table arrives as text: `|` rows,
tab or space columns, one cell a line; and what a form's notes say is no claim."""
from __future__ import annotations

import pytest

from engine.report.check import check
from engine.report.claims import read_facts
from engine.report.text import read_report
from reading import checked, indicator_values

PROJECT_FORM = """项目支出绩效自评表
（2024年度）
| 项目名称 | 乡村道路养护补助 | | | | | | |
| 实施单位 | 青石县公路养护站 | | | | | | |
| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | 80.00 | 90.00 | 86.40 | 10 | 96.00% | 9.60 |
| | 其中：当年财政拨款 | 80.00 | 85.00 | 81.60 | — | 96.00% | — |
| | 上年结转资金 | 0 | 5.00 | 4.80 | — | 96.00% | — |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| | 产出指标 | 数量指标 | 养护农村公路里程 | ≥120公里 | 126公里 | 20 | 20 | |
| | | 质量指标 | 路况优良率 | ≥85% | 80% | 20 | 18.82 | 雨季损毁较多 |
| | | 成本指标 | 每公里养护成本 | ≤0.75万元 | 0.69万元 | 10 | 10 | |
| | 效益指标 | 社会效益指标 | 群众出行条件 | 持续改善 | 达成年度指标 | 20 | 20 | |
| | 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 94% | 20 | 20 | |
| 总分 | | | | | | 100 | 98.42 | |
注：执行率低于90%的须说明原因；定性指标按达成、部分达成、未达成三档计分，未达成的得0分。
"""


def read(tmp_path, text: str, name: str = "form.txt"):
    return checked(tmp_path, text, name)


def indicator_rows(result) -> list[tuple]:
    return [(i.name, i.level1, i.direction, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators]


def as_tabs(text: str) -> str:
    return "\n".join("\t".join(c.strip() for c in line.strip().strip("|").split("|")) if "|" in line else line
                     for line in text.splitlines())


def as_spaces(text: str) -> str:
    return "\n".join("    ".join(c.strip() or "——" for c in line.strip().strip("|").split("|")) if "|" in line
                     else line for line in text.splitlines())


@pytest.mark.parametrize("layout", [lambda t: t, as_tabs, as_spaces], ids=["pipes", "tabs", "spaces"])
def test_a_project_form_is_read_by_its_headers(tmp_path, layout):
    result = read(tmp_path, layout(PROJECT_FORM))
    facts = result.facts
    amounts = {k: n.value for k, n in facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 80.0, "budget_total": 90.0, "spend_total": 86.4}   # 年度资金总额, not 其中
    assert facts.keyed_rates()["exec_rate"].value == 96.0
    rows = [(i.name, i.direction, i.target and i.target.value, i.actual and i.actual.value, i.weight.value,
             i.self_score.value) for i in facts.indicators]
    assert rows[:3] == [("养护农村公路里程", ">=", 120, 126, 20, 20), ("路况优良率", ">=", 85, 80, 20, 18.82),
                        ("每公里养护成本", "<=", 0.75, 0.69, 10, 10)]
    assert facts.indicators[3].direction == "定性" and facts.indicators[3].tier == "持续改善"
    assert facts.total.value == 98.42
    assert result.findings == [], [f.message for f in result.findings]   # the note's 90% and 0分 are no claims
    assert result.kind == "项目支出"
    assert not {"budget_total", "spend_total", "self_scores.total"} & set(result.coverage.unread)


def test_a_slip_in_a_form_is_found_at_its_row(tmp_path):
    slipped = PROJECT_FORM.replace("| 0.69万元 | 10 | 10 |", "| 0.82万元 | 10 | 10 |")   # a ceiling exceeded, full marks
    result = read(tmp_path, slipped)
    assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"]
    assert "每公里养护成本" in result.findings[0].message and result.findings[0].where == "第12行"


def test_a_rate_that_its_row_does_not_give(tmp_path):
    slipped = PROJECT_FORM.replace("| 86.40 | 10 | 96.00% |", "| 86.40 | 10 | 98.00% |")
    result = read(tmp_path, slipped)
    assert "STATED_RATE_MISMATCH" in [f.code for f in result.findings]
    assert not [f for f in result.findings if f.severity == "error"]     # SPEC 8: a stated rate is a warning


def test_target_and_actual_in_different_units_are_not_compared(tmp_path):
    mixed = PROJECT_FORM.replace("| ≥120公里 | 126公里 |", "| ≥12万米 | 126公里 |")
    result = read(tmp_path, mixed)
    assert result.facts.indicators[0].target is None and result.findings == []


SCORE_TABLE = """某县档案馆2024年度部门整体支出绩效自评报告
一、评分情况
一级指标

分值

自评得分

决策
20
19
过程
30
28.5
产出
30
30
效益
20
19
合计
100
96.5
评分说明：得分低于60分的，评价结果为差。
自评等级：优
"""


def test_a_table_written_one_cell_a_line(tmp_path):
    result = read(tmp_path, SCORE_TABLE)
    assert result.facts.total.value == 96.5 and result.facts.grade[0] == "优"
    assert "| 19" not in result.facts.text.split("\n")[0]
    assert "决策 | 20 | 19" in result.facts.text and "合计 | 100 | 96.5" in result.facts.text
    assert result.findings == []


def test_short_lines_that_do_not_fall_into_rows_stay_text(tmp_path):
    cover = "单位名称\n某县档案馆\n联系人\n王某\n联系电话\n0731-1234567\n全年预算数1,000.00万元，全年执行数950.00万元。\n"
    facts = read(tmp_path, cover).facts
    assert " | " not in facts.text
    assert facts.keyed_amounts()["budget_total"].value == 1000.0


ALIGNED = """青石县环卫所2024年度项目支出绩效自评表
一级指标   二级指标   三级指标              年度指标值   实际完成值   分值   得分    偏差原因分析及改进措施
产出指标   数量指标   清运生活垃圾          ≥3.6万吨     3.7万吨      20     20
           质量指标   垃圾日产日清合格      ≥98%         93%          20     18.98   雨季道路积水，
                      率                                                             清运延误
效益指标   社会效益   群众投诉件数          ≤40件        50件         20     16
满意度指标 满意度     群众满意度            ≥90%         95%          20     20
总分                                                                      80     74.98
"""


def test_columns_set_by_spaces_with_merged_cells_and_wrapped_rows(tmp_path):
    result = read(tmp_path, ALIGNED)
    rows = indicator_rows(result)
    assert rows == [("清运生活垃圾", "产出指标", ">=", 3.6, 3.7, 20, 20),
                    ("垃圾日产日清合格率", "产出指标", ">=", 98, 93, 20, 18.98),
                    ("群众投诉件数", "效益指标", "<=", 40, 50, 20, 16),
                    ("群众满意度", "满意度指标", ">=", 90, 95, 20, 20)]
    assert result.facts.indicators[1].deviation_reason == "雨季道路积水,清运延误"
    assert result.facts.total.value == 74.98
    assert result.findings == [], [f.message for f in result.findings]


def test_a_total_row_its_rows_do_not_add_up_to(tmp_path):
    slipped = PROJECT_FORM.replace("| 100 | 98.42 |", "| 100 | 99.42 |")
    result = read(tmp_path, slipped)
    assert [f.code for f in result.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]
    assert "98.42" in result.findings[0].message


CELLS_WITH_MERGES = """项目支出绩效自评表 |
一级指标 |
二级指标 |
三级指标 |
指标性质 |
指标值 |
度量单位 |
完成值 |
权重 |
得分 |
未完成原因分析 |
产出指标 |
数量指标 |
新建村级书屋 |
≥ |
30 |
个 |
31 |
40 |
40 |
|
质量指标 |
验收合格率 |
= |
100 |
% |
100 |
30 |
30 |
|
满意度指标 |
满意度 |
读者满意度 |
≥ |
90 |
% |
88 |
30 |
29.33 |
宣传不足 |
合计 |
100 |
99.33 |
|
"""



CELLS_WITHOUT_DIRECTION_COLUMN = "\n".join("""一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
产出指标
数量指标
培训基层干部
≥300人次
320人次
50
50
质量指标
培训合格率
≥95%
90%
30
28.42
满意度指标
满意度
学员满意度
≥90%
97%
20
20
总分
100
98.42""".splitlines()) + "\n"


@pytest.mark.parametrize("text, expected, total", [
    (CELLS_WITH_MERGES, [("新建村级书屋", "产出指标", ">=", 30, 31, 40, 40), ("验收合格率", "产出指标", "=", 100, 100, 30, 30),
                         ("读者满意度", "满意度指标", ">=", 90, 88, 30, 29.33)], 99.33),
    (CELLS_WITHOUT_DIRECTION_COLUMN, [("培训基层干部", "产出指标", ">=", 300, 320, 50, 50),
                                      ("培训合格率", "产出指标", ">=", 95, 90, 30, 28.42),
                                      ("学员满意度", "满意度指标", ">=", 90, 97, 20, 20)], 98.42),
], ids=["merged-cells-left-out", "rows-end-with-points-and-score"])
def test_a_form_one_cell_a_line(tmp_path, text, expected, total):
    """Merged cells left out (each row found by its 指标性质 cell), or no 指标性质 column (each
    row ending with its 分值 and 得分)."""
    result = read(tmp_path, text)
    assert indicator_rows(result) == expected
    assert result.facts.total.value == total and result.findings == []


FUNDS_ONE_CELL_A_LINE = "\n".join("""项目支出绩效自评表
实施单位
某县图书馆
项目资金（万元）
年初预算数
全年预算数
全年执行数
分值
执行率
得分
年度资金总额
40.00
44.00
41.80
10
95%
9.5
其中：当年财政拨款
40.00
44.00
41.80
其他资金
0
0
0
年度总体目标
建成乡镇分馆3个，年内全部开放。""".splitlines()) + "\n"


def test_a_funds_table_one_cell_a_line_whose_parts_leave_cells_out(tmp_path):
    result = read(tmp_path, FUNDS_ONE_CELL_A_LINE)
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 40.0, "budget_total": 44.0, "spend_total": 41.8}
    assert result.facts.keyed_rates()["exec_rate"].value == 95 and result.facts.dept_name == "某县图书馆"
    assert result.findings == []


def test_the_execution_row_scores_its_rate_times_its_points(tmp_path):
    slipped = PROJECT_FORM.replace("| 10 | 96.00% | 9.60 |", "| 10 | 96.00% | 10.00 |")
    result = read(tmp_path, slipped)
    errors = [f for f in result.findings if f.severity == "error"]
    assert [f.code for f in errors] == ["SCORE_MISMATCH", "TOTAL_MISMATCH"]   # and the 总分 row no longer adds up
    assert "9.60" in errors[0].message and errors[0].where == "第6行"


def test_header_words_broken_over_two_lines(tmp_path):
    broken = FUNDS_ONE_CELL_A_LINE.replace("年初预算数\n全年预算数\n全年执行数\n", "年初\n预算数\n全年\n预算数\n全年\n执行数\n")
    result = read(tmp_path, broken)
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 40.0, "budget_total": 44.0, "spend_total": 41.8}


def test_a_new_provinces_header_word_is_a_vocabulary_entry(tmp_path, monkeypatch):
    """A form whose target column is headed 考核目标值 — a word no form of ours uses — is read
    once the word is added to the vocabulary file, and not before: data, not code."""
    from engine.report import vocabulary
    other = PROJECT_FORM.replace("| 年度指标值 |", "| 考核目标值 |")
    assert read(tmp_path, other).facts.indicators[0].target is None
    words = vocabulary.VOCABULARY.read_text(encoding="utf-8").replace('target = ["年度指标值"', 'target = ["考核目标值", "年度指标值"')
    (tmp_path / "forms.toml").write_text(words, encoding="utf-8")
    monkeypatch.setattr(vocabulary, "VOCABULARY", tmp_path / "forms.toml")
    vocabulary.reload_forms()
    try:
        first = read(tmp_path, other).facts.indicators[0]
        assert (first.name, first.target.value, first.actual.value) == ("养护农村公路里程", 120, 126)
    finally:
        vocabulary.reload_forms()


def test_a_form_run_together_on_one_line(tmp_path):
    """A text layer copied out of a document: the whole form on one line, cells one space apart."""
    line = ("admin 1 2024-03-01T08:00:00Z 附件: 项目支出绩效自评表 (2023年度) 项目名称 农村公路养护 实施单位 某县公路站 "
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 60 64 60.8 10 95% 9.5 "
            "其中:本年财政拨款 60 64 60.8 其他资金 年度总体目标 完成全县农村公路日常养护任务，路况保持良好。")
    result = read(tmp_path, line + "\n")
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 60.0, "budget_total": 64.0, "spend_total": 60.8}
    assert result.facts.keyed_rates()["exec_rate"].value == 95 and result.findings == []
    short = "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 是一句话里的词。"   # not a form run together
    assert " | " not in read(tmp_path, short + "\n").facts.text


# A 项目支出 form copied out cell by cell: no 指标性质 column, a 偏差原因 column; empty cells left
# out; some rows give target and actual as bare figures (four figures end the row), some as words
# (two), one a target with its unit and a bare actual (three); a 偏差原因 that is a sentence or "0";
# "社会效益" / "指标" broken over two lines; the funds block above it.
CELLS_WITH_REASONS = "\n".join("""项目资金（万元）
年初预算数
全年预算数
全年执行数
分值
执行率
得分
年度资金总额
30
32
28.8
10
90%
9
其中：当年财政拨款
30
32
28.8
上年结转资金
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
指标1修缮校舍面积
1200
1150
20
19.17
雨季停工，余下部分次年完成。
指标2更换课桌椅套数
≥300套
310
20
20
……
时效指标
指标1按期完工
按期
按期
20
20
效益指标
社会效益
指标
指标1安全隐患消除
消除
消除
20
20
0
满意度指标
满意度
师生满意度
95
97
10
10
0
总分
100
98.17""".splitlines()) + "\n"


def test_a_form_one_cell_a_line_with_reasons_and_rows_of_words(tmp_path):
    result = read(tmp_path, CELLS_WITH_REASONS)
    rows = [(i.name, i.level1, i.target and i.target.value, i.actual and i.actual.value, i.weight.value,
             i.self_score.value) for i in result.facts.indicators]
    assert rows == [("指标1修缮校舍面积", "产出指标", 1200, 1150, 20, 19.17),
                    ("指标2更换课桌椅套数", "产出指标", 300, 310, 20, 20),
                    ("指标1按期完工", "产出指标", None, None, 20, 20),
                    ("指标1安全隐患消除", "效益指标", None, None, 20, 20),
                    ("师生满意度", "满意度指标", 95, 97, 10, 10)]
    assert result.facts.indicators[0].deviation_reason.startswith("雨季停工")
    assert result.facts.total.value == 98.17
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 30.0, "budget_total": 32.0, "spend_total": 28.8}
    assert result.findings == []
    slipped = read(tmp_path, CELLS_WITH_REASONS.replace("1150\n20\n19.17", "1150\n20\n20"))
    assert [f.code for f in slipped.findings if f.severity == "error"][:1] == ["SCORE_MISMATCH"]


def test_indicator_rows_of_a_form_run_together_on_one_line(tmp_path):
    """The indicator block of a form copied out as one line: each row found by the figures it
    ends with, a bare 实际完成值 read in its target's unit (≥8公里 | 8.3)."""
    line = ("附件: 项目支出绩效自评表 (2023年度) 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            "年度资金总额 50 50 49 10 98% 9.8 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            "偏差原因分析及改进措施 产出指标(60分) 数量指标 新修机耕道 ≥8公里 8.3 30 30 时效指标 完工时间 年底前完成 "
            "按期完成 30 30 效益指标(30分) 社会效益指标 受益人口 ≥2000人 2150 30 30 总分 100 99.8 评价等级 优")
    result = read(tmp_path, line + "\n")
    rows = [(i.name, i.level1, i.direction, i.target and i.target.value, i.actual and i.actual.value,
             i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("新修机耕道", "产出指标(60分)", ">=", 8, 8.3, 30, 30),
                    ("完工时间", "产出指标(60分)", "定性", None, None, 30, 30),
                    ("受益人口", "效益指标(30分)", ">=", 2000, 2150, 30, 30)]
    assert result.facts.total.value == 99.8 and result.findings == []


def test_a_table_one_cell_a_line_across_a_page_break(tmp_path):
    """A 评分表 copied cell by cell out of a printed report: the page's number, the report's title
    again with （续） and the table's header again come between its rows; the grade below it is
    two cells of no row."""
    broken = SCORE_TABLE.replace("过程\n", "— 3 —\n\n某县档案馆2024年度部门整体支出绩效自评报告（续）\n一级指标\n分值\n自评得分\n过程\n")
    broken = broken.replace("自评等级：优", "自评等级\n优")
    result = read(tmp_path, broken)
    assert result.facts.total.value == 96.5 and result.facts.grade[0] == "优"
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items] == [
        ("决策", 20, 19), ("过程", 30, 28.5), ("产出", 30, 30), ("效益", 20, 19)]
    assert result.findings == []
    slipped = read(tmp_path, broken.replace("28.5", "27.5"))
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


def test_a_score_table_of_two_levels_is_not_summed(tmp_path):
    """一级 rows and their 二级 rows in one 评分表: the 分值 add up to twice the 合计's, so the
    table does not say its rows are the parts of the 合计 — no sum is checked."""
    table = ("| 指标 | 分值 | 得分 |\n| 决策 | 20 | 19 |\n| 目标设定 | 10 | 9 |\n| 资金投入 | 10 | 10 |\n"
             "| 过程 | 80 | 78 |\n| 资金管理 | 40 | 39 |\n| 组织实施 | 40 | 39 |\n| 合计 | 100 | 97 |\n")
    assert read(tmp_path, table).findings == []
    assert read(tmp_path, table.replace("| 过程 | 80 | 78 |", "| 过程 | 80 | 77 |")).findings == []


NATIONAL_FORM = """部门整体支出绩效自评表
（2024年度）
| 部门（单位）名称 | 某县统计局 | | | | | |
| 年度主要任务 | 任务名称 | 主要内容 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| | 统计调查 | 开展常规统计调查 | 50.00 | 54.00 | 52.38 | 97.00% |
| | 普查工作 | 经济普查入户登记 | 30.00 | 36.00 | 36.00 | 100.00% |
| | 金额合计 | | 80.00 | 90.00 | 88.38 | 98.20% |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| | 产出指标 | 数量指标 | 统计调查任务完成数 | ≥12项 | 12项 | 50 | 50 |
| | 满意度指标 | 服务对象满意度指标 | 数据使用单位满意度 | ≥90% | 93% | 40 | 40 |
| | 预算执行 | | 预算执行率 | 100% | 98.20% | 10 | 9.82 |
| 总分 | | | | | | 100 | 99.82 |
| 自评等级 | 优 | | | | | | |
"""


def test_the_national_department_form_under_a_row_of_its_name(tmp_path):
    """The row of 部门名称 above the funds header is no upper half of a two-row header; the
    indicator rows are not items of a 评分表; the grade in a cell of its own is read."""
    result = read(tmp_path, NATIONAL_FORM)
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts == {"budget_initial": 80, "budget_total": 90, "spend_total": 88.38}
    assert result.facts.keyed_rates()["exec_rate"].value == 98.2 and result.facts.dept_name == "某县统计局"
    assert result.facts.items == [] and len(result.facts.indicators) == 3
    assert result.facts.total.value == 99.82 and result.facts.grade[0] == "优"
    assert result.findings == [], [f.message for f in result.findings]
    assert [f.code for f in read(tmp_path, NATIONAL_FORM.replace("| 自评等级 | 优 |", "| 自评等级 | 良 |")).findings] == [
        "GRADE_MISMATCH"]


def test_the_funds_row_is_the_execution_item_not_an_item_named_after_the_row(tmp_path):
    result = read(tmp_path, PROJECT_FORM)
    assert [(i.name, i.row_id, i.weight.value, i.score.value) for i in result.facts.items] == [
        ("预算执行率", "budget_execution", 10, 9.6)]
    slipped = read(tmp_path, PROJECT_FORM.replace("| 10 | 96.00% | 9.60 |", "| 10 | 96.00% | 10.00 |"))
    assert [f.code for f in slipped.findings].count("SCORE_MISMATCH") == 1     # said once, at its row


def test_a_target_of_nought_has_no_unit_to_differ_in(tmp_path):
    row = "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |\n" \
          "| 预算管理 | 三公经费控制 | “三公”经费变动率 | 5 | ≤0 | -6.5% | 5 |\n"
    ind = read(tmp_path, row).facts.indicators[0]
    assert (ind.direction, ind.target.value, ind.actual.value) == ("<=", 0, -6.5)
    assert read(tmp_path, row).findings == []


FUNDS_NO_NAME_COLUMN = """部门整体支出年度预算执行情况（万元）
年初预算数 | 全年预算数 | 全年执行数 | 执行率
年度资金总额 | 500.00 | 540.00 | 513.00 | 95.00%
其中：当年财政拨款 | 480.00 | 510.00 | 486.00
上年结转资金 | 20.00 | 30.00 | 27.00
其他资金 | 0.00 | 0.00 | 0.00
"""


def test_funds_parts_against_the_total_row(tmp_path):
    """A header that leaves the names' column out: each 其中 row read one cell to the right. The
    parts may come to less than the whole (a source left out) but never to more."""
    assert read(tmp_path, FUNDS_NO_NAME_COLUMN).findings == []
    parts = [(name, {k: n.value for k, n in row.items()})
             for table in read(tmp_path, FUNDS_NO_NAME_COLUMN).facts.forms.funds_tables for name, row in table.parts]
    assert parts[0] == ("其中:当年财政拨款", {"budget_initial": 480, "budget_total": 510, "spend_total": 486})
    left_out = FUNDS_NO_NAME_COLUMN.replace("上年结转资金 | 20.00 | 30.00 | 27.00\n", "")
    assert read(tmp_path, left_out).findings == []
    more = FUNDS_NO_NAME_COLUMN.replace("| 480.00 | 510.00 | 486.00", "| 480.00 | 510.00 | 496.00")
    errors = [f for f in read(tmp_path, more).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["SUM_MISMATCH"] and "523.00" in errors[0].message and "513.00" in errors[0].message


def test_funds_rows_of_two_breakdowns_each_adding_up(tmp_path):
    """其中 rows of two lists, one after the other (by source, then by kind), each coming to the whole: no sum of more."""
    two = FUNDS_NO_NAME_COLUMN.replace("其他资金 | 0.00 | 0.00 | 0.00\n",
                                       "基本支出 | 300.00 | 320.00 | 310.00\n项目支出 | 200.00 | 220.00 | 203.00\n")
    assert [f.code for f in read(tmp_path, two).findings if f.code == "SUM_MISMATCH"] == []


def test_funds_parts_short_of_the_whole_where_the_same_rows_add_up_in_another_column(tmp_path):
    """Less than the whole is no finding where a source may be left out — but where the very rows come to the whole in
    another column (年初预算数, 全年预算数: 480 + 20 = 500, 510 + 30 = 540), none was: 486 + 17 ≠ 513 is a slip."""
    short = FUNDS_NO_NAME_COLUMN.replace("| 20.00 | 30.00 | 27.00", "| 20.00 | 30.00 | 17.00")
    errors = [f for f in read(tmp_path, short).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["SUM_MISMATCH"] and "503.00" in errors[0].message and "513.00" in errors[0].message
    # the rows filling that column do not add up in any other: a source may be left out
    loose = short.replace("| 480.00 | 510.00 |", "| 470.00 | 500.00 |")
    assert [f.code for f in read(tmp_path, loose).findings if f.severity == "error"] == []


def _word_table(rows: list[tuple[str, ...]]):
    """A Word document holding one table of `rows`, each cell's text as given (line breaks and all)."""
    import docx
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    return document, table


def test_a_word_table_whose_total_row_is_merged_across_columns(tmp_path):
    """A Word form's 总分 cell merged over the columns before 分值: each figure keeps its column."""
    rows = [("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
            ("产出指标", "数量指标", "改造校舍面积", "≥1000平方米", "1080平方米", "60", "60"),
            ("满意度指标", "满意度", "师生满意度", "≥90%", "88%", "40", "39.11"),
            ("总分", "", "", "", "", "100", "99.11")]
    document, table = _word_table(rows)
    merged = table.rows[3].cells[0].merge(table.rows[3].cells[4])
    merged.text = "总分"
    document.save(tmp_path / "form.docx")
    result = check(read_facts(read_report(tmp_path / "form.docx")))
    forms = result.facts.forms
    assert (forms.total.value, forms.total_weight.value) == (99.11, 100)
    assert result.findings == [], [f.message for f in result.findings]


TAB_FORM = "\n".join("\t".join(row) for row in [
    ["部门整体绩效自评表"],
    ["主管部门", "某区档案馆", "自评总分（分）", "95.7"],
    ["部门预算执行情况（万元）", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"],
    ["", "200.00", "220.00", "209.00", "95", "10", "9.5"],
    ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）"],
    ["档案数字化页数", "万页", "定量指标", "≥50万页", "≥60万页", "57万页", "95%", "40", "38"],
    ["结转结余率", "%", "定量指标", "≤5%", "", "4.2%", "100%", "30", "30"],
    ["制度健全性", "", "定性指标", "健全", "", "健全", "100%", "20", "18.2"],
]) + "\n"


def test_a_form_of_words_in_its_direction_cells_and_an_adjusted_target(tmp_path):
    """指标性质 cells saying 定量指标 / 定性指标 (the sign is the target's), 调整指标值 as the
    target the year ended with, a bare figure under 执行率（%）, 指标权重 and 指标得分 headers, and
    the 自评总分 beside its cell."""
    result = read(tmp_path, TAB_FORM)
    rows = [(i.name, i.direction, i.target and i.target.value, i.actual and i.actual.value, i.weight.value,
             i.self_score.value) for i in result.facts.indicators]
    assert rows == [("档案数字化页数", ">=", 60, 57, 40, 38), ("结转结余率", "<=", 5, 4.2, 30, 30),
                    ("制度健全性", "定性", None, None, 20, 18.2)]
    assert result.facts.keyed_rates()["exec_rate"].value == 95 and result.facts.total.value == 95.7
    assert result.findings == [], [f.message for f in result.findings]
    slipped = read(tmp_path, TAB_FORM.replace("57万页\t95%\t40\t38", "57万页\t95%\t40\t40"))
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["SCORE_MISMATCH", "TOTAL_MISMATCH"]


SPACED_WRAPPED = """项目名称      农村公路养护项目      项目属性      常年性
项目主管单位  某县交通运输局        项目实施单位  某县公路养护中心

一级指标  二级指标  三级指标        年初指标值  年终完成值  分值  自评分  复核分  评价标准
产出      数量指标  养护里程        ≥300公      310公       20    20              按完成比例计分，最高不超过该指标分值。
指标      15分                      里          里
40分                危桥改造数量    2座         2座         20    20
效益      社会效益  交通事故发生率  较上年下降  下降8%      20    20              定性指标按达成程度分档计分。
满意度              群众满意度      ≥90%        86%         40    38.22
合计                                                        100   98.22
"""


def test_columns_set_by_spaces_with_wrapped_cells_and_a_group_s_points(tmp_path):
    """A wrapped line carries on the row above when its cells are short ends and no figure of
    its own ("里", "15分": a group's points); a line of words in full is a row; a 定性 row's
    actual in words ("下降8%") is read, not taken as its 评价系数."""
    result = read(tmp_path, SPACED_WRAPPED)
    rows = [(i.name, i.direction, i.target and i.target.value, i.actual and i.actual.value, i.weight.value,
             i.self_score.value) for i in result.facts.indicators]
    assert rows == [("养护里程", ">=", 300, 310, 20, 20), ("危桥改造数量", "=", 2, 2, 20, 20),
                    ("交通事故发生率", "定性", None, 8, 20, 20), ("群众满意度", ">=", 90, 86, 40, 38.22)]
    assert result.facts.dept_name == "某县公路养护中心" and result.facts.total.value == 98.22
    assert result.findings == [], [f.message for f in result.findings]


def test_indicator_rows_in_a_forms_own_column_order(tmp_path):
    """分值 before 年度指标值 (a province's order), one cell a line: each row found by its four
    figure cells, the 分值 and 得分 bare figures."""
    cells = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及改进措施",
             "产出指标", "数量指标", "指标1", "建设示范基地", "20", "≥500亩", "520亩", "20",
             "质量指标", "指标1", "苗木成活率", "30", "≥90%", "85%", "28.33", "干旱影响",
             "效益指标", "指标1", "带动农户", "50", "≥2,000户", "2,100户", "50"]
    result = read(tmp_path, "\n".join(cells) + "\n")
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("建设示范基地", 500, 520, 20, 20), ("苗木成活率", 90, 85, 30, 28.33), ("带动农户", 2000, 2100, 50, 50)]   # 2,000: no sentence's comma
    assert result.findings == [], [f.message for f in result.findings]


BANDED = """| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 年度目标值 | 实际完成值 | 得分 |
| 投入管理 | 预算执行 | 预算执行率 | 10 | ≥95%得10分；90%（含）-95%得8分；85%以下不得分 | ≥95% | 93.5% | 8 |
| | | 结转结余率 | 10 | ≤5%得10分；5%-10%（含）得6分；10%以上不得分 | ≤5% | 6.2% | 6 |
| 产出 | 数量 | 完成调研报告 | 80 | 按完成比例计分 | ≥10篇 | 10篇 | 80 |
| 合计 | | | 100 | | | | 94 |
"""


def test_a_row_scored_by_its_own_bands(tmp_path):
    """A row whose 评分标准 states bands is scored by them (the core's TIER_SCORE), not by
    weight × completion; a band read wrong is an error, a rule that cannot be read no error."""
    assert read(tmp_path, BANDED).findings == []
    wrong = read(tmp_path, BANDED.replace("| 93.5% | 8 |", "| 93.5% | 10 |").replace("| 94 |", "| 96 |"))
    assert [f.code for f in wrong.findings if f.severity == "error"] == ["SCORE_MISMATCH"]
    assert "应得 8 分" in wrong.findings[0].message
    unread = read(tmp_path, BANDED.replace("≥95%得10分；90%（含）-95%得8分；85%以下不得分", "酌情扣分"))
    assert [(f.code, f.severity) for f in unread.findings] == [("SCORE_MISMATCH", "warning")]


def test_bands_naming_their_measure_between_bounds_and_full_marks(tmp_path):
    """"执行率≥95%得满分；90%≤执行率<95%得8分；…；低于80%不得分": the measure named in each band, bounds either side
    of it, full marks the row's points — the row scored 分值 × 执行率 (9.36) against bands that give 8 is wrong."""
    rule = "执行率≥95%得满分；90%≤执行率<95%得8分；80%≤执行率<90%得6分；低于80%不得分"
    banded = BANDED.replace("≥95%得10分；90%（含）-95%得8分；85%以下不得分", rule)
    assert read(tmp_path, banded).findings == []
    wrong = read(tmp_path, banded.replace("| 93.5% | 8 |", "| 93.5% | 9.35 |").replace("| 94 |", "| 95.35 |"))
    assert [f.code for f in wrong.findings if f.severity == "error"] == ["SCORE_MISMATCH"] and "应得 8 分" in wrong.findings[0].message
    full = read(tmp_path, banded.replace("| 93.5% | 8 |", "| 96.5% | 10 |").replace("| 94 |", "| 96 |"))
    assert full.findings == []


def test_bands_split_by_commas(tmp_path):
    """"≤20%得3分,20%-30%得2分,30%以上得1分": bands a comma apart, read where semicolons split none — 21.36% is in
    the 20%–30% band (2 of 3 points), no shortfall to score by its completion."""
    rule = "≤20%得3分,20%-30%得2分,30%以上得1分"
    row = "| | | 预算调整率 | 3 | " + rule + " | ≤20% | 21.36% | 2 |\n"
    form = BANDED.replace("| 合计 | | | 100 | | | | 94 |", row + "| 合计 | | | 103 | | | | 96 |")
    assert [f.message for f in read(tmp_path, form).findings] == []
    wrong = read(tmp_path, form.replace("| 21.36% | 2 |", "| 21.36% | 3 |").replace("| 96 |", "| 97 |"))
    assert [(f.code, f.severity) for f in wrong.findings] == [("SCORE_MISMATCH", "error")]
    assert "应得 2 分" in wrong.findings[0].message


def test_the_last_of_ceiling_bands_said_as_above_a_bound(tmp_path):
    """"≤5%得5分,5%—10%(含)得2.5分,>10%不得分": the last band ">10%", read — 6.79% scores 2.5 by the bands, no
    shortfall of weight × completion to warn of; 5 there is wrong."""
    row = "| | | 结转结余率 | 5 | ≤5%得5分,5%—10%(含)得2.5分,>10%不得分 | ≤5% | 6.79% | {score} |\n"
    form = BANDED.replace("| 合计 | | | 100 | | | | 94 |", row + "| 合计 | | | 105 | | | | {total} |")
    assert [f.message for f in read(tmp_path, form.format(score="2.5", total="96.5")).findings] == []
    wrong = read(tmp_path, form.format(score="5", total="99"))
    assert [(f.code, f.severity) for f in wrong.findings] == [("SCORE_MISMATCH", "error")]
    assert "应得 2.5 分" in wrong.findings[0].message


def test_a_row_scored_by_its_deduction_for_each_fault_it_found(tmp_path):
    """"账实相符得4分，每发现1处不符扣0.5分" with "账实不符3处" in its 实际完成值: 4 − 3 × 0.5 = 2.5 — every operand the
    row's own; a count of another thing ("整改完成3处") or a rule taking points off for more than that is not checked."""
    form = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 评分标准 | 得分 |\n"
            "| 管理 | 资产管理 | 资产管理规范性 | 4 | 账实相符 | 账实不符3处 | 账实相符得4分，每发现1处不符扣0.5分 | {score} |\n")
    assert read(tmp_path, form.format(score="2.5")).findings == []
    wrong = read(tmp_path, form.format(score="3.5")).findings
    assert [(f.code, f.severity) for f in wrong] == [("SCORE_MISMATCH", "error")] and "应得 2.5 分" in wrong[0].message
    assert read(tmp_path, form.format(score="3.5").replace("账实不符3处", "整改完成3处")).findings == []
    assert read(tmp_path, form.format(score="3.5").replace("0.5分 |", "0.5分，未建台账扣1分 |")).findings == []


def test_an_indicators_row_with_rate_names_is_no_row_of_labels_and_values(tmp_path):
    """"| 资金使用 | 预算执行率 | 10 | ≥95% | 99.04% | 执行率×分值 | 9.90 |": an indicator's row (its target signed),
    not labels each before its value ("预算执行率：10；执行率×分值：9.90") — read as the indicator it is."""
    form = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 指标值 | 实际完成值 | 评分规则 | 自评分 |\n"
            "| 投入和管理 | 资金落实 | 资金到位率 | 10 | =100% | 100% | 到位率×分值 | 10 |\n"
            "| | 资金使用 | 预算执行率 | 10 | ≥95% | 99.04% | 执行率×分值 | 9.90 |\n")
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, form).facts.indicators]
    assert ("预算执行率", 95, 99.04, 10, 9.90) in rows


def test_a_table_of_the_sources_before_the_form_says_the_same_total(tmp_path):
    """A table of the sources (预算数 | 执行数 | 合计 90.00 | 86.40) before the form: one total said twice, not a form for
    each project — the form's figures and its execution row are the report's."""
    sources = ("二、项目资金使用情况\n| 资金来源 | 预算数（万元） | 执行数（万元） | 执行率 |\n"
               "| 当年财政拨款 | 85.00 | 81.60 | 96.00% |\n| 上年结转资金 | 5.00 | 4.80 | 96.00% |\n"
               "| 合计 | 90.00 | 86.40 | 96.00% |\n")
    result = read(tmp_path, sources + PROJECT_FORM)
    assert {k: n.value for k, n in result.facts.keyed_amounts().items()} == \
        {"budget_initial": 80, "budget_total": 90, "spend_total": 86.40}
    assert [(i.weight.value, i.score.value) for i in result.facts.items if i.row_id == "budget_execution"] == [(10, 9.60)]
    other = sources.replace("| 合计 | 90.00 | 86.40 |", "| 合计 | 95.00 | 86.40 |").replace("| 5.00 | 4.80 |", "| 10.00 | 4.80 |")
    assert read(tmp_path, other + PROJECT_FORM).facts.keyed_amounts() == {}     # (another total: whose is not said)


def test_a_form_for_each_project_gives_no_headline(tmp_path):
    one = PROJECT_FORM
    two = PROJECT_FORM.replace("| 年度资金总额 | 80.00 | 90.00 | 86.40 |", "| 年度资金总额 | 50.00 | 60.00 | 57.60 |").replace(
        "| 其中：当年财政拨款 | 80.00 | 85.00 | 81.60 |", "| 其中：当年财政拨款 | 50.00 | 55.00 | 52.80 |")
    result = read(tmp_path, one + "\n" + two)
    assert result.facts.keyed_amounts() == {} and result.facts.forms.funds_totals == 2
    assert [f.code for f in result.findings if f.code == "SUM_MISMATCH"] == []   # each 其中 against its own total


def test_a_completion_column_is_checked_and_a_capped_one_is_not_an_error(tmp_path):
    form = ("| 三级指标 | 指标值 | 指标分值权重 | 指标赋分规则 | 指标实际完成值 | 完成率 | 指标得分 |\n"
            "| 建议被采纳数 | ≥3条 | 10 | 完成值/指标值×权重 | 2条 | 66.67% | 6.67 |\n"
            "| 数据差错率 | ≤1% | 10 | 不高于指标值得满分 | 0.4% | 100% | 10 |\n"
            "| 总分 | | 20 | | | | 16.67 |\n")
    result = read(tmp_path, form)
    assert [(i.name, i.completion.value) for i in result.facts.indicators] == [("建议被采纳数", 66.67), ("数据差错率", 100)]
    assert result.findings == [], [f.message for f in result.findings]
    wrong = read(tmp_path, form.replace("66.67% | 6.67", "66.76% | 6.67"))       # two digits swapped: a slip
    assert "COMPLETION_MISMATCH" in [f.code for f in wrong.findings if f.severity == "error"]
    other = read(tmp_path, form.replace("66.67% | 6.67", "80.00% | 6.67"))       # of no slip's shape: a warning
    assert [(f.code, f.severity) for f in other.findings if f.code == "COMPLETION_MISMATCH"] == [("COMPLETION_MISMATCH", "warning")]


def test_a_score_table_of_levels_one_cell_a_line(tmp_path):
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分, merged cells left out: a name with one
    figure is a group, with two an item; the 合计 row is the total, checked against the items."""
    cells = ["二、绩效评价指标评分", "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
             "决策", "30", "目标", "10", "目标内容", "10", "9", "依据", "20", "决策程序", "20", "20",
             "产出", "70", "数量", "70", "完成活动", "70", "63", "合计", "100", "92"]
    result = read(tmp_path, "\n".join(cells) + "\n")
    assert [(i.name, i.weight.value, i.score.value) for i in result.facts.items] == [
        ("目标内容", 10, 9), ("决策程序", 20, 20), ("完成活动", 70, 63)]
    assert result.facts.total.value == 92 and result.findings == []
    slipped = read(tmp_path, "\n".join(cells).replace("\n63\n", "\n66\n") + "\n")
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


def test_a_funds_table_in_yuan(tmp_path):
    form = ("| 项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |\n"
            "| 年度资金总额 | 3,000,000.00 | 3,126,000.00 | 2,984,300.00 | 95.47% |\n")
    facts = read(tmp_path, form).facts
    assert {k: facts.amount(n) for k, n in facts.keyed_amounts().items()} == {
        "budget_initial": 300.0, "budget_total": 312.6, "spend_total": 298.43}
    assert read(tmp_path, form).findings == []


@pytest.mark.parametrize("unit, budget", [("单位：元", 312.6), ("金额单位：元", 312.6), ("单位：万元", 3126000.0)])
def test_a_funds_table_said_in_yuan_on_the_line_above(tmp_path, unit, budget):
    """"…自评表（2023年度）　　单位：元" over the table: its bare amounts are in 元 (an amount said in
    万元 stays as it is)."""
    form = (f"财政项目支出绩效自评表（2023年度）　　　　{unit}\n\n"
            "| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 3,000,000.00 | 3,126,000.00 | 2,984,300.00 | 10 | 95.47% | 9.55 |\n")
    facts = read(tmp_path, form).facts
    assert facts.amount(facts.keyed_amounts()["budget_total"]) == budget


def test_a_funds_table_whose_amounts_end_in_wan(tmp_path):
    """"4862.50万" in a funds table (资金投入情况（万元）) is 万元."""
    form = ("| 资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |\n"
            "| 年度资金总额: | 4862.50万 | 4790.36万 | 98.52% |\n")
    facts = read(tmp_path, form).facts
    assert {k: facts.amount(n) for k, n in facts.keyed_amounts().items()} == {"budget_total": 4862.5, "spend_total": 4790.36}


EXECUTION_ROW = ("项目支出绩效自评表\n（2024年度）\n"
                 "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
                 "| 年度资金总额 | 444.50 | 444.50 | 421.37 | 10 | 94.80% | 9.48 |\n")


def test_an_execution_score_that_follows_the_rate_the_form_states(tmp_path):
    """A rate said wrong (95.80% for 421.37 ÷ 444.50 = 94.80%) and the score that follows it (9.58):
    the rate is the error, its score a warning saying it follows; a score that follows neither is an
    error; a report with an execution rule of its own ("每低1个百分点扣…") gets a warning."""
    assert read(tmp_path, EXECUTION_ROW).findings == []
    rate_wrong = read(tmp_path, EXECUTION_ROW.replace("94.80% | 9.48", "95.80% | 9.58")).findings
    assert [f.code for f in rate_wrong] == ["STATED_RATE_MISMATCH", "SCORE_MISMATCH"] and rate_wrong[1].severity == "warning"
    assert "随该执行率有误" in rate_wrong[1].message
    score_wrong = read(tmp_path, EXECUTION_ROW.replace("| 9.48 |", "| 9.84 |")).findings
    assert [(f.code, f.severity) for f in score_wrong] == [("SCORE_MISMATCH", "error")]
    own = read(tmp_path, EXECUTION_ROW.replace("| 9.48 |", "| 9.84 |") + "评分规则：预算执行率每低1个百分点扣0.5分。\n").findings
    assert [(f.code, f.severity) for f in own] == [("SCORE_MISMATCH", "warning")]


@pytest.mark.parametrize("score, found", [("9.65", []), ("9.66", []), ("9.63", ["SCORE_MISMATCH"])])
def test_an_execution_score_of_the_rate_before_its_rounding(tmp_path, score, found):
    """398.35 ÷ 412.60 = 96.546%, said 96.55%: 9.65 (of the rate unrounded) and 9.66 (of the rate said) both
    follow; a rate said before its prose — "全年实际支出398.35万元，执行率96.55%" beside a 年初 of 360 — is of
    the form's 全年预算数."""
    form = ("某县林业和草原局2024年度森林防火项目绩效自评报告\n一、资金\n年初预算360.00万元。全年实际支出398.35万元，执行率96.55%。\n"
            "项目支出绩效自评表\n| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            f"| 年度资金总额 | 360.00 | 412.60 | 398.35 | 10 | 96.55% | {score} |\n")
    assert [f.code for f in read(tmp_path, form).findings] == found


@pytest.mark.parametrize("score, found", [("9.3", []), ("9.35", []), ("9.4", ["SCORE_MISMATCH"])])
def test_an_execution_score_kept_to_one_place(tmp_path, score, found):
    """291.97 ÷ 312.40 = 93.46%, 10 × 93.4603% = 9.346: a form that keeps its scores to one place writes 9.3 (rounded
    once), never 9.4 (9.35 rounded again)."""
    form = ("某县卫生健康局2024年度村医培训项目支出绩效自评报告\n项目支出绩效自评表\n"
            "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |\n"
            f"| 总额 | 286.00 | 312.40 | 291.97 | 93.46% | 10 | {score} |\n")
    assert [f.code for f in read(tmp_path, form).findings] == found


DEPARTMENT_AND_PROJECT = """某旗林业和草原局2024年度部门整体支出绩效自评报告
预算执行率得分=分值×执行率。
部门整体支出绩效自评表
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 2,860.40 | 3,124.75 | 3,026.05 | 10 | 96.84% | {score} |
| 其中：当年财政拨款 | 2,860.40 | 3,065.85 | 2,973.65 | — | — | — |
| 上年结转资金 | | 58.90 | 52.40 | — | — | — |
项目支出绩效自评表
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 360.00 | 372.00 | 375.84 | 10 | 101.03% | 10 |
| 其中：当年财政拨款 | 360.00 | 372.00 | 372.00 | — | — | — |
"""


def test_each_forms_execution_row_where_a_report_has_the_departments_and_a_projects(tmp_path):
    """Neither form's funds are the report's own alone; each execution row against its own amounts: the department's
    3,026.05 ÷ 3,124.75 = 96.84% × 10 = 9.68 (9.86 two digits swapped: a warning, a 部门整体 form may score it otherwise),
    the project's 101.03% at its full 10."""
    assert read(tmp_path, DEPARTMENT_AND_PROJECT.format(score="9.68")).findings == []
    found = read(tmp_path, DEPARTMENT_AND_PROJECT.format(score="9.86")).findings
    assert [(f.code, f.severity) for f in found] == [("SCORE_MISMATCH", "warning")] and "9.68" in found[0].message


def test_a_part_row_that_lost_an_empty_cell_is_no_certain_excess(tmp_path):
    """A PDF's spaces lose the 上年结转 row's empty 年初 cell: its 42.60 may be read under 年初预算数, where the
    parts would exceed the whole — which column it stands in is not certain: a warning, no error."""
    form = "\n".join([
        '项目支出绩效自评表',
        '项目资金（万元）                                                                                                                                                 年初预算数          全年预算数              全年执行数   分值                                                                                                                                                    执行率   得分',
        '                  年度资金总额：                                                                                                                                            1380.00                 1452.60      1436.28                                                                                                                                                      10   98.88%   9.89',
        '                  其中：本年财政拨款                                                                                                                                        1380.00                 1410.00      1393.68  —                                                                                                                                                        98.84%  —',
        '                  上年结转资金                                                                                                                                                                        42.60        42.60  —                                                                                                                                                       100.00%  —']) + "\n"
    assert [(f.code, f.severity) for f in read(tmp_path, form).findings if f.code == "SUM_MISMATCH"] == [("SUM_MISMATCH", "warning")]


@pytest.mark.parametrize("of", ["年度目标", "年度指标", "全年任务"])
@pytest.mark.parametrize("said, found", [("94.74", []), ("94.47", [("COMPLETION_MISMATCH", "warning")])])
def test_a_completion_said_in_prose_of_a_forms_indicator(tmp_path, said, found, of):
    """"改造二次供水泵房36座，完成年度目标的94.47%" with the form's row "二次供水泵房改造 | ≥38座 | 36座": the
    completion against that row's target (36 ÷ 38 = 94.74%) — a warning, two statements joined."""
    text = ("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 改造二次供水泵房 | ≥38座 | 36座 | 10 | 9.47 |\n\n"
            f"二、绩效分析\n数量指标：改造二次供水泵房36座，完成{of}的{said}%，2座泵房因产权移交未实施。\n")
    assert [(f.code, f.severity) for f in read(tmp_path, text).findings] == found


def test_rows_that_lost_their_first_cells_are_read_from_the_right(tmp_path):
    """A row under the same 一级指标 with that cell left out (fewer cells, still ending with its
    得分) is read from the right; one that lost its empty last cell (a 偏差原因) from the left."""
    form = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 偏差率 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 支持项目数 | ≥20个 | 20个 | 0.00% | 50 | 50 |\n"
            "| 质量指标 | 验收合格率 | =100% | 100% | 0.00% | 30 | 30 |\n"
            "| 时效指标 | 按期完成率 | ≥95% | 93% | -2.11% | 20 | 19.58 |\n")
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, form).facts.indicators]
    assert rows == [("支持项目数", 20, 20, 50, 50), ("验收合格率", 100, 100, 30, 30), ("按期完成率", 95, 93, 20, 19.58)]


def test_rows_whose_cells_do_not_fit_their_header_are_read_where_they_fit_or_not_at_all(tmp_path):
    """A row that lost its leading cell but has a 偏差 of 0 after its 得分 is read where its name
    and figures fit; a funds row with two cells more than its header (the header's other half on
    a line above) is not read at all: no figure is put under a word it may not stand under."""
    form = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "| 产出指标 | 数量指标 | 疫苗接种人次 | ≥10万人次 | 10.6万人次 | 50 | 50 | |\n"
            "| | 疫苗调运数量 | ≥180万毫升 | 182.4万毫升 | 50 | 50 | 0 | |\n")
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, form).facts.indicators]
    assert rows == [("疫苗接种人次", 10, 10.6, 50, 50), ("疫苗调运数量", 180, 182.4, 50, 50)]
    funds = ("| 年初预算 | 调整预算 | 全年预算 | 全年执行数 |\n"
             "| 年度资金总额 | 520.00 | +46.80 | 566.80 | 548.12 | 96.70% | 10 | 10 |\n"
             "| 其中：财政拨款 | 500.00 | +46.80 | 546.80 | 530.42 |\n")
    result = read(tmp_path, funds)
    assert result.facts.forms.amounts == {} and result.findings == []


# A form printed with its columns set apart by spaces, 一级/二级 stacked a word a line above the
# header, the groups' names and a rule's lines between its rows (as a web page or a PDF's text gives it)
STACKED_SPACE_FORM = """项目支出绩效自评表
（2024年度）
                   年初预算数(A)  全年执行数(B)  分值   执行率(B/A)  得分
年度资金总额          50.00          47.00        10     94.00%       9.40

一级
指标
二级
指标
三级指标                    预期指标值(A)  实际完成指标值(B)  分值   得分    未完成原因

产出
指标
（60分）
数量指标  维修校舍面积            ≥2000平方米    1800平方米         20     20      部分工程顺延
定量指标计算：完成值达到指标值记满分；未达到的按完成比例记分。
-
时效指标  按期完工率              ≥95%           96%                20     20
成本指标  单位面积维修费用        250元          231元              20     20
效益
指标
社会效益  师生安全条件改善        有效改善       有效改善           20     20
指标
满意度
服务对象  师生满意度              ≥90%           92%                10     10
总分                                                                100    99.40
项目负责人：石青岚        财务负责人：苗一禾        填报日期：2025年3月10日
"""


def test_a_space_form_goes_on_past_stacked_words_and_a_rules_line(tmp_path):
    result = read(tmp_path, STACKED_SPACE_FORM)
    rows = [(i.name, i.direction, i.target and i.target.value, i.actual and i.actual.value, i.weight.value,
             i.self_score.value) for i in result.facts.indicators]
    assert rows == [("维修校舍面积", ">=", 2000, 1800, 20, 20), ("按期完工率", ">=", 95, 96, 20, 20),
                    ("单位面积维修费用", "<=", 250, 231, 20, 20), ("师生安全条件改善", "定性", None, None, 20, 20),
                    ("师生满意度", ">=", 90, 92, 10, 10)]
    assert result.facts.total.value == 99.4
    # the shortfall scored full is found; the 成本指标 under its unsigned amount is no shortfall
    mismatched = [f for f in result.findings if f.code == "SCORE_MISMATCH"]
    assert len(mismatched) == 1 and "维修校舍面积" in mismatched[0].message


def test_a_line_of_words_and_figures_after_a_form_is_no_row_of_it(tmp_path):
    text = STACKED_SPACE_FORM.replace("总分                                                                100    99.40\n", "") \
        + "\n本单位另有  3  个项目  12  人参与\n"
    names = [i.name for i in read(tmp_path, text).facts.indicators]
    assert names == ["维修校舍面积", "按期完工率", "单位面积维修费用", "师生安全条件改善", "师生满意度"]


# a funds form of two header lines set in spaces, as a PDF's text layer gives it: 预算数 spanning
# 年初预算 | 调整预算 | 全年预算, 执行率 | 分值 | 得分 on the upper line alone, figures set right
TWO_LINE_SPACE_HEADER = """某市方志馆2024年度部门整体支出绩效自评表

                              预算数（万元）                     执行数（万元）   执行率    分值   得分
                      年初预算     调整预算     全年预算          全年执行数
年度资金总额            300.00       +20.00       320.00            310.40       97.00%    10     9.70
  其中：财政拨款        300.00       +20.00       320.00            310.40
"""


def test_a_space_header_of_two_lines_over_right_set_figures(tmp_path):
    facts = read(tmp_path, TWO_LINE_SPACE_HEADER).facts
    assert {k: n.value for k, n in facts.keyed_amounts().items()} == \
        {"budget_initial": 300.0, "budget_total": 320.0, "spend_total": 310.4}   # not the 调整 +20.00
    assert facts.keyed_rates()["exec_rate"].value == 97.0


# tab-separated, as copied from Word: the header of two lines (预算数 | 执行数 over 年初预算数 |
# 全年预算数 | 全年执行数), the row's 执行率 not its amounts' (97.07%), a table of tasks after it
TAB_TWO_LINE_HEADER = """部门整体支出绩效自评表
\t预算数（万元）\t\t执行数（万元）\t分值\t执行率\t得分
\t年初预算数\t全年预算数\t全年执行数\t\t\t
年度资金总额\t2,604.80\t2,815.90\t2,733.46\t10\t98.85%\t9.71
其中：财政拨款\t2,489.80\t2,700.90\t2,669.96\t—\t98.85%\t—
年度主要任务\t任务名称\t主要内容\t预算数（万元）\t执行数（万元）
\t森林防火\t防火物资储备\t218.30\t210.45
\t机构运行\t人员和公用经费\t395.10\t363.45
"""


def test_a_tab_header_of_two_lines_and_a_table_of_tasks_after_the_funds(tmp_path):
    result = read(tmp_path, TAB_TWO_LINE_HEADER)
    assert {k: n.value for k, n in result.facts.keyed_amounts().items()} == \
        {"budget_initial": 2604.8, "budget_total": 2815.9, "spend_total": 2733.46}
    codes = [(f.code, f.severity) for f in result.findings]
    assert ("STATED_RATE_MISMATCH", "warning") in codes       # 2,733.46 ÷ 2,815.90 = 97.07%, not 98.85%
    assert "SUM_MISMATCH" not in [c for c, _ in codes]        # the tasks are no 其中 rows of the total


# a web page's table copied a cell a line, each cell ending with "|", each row ended by a line of
# "|" marks; the indicator rows lose their merged 一级/二级 cells at the left; no 分值/得分 columns
RULED_CELLS = """2024年度中央转移支付项目绩效自评表
||||||
资金使用单位 |
某县图书馆 |
||||||
资金投入情况
（万元） |
全年预算数（A） |
全年执行数（B） |
预算执行率
（B/A×100%） |
||||
年度资金总额： |
600 |
540 |
90% |
||||
绩效指标 |
一级
指标 |
二级指标 |
三级指标 |
指标值 |
全年实际完成值 |
未完成原因和改进措施 |
|
产
出
指
标 |
数量指标 |
新增藏书 |
≥2万册 |
2.1万册 |
|||
流通借阅人次 |
≥8万人次 |
7.6万人次 |
读者到馆减少 |
|||
时效指标 |
馆舍设计使用年限 |
≥50年 |
50年 |
|||
"""


def test_a_ruled_table_a_cell_a_line_and_rows_that_lost_their_left_cells(tmp_path):
    facts = read(tmp_path, RULED_CELLS).facts
    assert facts.dept_name == "某县图书馆"
    assert {k: n.value for k, n in facts.keyed_amounts().items()} == {"budget_total": 600, "spend_total": 540}
    rows = [(i.name, i.direction, i.target.value, i.actual.value) for i in facts.indicators]
    assert rows == [("新增藏书", ">=", 2, 2.1), ("流通借阅人次", ">=", 8, 7.6), ("馆舍设计使用年限", ">=", 50, 50)]


# a PDF's text layer: the funds header alone over a blank line, its rows starting left of it with a
# merged 项目资金（元） cell further left, wrapped over two lines
SPACE_FUNDS_IN_YUAN = """财政项目支出绩效自评表
（2024 年度）

                                        年初预算数       全年预算数       全年执行数       分值     执行率      得分

                   年度资金总额         1,200,000.00     1,100,000.00     1,045,000.00      10       95.00%      9.50
   项目资金
                   其中：当年财政拨款   1200000.00       1100000.00       1045000.00        —
   （元）
"""


def test_a_space_funds_form_in_yuan_said_left_of_its_rows(tmp_path):
    facts = read(tmp_path, SPACE_FUNDS_IN_YUAN).facts
    assert {k: facts.amount(n) for k, n in facts.keyed_amounts().items()} == \
        {"budget_initial": 120.0, "budget_total": 110.0, "spend_total": 104.5}
    assert facts.keyed_rates()["exec_rate"].value == 95.0


def test_one_cell_a_line_with_a_direction_column_and_its_reasons_left_empty(tmp_path):
    cells = ["部门整体支出绩效自评表", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值",
             "偏差原因分析及改进措施", "产出指标", "数量指标", "改造农村公厕", "≥", "30", "座", "31", "",
             "新建垃圾收集点", "≥", "40", "个", "36", "", "质量指标", "公厕验收合格率", "=", "100", "%", "100", "",
             "时效指标", "项目资金支付及时率", "≥", "95", "%", "96.4", ""]
    rows = [(i.name, i.direction, i.target.value, i.actual.value) for i in read(tmp_path, "\n".join(cells)).facts.indicators]
    assert rows == [("改造农村公厕", ">=", 30, 31), ("新建垃圾收集点", ">=", 40, 36), ("公厕验收合格率", "=", 100, 100),
                    ("项目资金支付及时率", ">=", 95, 96.4)]


# a whole form run together on one line (a .doc's text copied out): brackets a space apart from
# their words, the total row's name merged into the header, amounts in 元 (预算执行情况（元）)
FLATTENED_IN_YUAN = ("2024年区级商贸发展专项资金项目自评表 单位名称：某区商务局 项目名称 商贸发展专项资金 预算执行 情况（元） （20 分） "
                     "年度财政 资金总额 预算数 （A） 执行数（B） 执行率（B/A） 得分 （20 分*执行率） 2,400,000.00 2,280,000.00 95.00% 19.00 "
                     "一级指标 二级指标 三级指标 年初目标值 （A） 实际完成值 （B） 分值 得分 产出指标 （50 分） 数量指标 "
                     "支持企业数量（家） 30 33 25 25 质量指标 项目验收合格率 100% 100% 25 25 满意度指标 （30 分） "
                     "服务对象 满意度 企业满意度 ≥90% 94% 30 30 总分 100 99.00\n"
                     "二、资金使用情况\n项目资金实际支出228.00万元，执行率95.50%。\n")


def test_a_flattened_form_in_yuan_and_a_prose_rate_against_its_budget(tmp_path):
    result = read(tmp_path, FLATTENED_IN_YUAN)
    facts = result.facts
    assert facts.fiscal_year == 2024
    assert {k: facts.amount(n) for k, n in facts.form_amounts.items()} == {"budget_total": 240.0, "spend_total": 228.0}
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in facts.indicators]
    assert rows[:2] == [("支持企业数量(家)", 30, 33, 25, 25), ("项目验收合格率", 100, 100, 25, 25)]
    # the prose's 95.50% against the form's own 全年预算数: 228 ÷ 240 = 95.00%
    assert [(f.code, f.severity) for f in result.findings] == [("STATED_RATE_MISMATCH", "warning")]


# a web page's table copied as | rows: the indicator header's words broken over two rows
SPLIT_WORDS_HEADER = """部门整体支出绩效自评表
| 绩效 | 一级指标 | 二级指标 | 三级指标 | 年度 | 实际 | 分值 | 得分 | 偏差原因分析 |
| 指标 | | | | 指标值 | 完成值 | | | 及改进措施 |
| | 产出指标 | 数量指标 | 整治背街小巷 | ≥12条 | 13条 | 50 | 50 | |
| | | | 养老助餐服务人次 | ≥2万人次 | 1.8万人次 | 50 | 50 | 驿站改造停业 |
| 总分 | | | | | | 100 | 100 | |
"""

# … and a header whose merged cells were run together from the left: 年度指标值 over 指标性质 |
# 指标值 | 度量单位, rows that lost their 一级/二级 cells, the 总分 row's cells run together too
COLLAPSED_HEADER = """项目支出绩效自评表
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |
| 产出指标 | 数量指标 | 65岁及以上老年人体检人数 | ≥ | 5000 | 人 | 5120 | 50 | 50 | |
| 2型糖尿病患者规范管理率 | ≥ | 60 | % | 54 | 50 | 50 | 随访滞后 |
| 总分 | 100 | 99.00 |
"""


def test_a_header_broken_over_two_rows_and_one_run_together_from_the_left(tmp_path):
    split = read(tmp_path, SPLIT_WORDS_HEADER)
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in split.facts.indicators] == \
        [("整治背街小巷", 12, 13, 50, 50), ("养老助餐服务人次", 2, 1.8, 50, 50)]
    assert [f.code for f in split.findings if f.severity == "error"] == ["SCORE_MISMATCH"]    # 1.8/2 × 50 = 45
    collapsed = read(tmp_path, COLLAPSED_HEADER, "collapsed.txt")
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in collapsed.facts.indicators] == \
        [("65岁及以上老年人体检人数", 5000, 5120, 50, 50), ("2型糖尿病患者规范管理率", 60, 54, 50, 50)]
    # 54/60 × 50 = 45, scored 50; the 总分 99.00 is not the rows' 100 — a point off, no slip's shape (a deduction
    # said elsewhere may make it): a warning
    assert sorted((f.code, f.severity) for f in collapsed.findings) == [("SCORE_MISMATCH", "error"), ("TOTAL_MISMATCH", "warning")]


# a spreadsheet's form saved as text, its header broken into rows at its cells' edges (one cell
# alone with its "|"), rows that lost their merged cells at the left, empty cells after the last
HEADER_BROKEN_AT_CELLS = """部门整体支出绩效自评表 | |||||
绩 效 指 标 |
一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 |
分值 | 得分 | 偏差原因分析及改进措施 | |||||
产出指标 | 数量指标 | 指标1:巡回展览场次 | ≥40场 | 44场 | 50 | 50 | |||||
指标2:馆藏修复件数 | ≥300件 | 270件 | 40 | 38 | 修复师借调 | ||||
总分 | 90 | 88 | |||||
"""


def test_a_header_broken_into_rows_at_its_cells_edges(tmp_path):
    result = read(tmp_path, HEADER_BROKEN_AT_CELLS)
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators] == [("巡回展览场次", 40, 44, 50, 50), ("馆藏修复件数", 300, 270, 40, 38)]
    assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"]   # 270/300 × 40 = 36


def test_a_cell_of_a_figure_and_its_parts_in_brackets_after_it(tmp_path):
    text = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 满意度指标 | 服务对象满意度指标 | 被调查户满意度 | ≥90% | 96%（城镇95%/农村97%） | 10 | 10 |
"""
    rows = [(i.name, i.target.value, i.actual.value) for i in read(tmp_path, text).facts.indicators]
    assert rows == [("被调查户满意度", 90, 96)]


def test_a_target_spanning_its_sign_value_and_unit_in_a_second_header_row(tmp_path):
    text = """部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 预期指标值 | | | 实际完成值 | 完成情况 | 自评得分 |
| | | | | 符号 | 数值 | 单位 | | | |
| 产出指标(50分) | 数量指标 | 食品安全监督抽检批次 | 25 | ≥ | 1500 | 批次 | 1620 | 完成 | 25 |
| | 时效指标 | 投诉举报按期办结率 | 25 | ≥ | 96 | % | 94.1 | 未完成 | 24.51 |
"""
    rows = [(i.name, i.direction, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, text).facts.indicators]
    assert rows == [("食品安全监督抽检批次", ">=", 1500, 1620, 25, 25), ("投诉举报按期办结率", ">=", 96, 94.1, 25, 24.51)]


def test_rows_placed_by_their_direction_words_and_a_projects_total_after_its_rate(tmp_path):
    text = """项目支出绩效自评表
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 年度指标值 | 实际完成值 | 计量单位 | 分值 | 得分 |
| 产出指标 | 数量指标 | 指标1:防火巡护里程 | 正向 | 大于等于 | 12000 | 10860 | 公里 | 50 | 45.25 |
| 质量指标 | 指标1:防火物资验收合格率 | 正向 | 等于 | 100 | 100 | % | 50 | 50 |
2.护林员补助项目。全年预算数52.80万元，执行数52.80万元，执行率100%，自评得分98.5分。
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("防火巡护里程", 12000, 10860, 50, 45.25), ("防火物资验收合格率", 100, 100, 50, 50)]
    assert not any(i.name == "预算执行率" for i in result.facts.items)     # 98.5 is the project's total


def test_pipe_rows_the_text_broke_over_lines(tmp_path):
    text = """部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度
指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 新建村级文化活动中心 | ≥12个 | 12个 | 50 | 50 | |
| 效益指标 | 社会效益指标 | 群众文化活动参与
人次 | ≥5万人次 | 4.5万人次 | 50 | 50 | 部分活动因天气取消 |
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("新建村级文化活动中心", 12, 12, 50, 50), ("群众文化活动参与人次", 5, 4.5, 50, 50)]
    assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"]


def test_a_funds_part_rows_own_rate_against_its_amounts(tmp_path):
    text = """项目支出绩效自评表
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率(%) | 得分 |
| 年度资金总额 | 36 | 48.6 | 41.35 | 10 | 85.08 | 8.51 |
| 其中:财政拨款 | 36 | 36.2 | 28.95 | —— | 79.97 | —— |
| 其他资金 | 0 | 12.4 | 12.4 | —— | 0 | —— |
"""
    found = [(f.code, f.severity, "其他资金" in f.message) for f in read(tmp_path, text).findings]
    assert found == [("STATED_RATE_MISMATCH", "warning", True)]       # 12.4 ÷ 12.4 = 100%, not 0


def test_a_markdown_table_with_its_rule_line_and_line_breaks_in_cells(tmp_path):
    text = """| 绩效指标（90分）<br>一级指标 | 二级指标 | 三级指标 | 年度指标值 | 完成值 | 权重 | 得分 |
|---|---|---|---|---|---|---|
| 产出指标<br>（50分） | 数量指标 | 绿色防控示范区<br>建设面积 | ≥3.5万亩 | 3.2万亩 | 50 | 45.71 |
| | 质量指标 | 防控处置率 | ≥90% | 86.4% | 40 | 40 |
"""
    result = read(tmp_path, text)
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("绿色防控示范区 建设面积", 3.5, 3.2, 50, 45.71), ("防控处置率", 90, 86.4, 40, 40)]
    assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"]   # 40 × 96% = 38.40


def test_pipe_rows_broken_before_or_after_a_cell_and_rows_that_never_close(tmp_path):
    broken = """部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建村级文化活动中心 | ≥12个 |
 12个 | 50 | 50 |
| 效益指标 | 社会效益指标 | 群众文化活动参与人次 | ≥5万人次 | 4.5万人次
 | 50 | 45 |
"""
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in read(tmp_path, broken).facts.indicators]
    assert rows == [("新建村级文化活动中心", 12, 12, 50, 50), ("群众文化活动参与人次", 5, 4.5, 50, 45)]
    never_closed = """| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
| 产出指标 | 数量指标 | 新建村级文化活动中心 | ≥12个 | 12个 | 50 | 50
| 效益指标 | 社会效益指标 | 群众文化活动参与人次 | ≥5万人次 | 4.5万人次 | 50 | 45
"""
    rows = [(i.name, i.target.value, i.actual.value) for i in read(tmp_path, never_closed, "open.txt").facts.indicators]
    assert rows == [("新建村级文化活动中心", 12, 12), ("群众文化活动参与人次", 5, 4.5)]


def test_a_header_broken_at_a_cells_edge_a_header_a_cell_a_line_and_rows_broken_at_a_cells_edge(tmp_path):
    edge = """部门整体支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 |
| 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建村级文化活动中心 |
| ≥12个 | 10个 | 50 | 50 |
| 效益指标 | 社会效益指标 | 群众文化活动参与人次 | ≥5万人次 | 5.2万人次 | 50 | 50 |
"""
    vertical = """部门整体支出绩效自评表
| 一级指标
| 二级指标
| 三级指标
| 年度指标值
| 实际完成值
| 分值
| 得分
| 产出指标 | 数量指标 | 新建村级文化活动中心 | ≥12个 | 10个 | 50 | 50 |
| 效益指标 | 社会效益指标 | 群众文化活动参与人次 | ≥5万人次 | 5.2万人次 | 50 | 50 |
"""
    for name, text in (("edge.txt", edge), ("vertical.txt", vertical)):
        result = read(tmp_path, text, name)
        rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
        assert rows == [("新建村级文化活动中心", 12, 10, 50, 50), ("群众文化活动参与人次", 5, 5.2, 50, 50)], name
        assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"], name   # 10/12 × 50


# a PDF's text layer: a header line longer than a line of prose, figures set right in their columns
RIGHT_SET = ("部门整体支出绩效自评表\n"
             "一级指标        二级指标          三级指标                        年度指标值      实际完成值      分值     得分\n"
             "产出指标        数量指标          新建村级文化活动中心                 ≥12个           10个        50       50\n"
             "效益指标        社会效益指标      群众文化活动参与人次              ≥5万人次       5.2万人次        50       50\n")


def test_a_long_space_set_header_and_figures_set_right(tmp_path):
    result = read(tmp_path, RIGHT_SET.replace("一级指标        二级指标", "一级指标" + " " * 60 + "二级指标")
                  .replace("产出指标        数量指标", "产出指标" + " " * 60 + "数量指标")
                  .replace("效益指标        社会效益指标", "效益指标" + " " * 60 + "社会效益指标"))
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("新建村级文化活动中心", 12, 10, 50, 50), ("群众文化活动参与人次", 5, 5.2, 50, 50)]
    assert [f.code for f in result.findings if f.severity == "error"] == ["SCORE_MISMATCH"]


def test_a_form_whose_rows_weigh_more_than_its_whole_is_read_as_nothing(tmp_path):
    text = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建村级文化活动中心 | 10 | 98 | 99 | 10 |
| 效益指标 | 社会效益指标 | 群众文化活动参与人次 | 10 | 320 | 298 | 9.31 |
"""
    result = read(tmp_path, text)
    assert result.facts.indicators == [] and [f for f in result.findings if f.severity == "error"] == []


DEPARTMENT_WITH_ITS_PROJECTS = """云岭镇人民政府2024年度部门整体支出绩效自评报告
一、部门收支情况
2024年全年预算3,120.50万元，全年支出2,996.40万元，预算执行率96.02%。
二、重点项目自评情况（单位：万元）
| 项目名称 | 全年预算数 | 执行数 | 执行率 | 自评得分 |
| 农村人居环境整治项目 | 420.00 | 401.10 | 95.50% | 94.5 |
| 镇村道路养护项目 | 186.00 | 186.00 | 100.00% | 98.0 |
| 合计 | 606.00 | 587.10 | 96.88% | — |
"""


def test_a_department_reports_table_of_its_projects_gives_no_headline(tmp_path):
    """In a 部门整体 report a table whose first column is 项目名称 lists projects: its first row and its
    合计 are theirs, not the department's budget, spending and rate (those the sentence says); each
    row is still checked against itself."""
    result = checked(tmp_path, DEPARTMENT_WITH_ITS_PROJECTS)
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert amounts["budget_total"] == 3120.50 and amounts["spend_total"] == 2996.40
    assert result.facts.keyed_rates()["exec_rate"].value == 96.02
    assert result.findings == [], [f.message for f in result.findings]
    wrong = DEPARTMENT_WITH_ITS_PROJECTS.replace("| 95.50% |", "| 95.05% |")
    assert [f.code for f in checked(tmp_path, wrong).findings] == ["STATED_RATE_MISMATCH"]


EXECUTION_SCORED_FULL = """溪口县图书馆2024年度部门整体支出绩效自评表

                              预算数（万元）                     执行数（万元）   执行率    分值   得分
                      年初预算     调整预算     全年预算          全年执行数
年度资金总额            300.00       +20.00       320.00            310.40       97.00%    10     10

一级指标  二级指标  三级指标               指标值        完成值        分值   得分
产出      数量      图书借阅册次           ≥50万册次     52万册次      30     30
          质量      图书编目准确率         ≥99%          99.5%         20     20
效益      社会      读者到馆人次           ≥20万人次     18万人次      30     27
满意度    满意度    读者满意度             ≥90%          95%           10     10
合计                                                                   100    97

自评结论：本馆2024年度部门整体支出绩效自评得分97分，评价等级为优。
"""


def test_an_execution_scored_full_is_said_once_not_again_for_the_total_it_moves(tmp_path):
    """97.00% × 10 = 9.70, the form writes 10: that is the finding; the total recomputed from the
    figures (96.70) differs from the stated 97 only by it — no second finding for the total."""
    codes = [f.code for f in checked(tmp_path, EXECUTION_SCORED_FULL).findings]
    assert codes == ["SCORE_MISMATCH"]


MERGED_FIRST_CELL_ON_ITS_OWN_LINES = """项目支出绩效自评表
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||
|
一级 指标 |
二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | |||||
| 产出指标 | 数量指标 | 新建蓄水池 | ≥ | 20 | 座 | 20 | 40 | 40 | ||
| 成本指标 | 每座蓄水池补助标准 | ≤ | 3 | 万元 | 2.8 | 30 | 30 | |||
| 效益指标 | 社会效益指标 | 受益农户 | ≥ | 500 | 户 | 460 | 30 | 27.6 | 2个村未通水 | |
| 总分 | 100 | 97.6 | ||||||||
"""


def test_a_header_row_whose_merged_first_cell_the_copy_set_on_lines_of_its_own(tmp_path):
    """"|" / "一级 指标 |" / "二级指标 | … |" is one row: the header's lower line under 绩效指标 |
    年度指标值 | …, which splits 年度指标值 into 指标性质 | 指标值 | 度量单位."""
    result = checked(tmp_path, MERGED_FIRST_CELL_ON_ITS_OWN_LINES)
    rows = [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators]
    assert rows == [("新建蓄水池", 20, 20, 40, 40), ("每座蓄水池补助标准", 3, 2.8, 30, 30), ("受益农户", 500, 460, 30, 27.6)]
    assert result.findings == [], [f.message for f in result.findings]


FINAL_ACCOUNTS_WITH_PROJECTS = """桐山区农业技术推广中心2024年度部门决算
一、预算绩效情况说明
2024年部门整体支出年初预算数900.00万元，全年预算数960.00万元，全年执行数931.20万元，预算执行率97.00%。
我单位3个项目支出绩效自评情况如下表（金额单位：万元）：
项目名称\t年度预算数\t执行数\t执行率\t自评得分\t等级
病虫害监测防控经费\t96.00\t94.08\t98.00%\t97.6\t优
农业技术培训经费\t48.00\t46.56\t97.00%\t88.2\t良
耕地质量监测经费\t80.00\t80.00\t100%\t95.0\t优
合计\t224.00\t220.64\t98.50%\t\t
"""


def test_a_table_of_projects_with_their_scores_and_grades(tmp_path):
    """In a 决算's 绩效 section a table listing projects gives each project's score (read) and grade
    (checked against it), never the department's headline (the sentence gives it)."""
    result = checked(tmp_path, FINAL_ACCOUNTS_WITH_PROJECTS)
    assert [(i.name, i.score.value) for i in result.facts.items] == [
        ("病虫害监测防控经费", 97.6), ("农业技术培训经费", 88.2), ("耕地质量监测经费", 95.0)]
    amounts = {k: n.value for k, n in result.facts.keyed_amounts().items()}
    assert (amounts["budget_total"], amounts["spend_total"]) == (960, 931.20)
    assert result.findings == [], [f.message for f in result.findings]
    wrong = FINAL_ACCOUNTS_WITH_PROJECTS.replace("88.2\t良", "88.2\t优")
    assert [f.code for f in checked(tmp_path, wrong).findings] == ["GRADE_MISMATCH"]


def test_an_execution_row_among_the_indicators_scored_by_its_rate(tmp_path):
    """"预算执行率 | 10 | ≥95% | 97.86% | 9.79": 分值 × the rate itself, the execution item's rule — no
    error; a score neither rule gives is one."""
    form = ("部门整体支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |\n"
            "| 投入管理 | 预算执行 | 预算执行率 | 10 | ≥95% | 97.86% | 9.79 |\n"
            "| 产出指标 | 数量指标 | 委员培训人次 | 90 | ≥300人次 | 310人次 | 90 |\n")
    assert checked(tmp_path, form).findings == []
    assert [f.code for f in checked(tmp_path, form.replace("| 9.79 |", "| 9.59 |")).findings] == ["SCORE_MISMATCH"]


def test_a_scoring_table_with_a_points_column_for_each_level(tmp_path):
    """一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分: a row's own 分值 is the last one; the 合计 row against
    the rows' scores (no false sum of the first column's points with the scores)."""
    table = ("项目支出绩效评价评分表\n| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |\n"
             "| 项目决策 | 20 | 项目目标 | 20 | 目标内容 | 20 | 19 |\n"
             "| 项目绩效 | 80 | 项目产出 | 50 | 产出数量 | 50 | 48 |\n"
             "| | | 项目效益 | 30 | 社会效益 | 30 | 30 |\n"
             "| 合计 | 100 | | | | | 97 |\n")
    assert checked(tmp_path, table).findings == []
    wrong = checked(tmp_path, table.replace("| 97 |", "| 96 |"))
    assert [f.code for f in wrong.findings if f.severity == "error"] == ["TOTAL_MISMATCH"]


def test_signs_written_as_full_width_comparisons_and_a_unit_column(tmp_path):
    """"≧ | 95 | % | 93.6%": ≧ and ≦ are signs; a bare target in the unit its 度量单位 cell names is read
    against an actual that carries one (5 × 93.6/95 = 4.93, not the full 5)."""
    form = ("项目支出绩效自评表\n| 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 |\n"
            "| 受益学生人数 | ≧ | 1962 | 人 | 1999人 | 10 | 10 |\n"
            "| 家长满意度 | ≧ | 95 | % | 93.6% | 5 | 4.93 |\n"
            "| 单位成本 | ≦ | 5 | 元 | 4.8元 | 5 | 5 |\n")
    result = checked(tmp_path, form)
    assert [(i.direction, i.target.value, i.actual.value) for i in result.facts.indicators] == [
        (">=", 1962, 1999), (">=", 95, 93.6), ("<=", 5, 4.8)]
    assert result.findings == []
    assert [f.code for f in checked(tmp_path, form.replace("| 4.93 |", "| 5 |")).findings] == ["SCORE_MISMATCH"]


def test_a_funds_block_with_a_second_breakdown_and_a_group_row_scoring_its_rate(tmp_path):
    """支出明细 rows after the 其中 rows are another breakdown of the same total (not more of its parts);
    "预算执行 | 30 | 28.9 | 预算执行率96.88%，得9.69分" is a group's row whose note scores the rate itself."""
    form = ("项目支出绩效自评表\n| 项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 |\n"
            "| 年度资金总额 | 3,860,000.00 | 3,612,400.00 | 3,481,236.40 |\n"
            "| 其中：当年财政拨款 | 3,860,000.00 | 3,435,070.10 | 3,303,906.50 |\n"
            "| 上年结转资金 | 0 | 177,329.90 | 177,329.90 |\n"
            "| 支出明细：器材更新 | | | 1,824,649.00 |\n| 支出明细：日常运维 | | | 1,213,649.00 |\n"
            "| 支出明细：安全检测 | | | 442,938.40 |\n")
    assert checked(tmp_path, form).findings == []
    table = ("部门整体支出绩效评分表\n| 一级指标 | 分值 | 得分 | 说明 |\n"
             "| 预算执行 | 30 | 28.9 | 预算执行率96.88%，得9.69分；年内两次调整 |\n| 产出 | 70 | 70 | |\n| 合计 | 100 | 98.9 | |\n")
    assert checked(tmp_path, table).findings == []


def test_a_sentence_restating_a_forms_indicator_with_a_completion_of_its_own(tmp_path):
    """"送戏下乡演出年度目标80场，实际完成72场，完成率80.00%" beside the form's row "≥80场 | 72场 | 90.00%": one
    indicator (the row's), but the sentence's completion is checked as said."""
    from reading import checked
    text = ("某县文化馆2023年度部门整体支出绩效自评报告\n\n一、绩效目标完成情况\n"
            "送戏下乡演出年度目标80场，实际完成72场，完成率{rate}。\n"
            "| 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n"
            "| 送戏下乡演出场次 | ≥80场 | 72场 | 90.00% | 10 | 9.00 |\n")
    assert [f.code for f in checked(tmp_path, text.format(rate="90.00%")).findings] == []
    wrong = checked(tmp_path, text.format(rate="80.00%"))
    assert [f.code for f in wrong.findings] == ["COMPLETION_MISMATCH"]
    assert len(wrong.facts.indicators) == 1


def test_parts_over_a_funds_tables_whole_in_yuan_by_a_slip_are_an_error(tmp_path):
    """The funds block in 元: 850,000 + 60,000 = 910,000 over the whole's 900,000 — one digit off, a slip, an error
    as it is in 万元 (the slip is judged in one unit: the parts' sum and the whole both in 万元)."""
    text = ("项目支出绩效自评表\n| 项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 800,000.00 | 900,000.00 | 864,000.00 | 10 | 96% | 9.6 |\n"
            "| 其中：当年财政拨款 | 800,000.00 | 850,000.00 | 816,000.00 | — | — | — |\n"
            "| 上年结转资金 | 0 | 60,000.00 | 48,000.00 | — | — | — |\n")
    found = [(f.code, f.severity) for f in read(tmp_path, text).findings if f.code == "SUM_MISMATCH"]
    assert found == [("SUM_MISMATCH", "error")]


def test_a_rows_target_said_in_a_sentence_and_its_completion_checked_once(tmp_path):
    """"| 故障平均修复时间 | 10 | 56小时 | 8.57 |" states no target; the sentence "…修复时间目标≤48小时，实际平均56小时，…
    完成率为87.51%" does: the row takes it (a ceiling), and 48 ÷ 56 = 85.71% is said wrong once."""
    from reading import checked as read_checked, indicator_values as values_of
    text = ("三、绩效目标完成情况\n机电井故障平均修复时间目标≤48小时，实际平均56小时，未达目标，按逆向指标“目标值÷实际值”"
            "计算完成率为87.51%，该项分值10分，得8.57分。\n四、评分\n| 序号 | 三级指标 | 分值 | 实际完成值 | 得分 |\n"
            "| 1 | 故障平均修复时间 | 10 | 56小时 | 8.57 |\n")
    result = read_checked(tmp_path, text)
    assert values_of(result)["故障平均修复时间"] == (48, 56, 10, 8.57)
    assert [(f.code, f.severity) for f in result.findings] == [("COMPLETION_MISMATCH", "error")]


def test_a_score_tables_explanation_stating_target_and_achieved(tmp_path):
    text = """三、绩效评价指标评分情况
| 一级指标 | 三级指标 | 分值 | 评分说明 | 得分 |
| 产出 | 查档利用服务 | 5 | 目标3,000人次，实际3,420人次 | 5 |
| | 库房温湿度达标率 | 5 | 目标≥95%，实际97.8% | 5 |
| | 农村供水工程维修 | 8 | 计划45处，完成41处，完成率91.11% | {score} |
| 合计 | | 18 | | {total} |
"""
    result = read(tmp_path, text.format(score="7.29", total="17.29"))
    assert [(i.name, i.direction, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators] == [("查档利用服务", "=", 3000, 3420, 5, 5),
                                                  ("库房温湿度达标率", ">=", 95, 97.8, 5, 5),
                                                  ("农村供水工程维修", "=", 45, 41, 8, 7.29)]
    assert result.findings == []
    slipped = read(tmp_path, text.format(score="7.92", total="17.92"), "slipped.txt")    # 41/45 × 8 = 7.29
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["SCORE_MISMATCH"]


def test_a_goals_table_and_the_self_evaluation_table_below_give_one_indicator_a_name(tmp_path):
    text = """某镇2024年度河道养护项目绩效自评报告
（二）绩效目标
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |
| 产出指标 | 数量指标 | 养护河道条数 | ≥126条 |
| | 质量指标 | 考核断面水质达标率 | ≥85% |
四、自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 养护河道条数 | ≥126条 | 126条 | 50 | 50 |
| | 质量指标 | 考核断面水质达标率 | ≥85% | 82.4% | 50 | 48.47 |
| 总分 | | | | | 100 | 98.47 |
"""
    result = read(tmp_path, text)
    assert [(i.name, i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators] == \
        [("养护河道条数", 126, 126, 50, 50), ("考核断面水质达标率", 85, 82.4, 50, 48.47)]
    assert result.findings == []


@pytest.mark.parametrize("actual, reason", [("42处（完成{done}%）", ""), ("42处", "完成率{done}%，3处因村庄搬迁取消")])
def test_a_completion_said_in_brackets_or_first_in_the_reason(tmp_path, actual, reason):
    text = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 维修水源工程处数 | ≥45处 | {actual} | 8 | 7.47 | {reason} |
"""
    right = read(tmp_path, text.format(actual=actual, reason=reason).format(done="93.33"))
    assert [i.completion.value for i in right.facts.indicators] == [93.33] and right.findings == []
    slipped = read(tmp_path, text.format(actual=actual, reason=reason).format(done="98.33"), "slipped.txt")   # 42 ÷ 45 = 93.33%
    assert [f.code for f in slipped.findings if f.severity == "error"] == ["COMPLETION_MISMATCH"]


def test_a_goals_table_in_space_columns_whose_rows_lost_their_first_cells(tmp_path):
    """Rows under one 一级指标 set in columns, their first cells left blank, each a target with its unit
    ("1426公里", "4座"): each a row of its own, not the end of the row above wrapped."""
    text = "\n".join(["2023年部门整体绩效目标如下：",
                      "一级指标    二级指标          三级指标                          年度指标值",
                      "产出指标    数量指标          农村公路新改建里程                ≥85公里",
                      "                              农村公路养护里程                  1426公里",
                      "                              危桥改造数量                      4座",
                      "            质量指标          优良中等路率                      ≥80%", ""])
    rows = [(i.name, i.target.value) for i in read(tmp_path, text).facts.indicators]
    assert rows == [("农村公路新改建里程", 85), ("农村公路养护里程", 1426), ("危桥改造数量", 4), ("优良中等路率", 80)]


@pytest.mark.parametrize("said, found", [("83.33", []), ("88.33", [("COMPLETION_MISMATCH", "warning")])])
def test_a_completion_said_of_a_goal_read_with_its_target_alone(tmp_path, said, found):
    """A goals table gives the target ("建设项目按期完工率 | ≥90%"); the results say what was achieved and its
    completion ("按期完工率75%，完成年度目标的88.33%"): 75 ÷ 90 = 83.33%."""
    text = ("三、年度绩效目标\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |\n| 产出指标 | 时效指标 | 建设项目按期完工率 | ≥90% |\n"
            f"四、绩效目标完成情况\n全年实施建设项目8个，6个按期完工，按期完工率75%，完成年度目标的{said}%。\n")
    assert [(f.code, f.severity) for f in read(tmp_path, text).findings] == found


@pytest.mark.parametrize("said, found", [("96.9", []), ("97.9", [("COMPLETION_MISMATCH", "warning")])])
def test_a_completion_said_after_a_short_name_of_a_forms_indicator(tmp_path, said, found):
    """"…14个断面水质达到Ⅳ类及以上，达标率82.4%（完成率97.9%）" of the row "考核断面水质达标率 | ≥85% | 82.4%": the
    short name its row's name ends with, the same figure achieved — 82.4 ÷ 85 = 96.94%."""
    text = ("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 质量指标 | 考核断面水质达标率 | ≥85% | 82.4% | 10 | 9.69 |\n\n"
            f"二、绩效分析\n17个考核断面中，14个断面水质达到Ⅳ类及以上，达标率82.4%（完成率{said}%），3个断面受上游来水影响。\n")
    assert [(f.code, f.severity) for f in read(tmp_path, text).findings] == found


@pytest.mark.parametrize("score, found", [("5.5", []), ("6.5", ["SCORE_MISMATCH"])])
def test_a_rows_own_deduction_per_point_short(tmp_path, score, found):
    """"达到得7分，每低1个百分点扣0.5分": 92% against ≥95% leaves 7 − 3 × 0.5 = 5.5."""
    text = ("部门整体支出绩效评分表\n| 三级指标 | 分值 | 年度指标值 | 实际完成值 | 评分标准 | 得分 |\n"
            f"| 婚姻家庭纠纷调处办结率 | 7 | ≥95% | 92% | 达到得7分，每低1个百分点扣0.5分 | {score} |\n")
    assert [f.code for f in read(tmp_path, text).findings] == found


SCORE_TABLE_BUDGET_NAMES = """附表：2023年度部门整体支出绩效自评评分表
| 一级指标 | 二级指标 | 三级指标 | 分值 | 实际完成 | 得分 | 扣分原因 |
|---|---|---|---|---|---|---|
| 预算编制（10分） | 预算编制 | 预算编制科学性 | 5 | 按零基预算编制 | 5 | |
| | | 绩效目标合理性 | 5 | 2个项目指标未量化 | 4 | 指标量化不足 |
| 履职效能（90分） | 产出 | 永久基本农田保护面积 | 90 | 48.62万亩 | 90 | |
| 合计 | | | 100 | | {total} | |
"""


def test_a_row_whose_names_hold_the_word_budget_stays_a_row(tmp_path):
    """"预算编制科学性 | 5 | 按零基预算编制 | 5": an indicator's row, not labels each with its budget (预算 in a name
    that does not end as a budget's); every row read, the 合计 checked against them."""
    right = checked(tmp_path, SCORE_TABLE_BUDGET_NAMES.format(total="99"))
    assert [i.name for i in right.facts.indicators] == ["预算编制科学性", "绩效目标合理性", "永久基本农田保护面积"]
    assert right.findings == []
    wrong = checked(tmp_path, SCORE_TABLE_BUDGET_NAMES.format(total="98"))
    assert [(f.severity, f.code) for f in wrong.findings] == [("error", "TOTAL_MISMATCH")]


def _in_columns(rows: list[list[str]], starts: list[int]) -> str:
    """Rows set by spaces, each cell from its display column (a Chinese character two columns wide)."""
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    lines = []
    for row in rows:
        line = ""
        for start, cell in zip(starts, row):
            if cell:
                line += " " * max(start - width(line), 2 if line else 0) + cell
        lines.append(line)
    return "\n".join(lines)


def test_a_space_set_form_under_its_masthead_and_a_stacked_header_word(tmp_path):
    """A form set by spaces: 项目名称 / 主管部门 lines right over the funds header, whose words start right of
    the rows' names (no header of the rows, so not the first line with three cells); the indicators' header
    with "绩效" over "指标" stacked in its first column — the word alone on the next line belongs to the header.
    Every row is read, the 总分 row checked against them."""
    funds = _in_columns([["项目名称", "城区公厕提升改造"], ["主管部门", "县城管局", "", "", "实施单位", "县环卫所"],
                         ["", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                         ["项目资金", "年度资金总额", "150.00", "160.00", "152.00", "10", "95.00%", "9.50"],
                         ["（万元）", "其中：财政拨款", "150.00", "160.00", "152.00", "—"]],
                        [1, 16, 34, 48, 62, 76, 84, 96])
    indicators = _in_columns([["绩效", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                              [" 指标"],
                              ["", "产出指标", "数量指标", "公厕改造座数", "≥24座", "22座", "30", "27.5"],
                              ["", "", "质量指标", "验收合格率", "=100%", "100%", "30", "30"],
                              ["", "满意度指标", "满意度", "市民满意度", "≥90%", "93%", "30", "30"],
                              ["", "", "", "总分", "", "", "100", "{total}"]],
                             [1, 8, 20, 32, 50, 64, 78, 86])
    text = "县城管局2024年度项目支出绩效自评报告\n附件\n" + funds + "\n\n" + indicators + "\n"
    right = checked(tmp_path, text.replace("{total}", "97"))
    assert right.facts.keyed_amounts()["budget_total"].value == 160
    assert [(i.name, i.weight.value, i.self_score.value) for i in right.facts.indicators] == \
        [("公厕改造座数", 30, 27.5), ("验收合格率", 30, 30), ("市民满意度", 30, 30)]
    assert right.findings == []
    wrong = checked(tmp_path, text.replace("{total}", "97.5"))
    assert [(f.severity, f.code) for f in wrong.findings] == [("error", "TOTAL_MISMATCH")]


TWO_FORMS = """附件1
| 项目名称 | 农村改厕奖补 | | | | | |
| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 300.00 | 386.50 | 372.84 | 10 | 96.47% | 9.65 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 改厕户数 | ≥1200户 | 1146户 | 45 | 42.98 |
| 满意度指标 | 满意度 | 受益群众满意度 | ≥90% | 93% | 45 | 45 |
| 总分 | | | | | 100 | 97.63 |
附件2
| 项目名称 | 动物疫病强制免疫补助 | | | | | |
| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 64.00 | 71.20 | 69.96 | 10 | 98.26% | 9.83 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 应免畜禽数量 | ≥52万头 | 53.6万头 | 45 | 45 |
| 效益指标 | 可持续影响 | 防疫队伍稳定 | 稳定 | 基本稳定 | 45 | 43.5 |
| 总分 | | | | | 100 | {total} |
"""


def test_each_of_several_forms_against_its_own_rows(tmp_path):
    """A form for each project: no total of the report, but each form's 总分 row against its own 执行率 row and
    indicator rows (whose 分值 make its 100)."""
    assert checked(tmp_path, TWO_FORMS.format(total="98.33")).findings == []
    wrong = checked(tmp_path, TWO_FORMS.format(total="99.83"))
    assert [f.code for f in wrong.findings] == ["TOTAL_MISMATCH"] and "98.33" in wrong.findings[0].message


FUNDS_BY_LEVEL = """| 项目资金 | 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | | 420.00 | 478.60 | 460.47 | 10 | 96.21% | 9.62 |
| 其中：当年财政拨款 | 中央 | 0.00 | 186.40 | 186.40 | — | | |
| | 省级 | 150.00 | 150.00 | 142.75 | — | | |
| | 市级 | 36.00 | 36.00 | 36.00 | — | | |
| | 县级 | 234.00 | 106.20 | 95.32 | — | | |
| | 小计 | 420.00 | {budget} | {spent} | — | | |
| 其他资金 | | 0.00 | 0.00 | 0.00 | — | | |
"""


def test_a_funds_subtotal_against_the_levels_above_it(tmp_path):
    """中央 / 省级 / 市级 / 县级 then 小计: each column of the 小计 against those rows — an error where one column is
    off while another adds up (the rows are the ones it sums); every column off: nothing said."""
    assert checked(tmp_path, FUNDS_BY_LEVEL.format(budget="478.60", spent="460.47")).findings == []
    wrong = checked(tmp_path, FUNDS_BY_LEVEL.format(budget="478.60", spent="424.47"))
    assert [(f.severity, f.code) for f in wrong.findings] == [("error", "SUM_MISMATCH")]
    assert "460.47" in wrong.findings[0].message
    all_off = FUNDS_BY_LEVEL.replace("| 小计 | 420.00 |", "| 小计 | 410.00 |").format(budget="400.00", spent="424.47")
    assert checked(tmp_path, all_off).findings == []


SPENDING_SET_RIGHT = """                              年度部门整体支出规模（单位：万元）
                                           年初预算数        调整后预算数        支出数
                  财政拨款   一般公共预算      3,218.46            3,684.20          3,556.73
 按资金来源                  政府性基金          420.00              865.00            812.40
                             小计              3,638.46            4,549.20          4,369.13
                  其他资金                        56.00               48.30             45.12
                  合计                         3,694.46            4,597.50          4,414.25
 按支出性质       基本支出                     1,286.54            1,312.87          1,306.19
                  项目支出                     2,407.92            3,284.63          3,108.06
                  合计                         3,694.46            4,597.50          {x}
"""


def test_figures_set_right_past_their_header_words_ends(tmp_path):
    """Each column's figures end two to six places right of its header word, names in one cell or two at the left:
    each row's last three figures under the three words — the 小计 and both 合计 rows then checked."""
    assert checked(tmp_path, SPENDING_SET_RIGHT.format(x="4,414.25")).findings == []
    wrong = checked(tmp_path, SPENDING_SET_RIGHT.format(x="4,441.25"))
    assert [(f.severity, f.code) for f in wrong.findings] == [("error", "SUM_MISMATCH")]
    assert "4,414.25" in wrong.findings[0].message


EXECUTION_BY_ITS_RATE = """某县水务局2023年度农村饮水项目支出绩效自评报告
| 项目资金 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度财政资金总额 | 648.40 | 640.92 | 10 | 98.85% | {score} |
二、自评得分情况
预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。产出指标得50分，效益指标得30分，满意度指标得10分。
项目自评总分{total}分，评价等级为“优”。
"""


def test_the_execution_scored_by_the_rate_the_report_states(tmp_path):
    """640.92 ÷ 648.40 = 98.846%, said 98.85%: 9.89 is 分值 × the rate it states (the framework inferred, from the
    amounts unrounded, gives 9.88) — the report's own convention, nothing to say; 9.98 is off both."""
    assert checked(tmp_path, EXECUTION_BY_ITS_RATE.format(score="9.89", total="99.89")).findings == []
    wrong = checked(tmp_path, EXECUTION_BY_ITS_RATE.format(score="9.98", total="99.98"))
    assert "SCORE_MISMATCH" in [f.code for f in wrong.findings]


def test_a_score_tables_own_total_row_after_its_bonus(tmp_path):
    """"| 合计 | 100 | 95.93 |", a 加分项 row, then "| 自评得分 | | 96.93 |": the last is the report's total."""
    form = ("| 一级指标 | 三级指标 | 分值 | 得分 |\n| 决策 | 立项规范性 | 50 | 48.93 |\n| 产出 | 完成率 | 50 | 47 |\n"
            "| 合计 | | 100 | 95.93 |\n| 加分项 | 经验获省级推广 | | 1 |\n| 自评得分 | | | 96.93 |\n")
    result = read(tmp_path, "某县水利局2023年度项目支出绩效自评报告\n" + form)
    assert result.facts.total.value == 96.93 and result.findings == []


PROJECTS_THEN_FORM = """某县民政局2023年度部门整体支出绩效自评报告
表1 重点项目支出情况（万元）
| 项目名称 | 全年预算数 | 全年执行数 | 执行率 |
| 城乡低保 | 2,000.00 | 1,950.00 | 97.50% |
| 特困供养 | 1,000.00 | 980.00 | 98.00% |
| 合计 | 3,000.00 | 2,930.00 | 97.67% |
附表 部门整体支出绩效自评表
| 年度预算执行情况（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 3,500.00 | 4,000.00 | 3,900.00 | 10 | 97.50% | 9.75 |
| 其中：基本支出 | 900.00 | 1,000.00 | 970.00 | | 97.00% | |
| 项目支出 | 2,600.00 | 3,000.00 | 2,930.00 | | 97.67% | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 低保保障人数 | ≥6000人 | 6100人 | 50 | 50 |
| 效益指标 | 社会效益 | 保障覆盖率 | =100% | 100% | 40 | 40 |
| 总分 | | | | | 100 | {total} |
"""


def test_a_form_after_a_table_listing_the_projects_its_项目支出_row_sums(tmp_path):
    """The projects' 合计 is the form's 项目支出 row, not a second form's total: the form's 总分 row is the report's
    total, checked against its rows (9.75 + 50 + 40), the 执行率 row's points among them."""
    result = read(tmp_path, PROJECTS_THEN_FORM.format(total="99.75"))
    assert result.facts.total.value == 99.75 and result.findings == []
    assert [f.code for f in read(tmp_path, PROJECTS_THEN_FORM.format(total="99.57")).findings] == ["TOTAL_MISMATCH"]


def test_an_indicator_rows_cells_are_columns_not_labels_before_values(tmp_path):
    """"| 预算执行率 | 10 | 执行率×分值 | 100% | …": under an indicator form's header its cells are its columns (the rate
    and its rule are no label each before a value: 预算执行率 is no 10, 执行率×分值 no 100%)."""
    form = ("某县林草局2023年度部门整体支出绩效自评报告\n"
            "| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 指标值 | 实际完成值 | 得分 |\n"
            "| 过程 | 预算执行 | 预算执行率 | 10 | 执行率×分值 | 100% | 93.64% | 9.36 |\n"
            "|  |  | 结转结余率 | 5 | ≤5%得5分，5%—10%（含）得2.5分，>10%不得分 | ≤5% | 6.79% | 2.5 |\n")
    result = read(tmp_path, form)
    values = {i.name: (i.target.value, i.actual.value, i.weight.value, i.self_score.value) for i in result.facts.indicators}
    assert values["预算执行率"] == (100, 93.64, 10, 9.36)


FUNDS_MERGED_FIRST_CELL = """某县教体局2023年度项目支出绩效自评报告
| 项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|  | 年度资金总额 | 360.00 | 760.00 | 742.35 | 10 | 97.68% | 9.77 |
| 其中：财政拨款（县级） | 360.00 | 360.00 | 342.35 | — | 95.10% | — |
| 上级补助（中央、省级） | 0.00 | 400.00 | 400.00 | — | 100.00% | — |
"""


def test_funds_rows_whose_merged_first_cell_was_left_out(tmp_path):
    """The 其中 rows have their name and every figure but not the merged 项目资金 cell: read from the right, their
    年初预算数 are 360.00 and 0.00 (no sum above the 总额's 360.00), and a 其中 row's slip is found."""
    assert read(tmp_path, FUNDS_MERGED_FIRST_CELL).findings == []
    slipped = read(tmp_path, FUNDS_MERGED_FIRST_CELL.replace("| 400.00 | 400.00 | —", "| 400.00 | 440.00 | —"))
    assert "SUM_MISMATCH" in [f.code for f in slipped.findings]


# a 项目支出 form whose 预算执行率 is a row of its indicator table, the rate under 实际完成值 and no target
EXECUTION_AMONG_INDICATORS = """某旗肉羊良种补贴项目2023年度绩效自评报告
按照评分办法，预算执行率10分，得分=执行率×10分；其他定量指标未达到的按完成比例计分。
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 预算执行 | | 预算执行率 | | 98.23% | 10 | {score} |
| 产出指标 | 数量指标 | 补贴种公羊只数 | ≥6500只 | 6585只 | 50 | 50 |
| 效益指标 | 社会效益指标 | 肉羊良种覆盖率 | ≥85% | 87.6% | 30 | 30 |
| 满意度指标 | 服务对象满意度指标 | 受益牧户满意度 | ≥90% | 95.2% | 10 | 10 |
| 合计 | | | | | 100 | {total} |
"""


def test_an_execution_row_of_the_indicator_table_is_scored_by_its_rate(tmp_path):
    assert checked(tmp_path, EXECUTION_AMONG_INDICATORS.format(score="9.82", total="99.82")).findings == []
    slipped = checked(tmp_path, EXECUTION_AMONG_INDICATORS.format(score="9.28", total="99.28")).findings    # 98.23% × 10 = 9.82
    assert [(f.code, f.severity) for f in slipped] == [("SCORE_MISMATCH", "error")] and "9.82" in slipped[0].message
    # a report scoring its execution by bands of its own: not by the rate
    banded = EXECUTION_AMONG_INDICATORS.replace("得分=执行率×10分", "执行率95%（含）以上的得满分").format(score="10", total="100")
    assert checked(tmp_path, banded).findings == []


# a PDF's text of a 项目支出 form set in spaces: the funds header of two lines right under the 主管部门 line, and
# the indicator table's header further down, its 分值 column where the funds header had 执行数
SPACED_UNDER_MASTHEAD = """                              项目支出绩效自评表
项目名称      圩镇品质提升项目
主管部门      华岭县住房和城乡建设局              实施单位      华岭县住房和城乡建设局
                              年初          全年          全年
                              预算数        预算数        执行数        分值    执行率     得分
项目资金      年度资金总额    1100.00       1500.00       1386.54       10      92.44%     9.24
（万元）      其中：省级资金  800.00        1200.00       1112.96       —       92.75%     —
              县级配套资金    300.00        300.00        273.58        —       91.19%     —

一级    二级      三级指标                    分值   年度指标值      实际完成值      完成率     得分
产出    数量      圩镇主干道路面改造长度      8      ≥12.6公里       12.6公里        100.00%    8
                  新建改造公厕数量            6      ≥9座            9座             100.00%    6
"""


def test_a_two_line_funds_header_under_the_masthead_and_an_indicator_header_after_it(tmp_path):
    result = checked(tmp_path, SPACED_UNDER_MASTHEAD)
    assert {k: n.value for k, n in result.facts.keyed_amounts().items() if k.startswith(("budget", "spend"))} == {
        "budget_initial": 1100.0, "budget_total": 1500.0, "spend_total": 1386.54}
    assert result.findings == []      # (no 执行率 of 1,386.54 ÷ 1,100.00, no indicator row read as amounts)


# a 项目支出 form with a 加分项 (or 扣分项) row between its indicators and its 总分 row: the 总分 holds those points
BONUS_ROW = """项目支出绩效自评表
| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 得分 |
| | 年度资金总额 | 100.00 | 120.00 | 114.00 | 10 | 9.50 |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| | 产出指标 | 数量指标 | 免费开放文化站数量 | 18个 | 18个 | 50 | 50 |
| | 效益指标 | 社会效益指标 | 群众参与文化活动人次 | ≥5万人次 | 5.6万人次 | 30 | 30 |
| | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 85.5% | 10 | 9.5 |
| {bonus} | {why} | | | | | | {points} |
| 总分 | | | | | | 100 | {total} |
"""


@pytest.mark.parametrize("bonus, why, points, total", [("加分项", "获评省级示范文化站", "1", "100"),
                                                       ("扣分项", "审计发现问题1项", "-1", "98"),
                                                       ("扣分项", "审计发现问题1项", "1", "98")])
def test_a_bonus_or_deduction_row_is_in_the_total(tmp_path, bonus, why, points, total):
    # 9.5 + 50 + 30 + 9.5 = 99 before it
    result = checked(tmp_path, BONUS_ROW.format(bonus=bonus, why=why, points=points, total=total))
    assert result.findings == []
    off = checked(tmp_path, BONUS_ROW.format(bonus=bonus, why=why, points=points, total="99.5"))
    assert [f.code for f in off.findings] == ["TOTAL_MISMATCH"]


# targets said without ≥ or ≤: a rate of complaints, a time to settle, met by staying under them
UNSIGNED_CEILINGS = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 培训人数 | 500人 | {trained} | 40 | {score} |
| | 质量指标 | 群众投诉率 | 3% | 1.2% | 20 | 20 |
| | 时效指标 | 平均办结时长 | 5个工作日 | 3.5个工作日 | 20 | 20 |
| 效益指标 | 社会效益指标 | 安全事故发生率 | 0.5% | 0.2% | 20 | 20 |
"""


def test_an_unsigned_target_whose_name_says_less_is_better_is_a_ceiling(tmp_path):
    assert checked(tmp_path, UNSIGNED_CEILINGS.format(trained="520人", score="40")).findings == []
    # (a count short of its unsigned target is still short: 460 ÷ 500 × 40 = 36.8)
    short = checked(tmp_path, UNSIGNED_CEILINGS.format(trained="460人", score="40")).findings
    assert [(f.code, f.severity) for f in short] == [("SCORE_MISMATCH", "error")] and "培训人数" in short[0].message


# a department's form of management indicators, none signed, each a ceiling kept under (调整率, 结余率, 经费控制率, 受害率)
UNSIGNED_MANAGEMENT = """部门整体绩效自评表
| 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 全年完成值 | 指标权重（分） | 指标得分（分） |
| 预算调整率 | % | 定量指标 | 10 | 6.2 | 20 | 20 |
| 结转结余率 | % | 定量指标 | 5 | 3.9 | 20 | 20 |
| 公用经费控制率 | % | 定量指标 | 100 | 97.4 | 20 | 20 |
| 森林火灾受害率 | ‰ | 定量指标 | 0.8 | 0.15 | 20 | 20 |
| 新增造林面积 | 亩 | 定量指标 | 5000 | {planted} | 20 | 20 |
"""


def test_management_ceilings_said_without_a_sign_kept_under(tmp_path):
    assert checked(tmp_path, UNSIGNED_MANAGEMENT.format(planted="5200")).findings == []
    short = checked(tmp_path, UNSIGNED_MANAGEMENT.format(planted="4600")).findings   # 4600 ÷ 5000 × 20 = 18.4
    assert [(f.code, f.severity) for f in short] == [("SCORE_MISMATCH", "error")] and "新增造林面积" in short[0].message


# rows whose 偏差原因 cell states the rule they were scored by
RULE_IN_REASON = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 新建村级服务站 | 10个 | 9个 | 50 | {built} | {why} |
| 效益指标 | 社会效益指标 | 带动就业人数 | 200人 | 180人 | 50 | 50 | 差距在10%以内不扣分 |
"""


def test_a_rule_in_the_reason_cell_makes_a_score_off_the_completion_a_warning(tmp_path):
    stepped = checked(tmp_path, RULE_IN_REASON.format(built="40", why="未完成1个扣10分")).findings
    assert [(f.code, f.severity) for f in stepped] == [("SCORE_MISMATCH", "warning")] * 2
    # "按比例计分" is the usual rule: 9 ÷ 10 × 50 = 45, not 54 — an error still
    proportional = checked(tmp_path, RULE_IN_REASON.format(built="54", why="1个站选址调整，按比例计分")).findings
    assert ("SCORE_MISMATCH", "error") in [(f.code, f.severity) for f in proportional]


# scores written to one decimal place, each the computed one rounded to it
ONE_PLACE_SCORES = """项目支出绩效自评表
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 培训人数 | 300人 | 287人 | 15 | 14.4 |
| 效益指标 | 社会效益指标 | 受益人口 | 5000人 | 4870人 | 15 | {score} |
"""


def test_a_score_to_one_place_is_compared_at_that_place(tmp_path):
    # 15 × 287 ÷ 300 = 14.35 → 14.4; 15 × 4870 ÷ 5000 = 14.61 → 14.6
    assert checked(tmp_path, ONE_PLACE_SCORES.format(score="14.6")).findings == []
    off = checked(tmp_path, ONE_PLACE_SCORES.format(score="14.9")).findings
    assert [f.code for f in off] == ["SCORE_MISMATCH"] and "受益人口" in off[0].message


# a funds block whose 执行率 column gives its figures without % (its header says no unit either)
BARE_RATE = """项目支出绩效自评表
| 项目名称 | 农村公路养护 | | | | | |
| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | 500.00 | 520.00 | 508.30 | 10 | {rate} | 9.78 |
| | 其中：当年财政拨款 | 500.00 | 520.00 | 508.30 | — | 97.75 | — |
"""


def test_a_funds_blocks_rate_written_without_its_percent_sign(tmp_path):
    """"| 年度资金总额 | … | 508.30 | 10 | 97.75 | 9.78 |": 97.75 under 执行率 is a rate (a figure of a rate's shape)."""
    assert checked(tmp_path, BARE_RATE.format(rate="97.75")).findings == []
    slip = checked(tmp_path, BARE_RATE.format(rate="96.75")).findings     # 508.30 ÷ 520.00 = 97.75%
    assert [(f.code, f.severity) for f in slip] == [("STATED_RATE_MISMATCH", "warning")] and "97.75%" in slip[0].message


@pytest.mark.parametrize("header", ["完成进度", "目标完成率", "完成程度"])
def test_a_completion_column_by_another_of_its_names(tmp_path, header):
    text = (f"项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | {header} | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 培训人次 | 500人次 | 480人次 | {rate} | 10 | 9.6 |\n")
    assert checked(tmp_path, text.replace("{rate}", "96%")).findings == []
    assert [f.code for f in checked(tmp_path, text.replace("{rate}", "98%")).findings] == ["COMPLETION_MISMATCH"]


def test_a_score_column_named_shi_de_fen(tmp_path):
    """"计划值 | 完成值 | 标准分 | 实得分": 实得分 is the row's score."""
    text = ("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 计划值 | 完成值 | 标准分 | 实得分 |\n"
            "| 产出指标 | 数量指标 | 培训人次 | 500人次 | 480人次 | 10 | 9.6 |\n")
    assert indicator_values(checked(tmp_path, text))["培训人次"] == (500, 480, 10, 9.6)


# a form's indicator rows whose group cells are left out, broken by a group's name on a line of its own, each row's
# empty cells at its end run together ("|||")
BROKEN_BY_A_GROUP = """项目支出绩效自评表
年度绩效目标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 分值 | 得分 | ||
产出指标 | 数量指标 | 开发公益性岗位 | ≥450个 | 462个 | 20 | 20 | ||
成本指标
| 岗位人员在岗率 | ≥95% | 96.3% | 20 | 20 | |||
| 岗位人员续聘率 | ≥90% | 88% | 20 | {score} | |||
| 岗位人员满意度 | ≥90% | 93.5% | 20 | 20 | |||

自评总分{total}分。
"""


def test_rows_after_a_group_name_on_a_line_of_its_own_with_their_group_cells_left_out(tmp_path):
    values = indicator_values(checked(tmp_path, BROKEN_BY_A_GROUP.format(score="19.56", total="99.56")))
    assert values["岗位人员在岗率"] == (95, 96.3, 20, 20) and values["岗位人员续聘率"] == (90, 88, 20, 19.56)
    slip = checked(tmp_path, BROKEN_BY_A_GROUP.format(score="19.65", total="99.65")).findings   # 88 ÷ 90 × 20 = 19.56
    assert ("SCORE_MISMATCH", "error") in [(f.code, f.severity) for f in slip]


def test_a_word_cell_with_line_breaks_reads_as_one_cell(tmp_path):
    """A Word cell whose words the writer broke over lines ("地膜质量抽检" / "合格率", "10" / "10"): Chinese words joined
    again as the text reader joins a cell broken over lines, figures a space apart."""
    rows = [("一级\n指标", "二级\n指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"),
            ("产出指标", "质量指标", "地膜质量抽检\n合格率", "≥98%", "99%", "60", "60"),
            ("满意度指标", "满意度", "农户满意度", "≥90%", "95%", "40", "40"),
            ("总分", "", "", "", "", "100", "100")]
    document, _ = _word_table(rows)
    document.save(tmp_path / "form.docx")
    result = check(read_facts(read_report(tmp_path / "form.docx")))
    assert {i.name: (i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators} == {"地膜质量抽检合格率": (98, 99, 60, 60), "农户满意度": (90, 95, 40, 40)}
    assert "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值" in result.facts.text


def test_an_indicator_named_with_the_forms_numbering(tmp_path):
    """重庆's forms number each group's indicators ("指标1:资助参保人数"): the name is the indicator's, not its number."""
    form = ("某县医疗保障局2024年度城乡医疗救助项目支出绩效自评报告\n项目支出绩效自评表\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 指标1:资助参保人数 | ≥21000人 | 21736人 | 10 | 10 |\n"
            "| | | 指标2：住院救助人次 | ≥8500人次 | 8240人次 | 10 | 9.69 |\n")
    result = read(tmp_path, form)
    assert [(i.name, i.actual.value, i.self_score.value) for i in result.facts.indicators] == \
        [("资助参保人数", 21736, 10), ("住院救助人次", 8240, 9.69)]
