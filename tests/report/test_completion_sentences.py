"""A completion said in a paragraph the way a 评分表's 完成情况 cell says it — what was achieved, the target, the
completion ("实施临时救助1,126人次，目标1,200人次，完成率93.83%") or the target first — checked from its own two figures,
the indicator's form row after it or not."""
from __future__ import annotations

import pytest

from reading import checked

HEAD = "某县民政局2024年度部门整体支出绩效自评报告\n三、绩效目标完成情况\n"
FORM = ("附件：部门整体支出绩效自评表\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t城乡低保保障人数\t≥6,800人\t6,912人\t10\t10\n"
        "\t\t临时救助人次\t≥1,200人次\t1,126人次\t10\t9.38\n")


@pytest.mark.parametrize("said", ["全年保障城乡低保对象6,912人，年度目标6,800人；救助供养特困人员1,068人，其中集中供养462人，"
                                  "集中供养率43.3%；实施临时救助1,126人次，目标1,200人次，完成率95.83%，未完成主要是部分对象转入低保。",
                                  "临时救助目标1,200人次，实际完成1,126人次，完成率95.83%。"])
@pytest.mark.parametrize("form", ["", FORM])
def test_a_completion_off_its_own_figures(tmp_path, said, form):
    found = checked(tmp_path, HEAD + said + "\n" + form).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")] and "93.83%" in found[0].message


@pytest.mark.parametrize("said", ["实施临时救助1,126人次，目标1,200人次，完成率93.83%。",
                                  # (over the target: the completion as worked out, or capped at 100%)
                                  "改造农村户厕2,046户，目标2,000户，完成率102.30%。",
                                  "改造农村户厕2,046户，目标2,000户，完成率100%。",
                                  # (from the rate before it was rounded: 12 ÷ 14 = 85.714%; 85.714 ÷ 90 = 95.24%)
                                  "（3）时效指标。14个村中12个按期完工，完工及时率85.71%，目标90%，完成率95.24%。"])
def test_completions_that_agree(tmp_path, said):
    assert checked(tmp_path, HEAD + said + "\n").findings == []


def test_a_ceilings_cell_is_its_rows_not_a_share(tmp_path):
    # (≤1,500元/件 in the row's 指标解释: 1,430 is within it, 100% by the row's rule — not 1,430 ÷ 1,500)
    form = ("评分表\n"
            "| 三级指标 | 分值 | 指标解释 | 评分标准 | 完成情况 | 得分 |\n"
            "| 件均补贴标准 | 5 | 法律援助案件件均补贴，目标值≤1,500元/件。 | 不超过目标值得满分 | 完成1,430元/件，目标1,500元/件，完成率100%。 | 5 |\n")
    assert [f.code for f in checked(tmp_path, HEAD + form).findings] == []


SEED_FORM = ("附件：项目支出绩效自评表\n"
             "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
             "| 产出指标 | 数量指标 | 小麦统一供种面积 | ≥42万亩 | 41.26万亩 | 10 | 9.82 |\n"
             "|  |  | 良种供种数量 | ≥630万公斤 | 586.4万公斤 | 10 | 9.31 |\n")


@pytest.mark.parametrize("rate, codes", [("94.58%", ["COMPLETION_MISMATCH"]), ("93.08%", [])])
def test_a_completion_said_of_a_figure_in_its_rows_own_unit(tmp_path, rate, codes):
    # (named otherwise than its row — 实际供种, 良种供种数量 — but its figure in its unit is that row's alone)
    said = f"（一）产出。全县统一供种面积41.26万亩，完成率98.24%；实际供种586.4万公斤，完成率{rate}，主要是部分农户使用自留种。\n"
    assert [f.code for f in checked(tmp_path, HEAD + said + SEED_FORM).findings] == codes
