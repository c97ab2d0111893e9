"""What development round 93 taught (our own words): a 评分表 one cell a line whose names carry their points ("绩效目标
合理性（4分）" / "4.00") and which has no 分值 column is read as items, its 扣分说明 cells notes; a 参考分值 or 满分 column
is an indicator form's 分值; a form one cell a line that gives each empty cell a line of its own has its 总分 row's
figures past those empty cells ("总分 |" / "|" / "|" / "100 |" / "98.41 |")."""
from __future__ import annotations

from reading import checked, said as _said


def _items(result) -> list[tuple[str, float | None, float]]:
    return [(i.name, i.weight.value if i.weight else None, i.score.value) for i in result.facts.items]


_POINTED = ("某县某乡人民政府2024年度部门整体支出绩效评价结果公示\n"
            "本单位总得分为{total}分。\n\n绩效评价指标体系明细表\n\n"
            "一级指标\n二级指标\n三级指标\n得分\n扣分说明\n"
            "投入（70分）\n目标设定（40分）\n绩效目标合理性（20分）\n20.00\n绩效指标明确性（20分）\n15.00\n较明确，按75%计\n"
            "预算配置（30分）\n在职人员控制率（20分）\n20.00\n公用经费变动率（10分）\n8.00\n较上年增长4.00%，扣2分\n"
            "过程（30分）\n资金管理（30分）\n资金使用合规性（20分）\n18.00\n审计发现问题2项，每项扣1分\n"
            "预决算信息公开性（10分）\n10.00\n"
            "合计\n{total}\n\n评分说明：定性指标按好、较好、一般、差分别计分值的100%、75%、50%、0。\n")


def test_a_table_of_names_with_their_points_one_cell_a_line_is_read_as_items(tmp_path):
    result = checked(tmp_path, _POINTED.format(total="91.00"))
    assert _items(result)[:6] == [("绩效目标合理性", 20, 20), ("绩效指标明确性", 20, 15), ("在职人员控制率", 20, 20),
                                  ("公用经费变动率", 10, 8), ("资金使用合规性", 20, 18), ("预决算信息公开性", 10, 10)]
    assert _said(result) == []      # 20 + 15 + 20 + 8 + 18 + 10 = 91
    # (the groups — 投入（70分）, 目标设定（40分） — are no items; nor are the notes)
    assert len(result.facts.items) == 6


def test_a_score_above_its_points_is_no_item_of_such_a_table(tmp_path):
    text = _POINTED.format(total="91.00").replace("绩效目标合理性（20分）\n20.00", "绩效目标合理性（20分）\n200")
    assert ("绩效目标合理性", 20, 200) not in _items(checked(tmp_path, text))


_REFERENCE_POINTS = ("关于2024年度项目支出绩效自评的报告\n"
                     "| 一级指标 | 二级指标 | 三级指标 | {points} | 指标值（A） | 全年实际值（B） | 得分 | 未完成原因分析及改进措施 |\n"
                     "| 产出指标 | 数量指标 | 繁育面积 | 6 | ≥2,500亩 | 2,431亩 | 5.83 | 冰雹 |\n"
                     "|  | 质量指标 | 种薯质量合格率 | 5 | ≥95% | 96.8% | 5 |  |\n")


def test_a_reference_points_column_is_the_weight(tmp_path):
    for points in ("参考分值", "满分"):
        result = checked(tmp_path, _REFERENCE_POINTS.format(points=points))
        assert [(i.name, i.weight.value, i.self_score.value) for i in result.facts.indicators] \
            == [("繁育面积", 6, 5.83), ("种薯质量合格率", 5, 5)]
        assert _said(result) == []      # 2,431 ÷ 2,500 × 6 = 5.83


_CELLS = ("关于2024年度项目支出绩效自评的报告\n附件：项目支出绩效自评表\n"
          "一级指标 |\n二级指标 |\n三级指标 |\n年度指标值 |\n实际完成值 |\n分值 |\n得分 |\n偏差原因分析及改进措施 |\n"
          "产出指标 |\n数量指标 |\n退耕还林补助面积 |\n≥8.2万亩 |\n8.118万亩 |\n50 |\n49.5 |\n|\n"
          "效益指标 |\n生态效益指标 |\n森林覆盖率 |\n≥68.5% |\n68.7% |\n40 |\n40 |\n|\n"
          "满意度指标 |\n服务对象满意度指标 |\n退耕农户满意度 |\n≥85% |\n88.6% |\n10 |\n10 |\n|\n"
          "总分 |\n|\n|\n|\n|\n100 |\n{total} |\n|\n\n岚河县林业局\n")


def test_a_total_row_past_its_empty_cells_one_a_line(tmp_path):
    said = checked(tmp_path, _CELLS.format(total="99.10"))      # 8.118 ÷ 8.2 × 50 = 49.5; 49.5 + 40 + 10 = 99.50
    assert [(f.code, "99.1" in f.message and "99.5" in f.message) for f in said.findings] == [("TOTAL_MISMATCH", True)]
    assert _said(checked(tmp_path, _CELLS.format(total="99.50"))) == []



_USES = ("关于2024年度项目支出绩效自评的报告\n（三）资金使用。全年支出919.89万元，预算执行率97.59%；主要是年中追加市级补助。支出具体为：\n"
         "1.助餐点运营补贴386.40万元；\n2.送餐上门服务补贴142.85万元；\n3.老年人用餐补贴{meals}万元；\n"
         "4.食品安全抽检28.60万元；\n5.信息平台运维23.78万元。\n年末结余22.76万元。\n")


def test_a_detail_announced_at_a_lines_end_and_listed_on_numbered_lines_adds_up_to_its_whole(tmp_path):
    assert _said(checked(tmp_path, _USES.format(meals="338.26"))) == []     # 386.40 + … + 23.78 = 919.89
    said = checked(tmp_path, _USES.format(meals="318.26"))
    assert _said(said) == [("SUM_MISMATCH", "warning")] and "899.89" in said.findings[0].message
    # (a list with a line of two amounts is not read as the parts)
    two = _USES.format(meals="318.26").replace("4.食品安全抽检28.60万元；", "4.食品安全抽检28.60万元、巡查5.00万元；")
    assert _said(checked(tmp_path, two)) == []


_ARRIVAL = ("关于2024年度项目支出绩效自评的报告\n（一）资金来源。项目全年预算1,860.00万元，资金来源为：中央资金1,116.00万元、"
            "省级补助372.00万元、县级配套372.00万元。\n（二）资金到位。截至2024年12月31日，实际到位资金1,802.40万元，其中中央、"
            "省级资金全部到位，县级配套到位314.40万元，县级配套到位率84.52%，资金到位率{rate}。\n")


def test_the_whole_arrival_among_a_sources_arrival_gives_the_arrival_rate(tmp_path):
    assert _said(checked(tmp_path, _ARRIVAL.format(rate="96.90%"))) == []     # 1,802.40 ÷ 1,860.00
    said = checked(tmp_path, _ARRIVAL.format(rate="94.13%"))
    assert ("STATED_RATE_MISMATCH", "warning") in _said(said)
    assert any("96.90%" in f.message for f in said.findings)
