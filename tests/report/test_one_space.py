"""Forms whose cells stand one space apart, a row a line, empty cells gone — a PDF's text taken
without its layout (engine/report/onespace.py)."""
from __future__ import annotations

from reading import amounts, checked as result_of, error_codes, indicator_values

ONE_SPACE = """项目支出绩效自评表
（2024年度）
项目名称 城区公厕提升改造
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 150.00 160.00 152.00 10 95.00% 9.50
其中：当年财政拨款 150.00 160.00 152.00 - 95.00% -
年度总体目标 预期目标 实际完成情况
完成城区公厕提升改造，改善市民如厕环境。 完成改造22座，市民满意度93%。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 公厕提升改造座数 ≥24座 22座 20 18.33 2座因用地调整未能开工，顺延至下年
质量指标 改造验收合格率 =100% 100% 20 20
成本指标 单座改造成本 ≤6.8万元 6.55万元 10 10
效益指标 社会效益指标 如厕环境改善情况 明显改善 明显改善 20 20
满意度指标 服务对象满意度指标 市民满意度 ≥90% 93% 20 20
总分 100 97.83
说明：执行率得分=执行率×分值。
"""



def test_a_form_one_space_apart(tmp_path):
    result = result_of(tmp_path, ONE_SPACE)
    rows = indicator_values(result)
    assert rows == {"公厕提升改造座数": (24, 22, 20, 18.33), "改造验收合格率": (100, 100, 20, 20),
                    "单座改造成本": (6.8, 6.55, 10, 10), "如厕环境改善情况": (None, None, 20, 20),
                    "市民满意度": (90, 93, 20, 20)}
    assert amounts(result) == {"budget_initial": 150, "budget_total": 160, "spend_total": 152}
    assert result.facts.total.value == 97.83 and result.findings == []


def test_a_wrong_score_one_space_apart_is_found(tmp_path):
    slipped = ONE_SPACE.replace("22座 20 18.33", "22座 20 18.83").replace("总分 100 97.83", "总分 100 98.33")
    errors = error_codes(result_of(tmp_path, slipped))
    assert errors == ["SCORE_MISMATCH"]          # 22/24 × 20 = 18.33 (the total adds the stated scores)


def test_a_sentence_with_spaces_is_no_form(tmp_path):
    text = "本年度 年初预算数 全年预算数 全年执行数 分值 得分 等口径 与上年一致。\n全年执行数为152万元。\n"
    assert result_of(tmp_path, text).facts.indicators == []


def test_a_header_of_two_lines_one_space_apart(tmp_path):
    text = ("绩效 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析\n"
            "指标 指标值 完成值 及改进措施\n"
            "产出指标 数量指标 背街小巷整治条数 ≥12条 13条 40 40\n"
            "质量指标 诉求响应率 =100% 98% 30 29.4 2件诉求超时响应\n"
            "满意度指标 服务对象满意度指标 居民满意度 ≥90% 92% 30 30\n"
            "总分 100 99.4\n")
    assert indicator_values(result_of(tmp_path, text)) == {
        "背街小巷整治条数": (12, 13, 40, 40), "诉求响应率": (100, 98, 30, 29.4), "居民满意度": (90, 92, 30, 30)}


def test_a_lower_header_line_spelling_out_the_target_one_space_apart(tmp_path):
    text = ("一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 完成情况 自评得分\n"
            "符号 数值 单位\n"
            "产出指标 数量指标 河道巡查次数 40 ≥ 120 次 126 完成 40\n"
            "时效指标 问题整改及时率 30 ≥ 95 % 90.25 未完成 28.5\n"
            "满意度指标 服务对象满意度指标 沿河居民满意度 30 ≥ 90 % 91 完成 30\n"
            "总分 100 98.5\n")
    result = result_of(tmp_path, text)
    assert indicator_values(result) == {"河道巡查次数": (120, 126, 40, 40), "问题整改及时率": (95, 90.25, 30, 28.5),
                                        "沿河居民满意度": (90, 91, 30, 30)}
    assert result.findings == []


def test_targets_with_their_sign_or_a_sign_apart_one_space_apart(tmp_path):
    # 年度 | 指标值: the sign's column and the value's; some rows give the sign apart, some with the value
    text = ("一级指标 二级指标 三级指标 年度 指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
            "产出指标 数量指标 垃圾分类示范小区创建数 ≥ 20个 18个 30 27 2个小区物业更换，顺延至下年\n"
            "质量指标 道路保洁达标率 ≥95% 96.2% 30 30\n"
            "效益指标 社会效益指标 市民诉求解决率 ≥ 90% 92% 20 20\n"
            "满意度指标 服务对象满意度指标 市民满意度 ≥88% 90.5% 20 20\n"
            "总分 100 97\n")
    result = result_of(tmp_path, text)
    assert indicator_values(result) == {"垃圾分类示范小区创建数": (20, 18, 30, 27), "道路保洁达标率": (95, 96.2, 30, 30),
                                        "市民诉求解决率": (90, 92, 20, 20), "市民满意度": (88, 90.5, 20, 20)}
    assert result.findings == []


