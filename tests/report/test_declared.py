"""Items whose points a report declares once (a list that makes up the full mark, names then
"分别为", a heading) and whose scores it says by name elsewhere."""
from __future__ import annotations

from reading import checked, error_codes

SCORES_FIRST_POINTS_IN_A_NOTE = """青禾县乡村振兴局2024年度食用菌产业帮扶项目支出绩效自评报告
一、自评结论
经自评，该项目自评得分{total}分，等级为“优”。其中预算执行率得分9.41分，产出指标48.86分，效益指标29.5分，满意度指标10分。
二、项目资金情况
全年预算资金320.00万元，实际支出301.12万元，预算执行率94.10%。
三、评分说明
注：1.一级指标分值统一为：产出指标50分、效益指标30分、满意度指标10分、预算执行率10分；2.执行率得分=分值×执行率。
"""


def _items(result) -> dict:
    return {i.name: (i.weight.value if i.weight else None, i.score.value) for i in result.facts.items}


def test_points_declared_in_a_note_and_scores_listed_after_one_score(tmp_path):
    """The 注's points are a rule's figures, yet they are each item's 分值; after "得分9.41分" the
    list's bare "产出指标48.86分" is a score."""
    result = checked(tmp_path, SCORES_FIRST_POINTS_IN_A_NOTE.format(total="97.77"))
    items = _items(result)
    assert items["产出指标"] == (50, 48.86) and items["效益指标"] == (30, 29.5) and items["满意度指标"] == (10, 10)
    assert items["预算执行率"][1] == 9.41
    assert "TOTAL_MISMATCH" not in error_codes(result)


def test_a_total_that_is_not_the_sum_of_its_declared_items_is_said(tmp_path):
    result = checked(tmp_path, SCORES_FIRST_POINTS_IN_A_NOTE.format(total="98.77"))
    assert any(f.code == "TOTAL_MISMATCH" for f in result.findings)


def test_names_then_points_respectively_and_group_names_with_their_suffix(tmp_path):
    text = """某区水务局2023年度河道保洁项目绩效自评报告
评价指标体系设投入、过程、产出、效果4个一级指标，分值分别为20分、25分、30分、25分。
经评价，项目综合得分93.1分，等级为优秀。其中投入类指标得18分，过程类指标得22.6分，产出类指标得28.5分，效果类指标得24分。
"""
    items = _items(checked(tmp_path, text))
    assert items == {"投入": (20, 18), "过程": (25, 22.6), "产出": (30, 28.5), "效果": (25, 24)}


def test_headings_declare_points_and_a_summary_scores_them(tmp_path):
    text = """一、自评结论
经自评，该项目绩效自评得分91分，等级为“优”。其中决策得13分，管理得23分，产出得32分，效益得23分。
二、评价情况
（一）决策（15分）。立项依据充分，绩效目标量化不足扣2分。
（二）管理（25分）。资金支付进度达到要求。
（三）产出（35分）。完成年度建设任务。
（四）效益（25分）。带动就业效果明显。
"""
    assert _items(checked(tmp_path, text)) == {"决策": (15, 13), "管理": (25, 23), "产出": (35, 32), "效益": (25, 23)}


def test_points_that_do_not_make_up_the_full_mark_and_a_name_scored_twice_are_not_read(tmp_path):
    text = """经自评，本项目得分95分。
其中资金到位率5分、资金执行率3分、资金使用合规性2分，按实际情况评分。
资金到位率得5分。
产出指标30分、效益指标50分、满意度指标20分。
产出指标得29分；经复核，产出指标得28分。效益指标得48分。2022年度满意度指标得18分。
"""
    items = _items(checked(tmp_path, text))
    assert "资金到位率" not in items           # its list makes up 10, not the full mark
    assert "产出指标" not in items             # two different scores for it: neither read
    assert items.get("效益指标") == (50, 48)
    assert "满意度指标" not in items           # last year's score is not this year's


def test_the_declared_points_themselves_are_no_score(tmp_path):
    text = """本次自评设决策（10分）、过程（20分）、产出（40分）、效益（30分）四个一级指标。
决策10分，过程20分。
"""
    assert _items(checked(tmp_path, text)) == {}


def test_items_with_bare_points_then_their_score_at_each_statements_start(tmp_path):
    """"；管理制度健全性8分，得7分" (no 指标 in its name, at a statement's start), "政府采购执行率满分2分，
    实得2分"; "，该指标分值4分，得分4分" names no item of its own."""
    text = """（三）过程（分值30分，得28.5分）。
政府采购执行率满分2分，实得2分；管理制度健全性8分，得7分；资金使用合规性10分，得10分。
绩效目标合理性：目标与职能相符，该指标分值4分，得分4分。
"""
    items = _items(checked(tmp_path, text))
    assert items["政府采购执行率"] == (2, 2) and items["管理制度健全性"] == (8, 7) and items["资金使用合规性"] == (10, 10)
    assert "该指标" not in items and "资金执行率" not in items


def test_items_each_with_its_points_in_brackets_all_scored_in_full(tmp_path):
    text = """4.资产管理安全性（3分）、预决算信息公开（2分）、资金使用合规性（4分）：均得满分。
5.政府采购执行率（分值3分）、管理制度健全性（分值2分），均得满分。
"""
    items = _items(checked(tmp_path, text))
    assert items["资产管理安全性"] == (3, 3) and items["预决算信息公开"] == (2, 2) and items["资金使用合规性"] == (4, 4)
    assert items["政府采购执行率"] == (3, 3) and items["管理制度健全性"] == (2, 2)


def test_the_execution_item_of_a_fund_said_as_its_own(tmp_path):
    text = "经自评，本资金资金执行率分值10分，得9.12分；产出指标分值50分，得50分。\n"
    result = checked(tmp_path, text)
    assert next(i for i in result.facts.items if i.row_id == "budget_execution").name == "资金执行率"


HEADINGS_AND_TOTAL = """某区卫生健康局2023年度专项债券项目绩效自评报告
一、自评结论
经自评，该项目绩效自评得分{total}分，等级为“优”。其中决策得13分，管理得23分，产出得32分，效益得23分。
二、评价情况
自评满分100分，其中决策15分、管理25分、产出35分、效益25分。{bonus}
"""


def test_a_total_against_the_scores_of_a_declared_full_mark(tmp_path):
    assert [f.code for f in checked(tmp_path, HEADINGS_AND_TOTAL.format(total="91", bonus="")).findings] == []
    wrong = checked(tmp_path, HEADINGS_AND_TOTAL.format(total="92", bonus="")).findings
    assert [(f.code, f.severity) for f in wrong] == [("TOTAL_MISMATCH", "error")]


def test_a_total_with_a_bonus_beside_its_declared_items_is_a_warning(tmp_path):
    text = HEADINGS_AND_TOTAL.format(total="92", bonus="另设加分项，最高加2分，本项目加1分。")
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == [("TOTAL_MISMATCH", "warning")]


def test_a_bonus_said_as_points_added_makes_the_declared_total_a_warning(tmp_path):
    text = HEADINGS_AND_TOTAL.format(total="92", bonus="另获省级表彰加1分。")
    assert [(f.code, f.severity) for f in checked(tmp_path, text).findings] == [("TOTAL_MISMATCH", "warning")]