def test_a_short_score_table_one_space_apart(tmp_path):
    text = ("项目支出绩效自评得分表\n"
            "一级指标 分值 得分 主要扣分原因\n"
            "决策 15 15\n"
            "过程 20 19.33 预算执行率未达100%；个别抽检报告归档不及时\n"
            "产出 40 39.40 农产品快检批次未完成\n"
            "效益 25 24.68 群众满意度未达目标\n"
            "合计 100 98.41\n")
    result = result_of(tmp_path, text)
    assert {i.name: (i.weight.value, i.score.value) for i in result.facts.items} == {
        "决策": (15, 15), "过程": (20, 19.33), "产出": (40, 39.4), "效益": (25, 24.68)}
    assert result.findings == []


def test_a_table_typed_with_one_run_of_spaces_between_cells_read_as_the_cells_come():
    """Cells typed one after another, four spaces between (a tab turned into spaces), not set under their
    headers: a row giving a cell for each column is read as it comes, not by where its cells stand."""
    from engine.report.texttables import table_rows
    lines = ["一级指标    二级指标    三级指标    指标值    实际完成值    分值    得分",
             "产出指标    数量指标    公益性岗位安置人数    ≥85人    89人    10    10",
             "产出指标    质量指标    农村生活垃圾无害化处理率    ≥95%    97.2%    10    9.8"]
    rows = table_rows(lines)
    assert rows[1] == ["产出指标", "数量指标", "公益性岗位安置人数", "≥85人", "89人", "10", "10"]
    assert rows[2] == ["产出指标", "质量指标", "农村生活垃圾无害化处理率", "≥95%", "97.2%", "10", "9.8"]


WORDY = """严重精神障碍患者救治救助项目绩效自评表
三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法

数量指标 监护补助发放人数 ≥1600人 1612人 10 10
定量指标：实际完成值达到预期指标值的，得满分；未达到的，按B/A×分值计分。
定性指标：按“三档”原则计分。
-
数量指标 免费服药患者人数 ≥1350人 1296人 10 9.6 部分患者
转外地就医
-
质量指标 在册患者规范管理率 ≥90% 92.6% 10 10
"""


def test_a_form_whose_word_columns_wrap_and_whose_rules_stand_between_its_rows(tmp_path):
    """A header naming 未完成原因 and 得分计算方法: the rules said between its rows and the reasons wrapped onto lines of
    their own are no end of the form — every row is read."""
    rows = indicator_values(result_of(tmp_path, WORDY))
    assert rows == {"监护补助发放人数": (1600, 1612, 10, 10), "免费服药患者人数": (1350, 1296, 10, 9.6),
                    "在册患者规范管理率": (90, 92.6, 10, 10)}


# a 转移支付 form as a PDF's text gives it: its header two spaces apart and wrapped, each indicator's row
# "指标N:" then its cells one space apart, the group cells before it, a reason wrapped onto lines of its own
NUMBERED_ROWS = """中央、市级专项转移支付绩效目标自评表
绩 效 指 标  一级 指标  二级指标
三级指标  年度指标值  全年完成值  分值  得分  未完成原因和
改进措施
产 出 指 标  数量指标 指标1:新修机耕道 ≥40公里 42公里 30 30
指标2:新建蓄水池 ≥20口 18口 30 27 2口因用地调整
未建
质量指标 指标1:工程验收合格率 ≥95% 97% 20 20
满意度 指标  服务对象满意度指标 指标1:受益群众满意度 ≥90% 94% 20 20
总分  100  97
"""


def test_numbered_indicator_rows_one_space_apart(tmp_path):
    """Each "指标N:" line is its indicator's row (name, target, actual, points, score); a slip in a score
    is found where the row stands."""
    result = result_of(tmp_path, NUMBERED_ROWS)
    assert indicator_values(result) == {"新修机耕道": (40, 42, 30, 30), "新建蓄水池": (20, 18, 30, 27),
                                        "工程验收合格率": (95, 97, 20, 20), "受益群众满意度": (90, 94, 20, 20)}
    assert result.findings == []
    slipped = result_of(tmp_path, NUMBERED_ROWS.replace("18口 30 27", "18口 30 29"))
    assert [f.code for f in slipped.findings] == ["SCORE_MISMATCH", "TOTAL_MISMATCH"]


# the funds header one space apart, its unit on a line of its own under it
UNIT_UNDER_HEADER = """项目支出绩效自评表
项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
（万元）
年度资金总额 {initial} 860.00 826.34 10 96.09% 9.61
其中：中央衔接资金 496.00 620.00 603.58 — 97.35% —
自治区资金 144.00 180.00 167.26 — 92.92% —
其他资金 60.00 60.00 55.50 — 92.50% —
"""


def test_a_funds_headers_unit_on_a_line_of_its_own(tmp_path):
    """"（万元）" under the header is its unit, not the form's end: the rows under it are read, their 其中 parts
    added up against the 总额 row."""
    result = result_of(tmp_path, UNIT_UNDER_HEADER.format(initial="700.00"))
    assert amounts(result)["budget_total"] == 860 and result.findings == []
    assert error_codes(result_of(tmp_path, UNIT_UNDER_HEADER.format(initial="640.00"))) == ["SUM_MISMATCH"]
