"""A detail list after 具体为, closed by the words that it is all of the whole ("…，上述三项即为该部分全部支出"): its
parts against the amount said before it of that (支出), in another unit or not (development's 590: a list in 元
under a whole in 万元, one part 10,000元 off)."""
from __future__ import annotations

from reading import checked, said


_LISTED = ("石门县教育局2024年学生营养改善计划项目绩效自评报告\n（一）资金使用情况。改善就餐条件支出38.60万元，资金来源为"
           "上年结转36.48万元和县级资金2.12万元，具体为：冷藏及消毒设备243,500元、食品留样设备58,200元、食堂视频监控"
           "{last}元，{closing}。\n")


def test_a_list_closed_as_all_of_the_spending_adds_up_to_it(tmp_path):
    assert said(checked(tmp_path, _LISTED.format(last="84,300", closing="上述三项即为该部分全部支出"))) == []
    slip = checked(tmp_path, _LISTED.format(last="74,300", closing="上述三项即为该部分全部支出"))
    assert said(slip) == [("SUM_MISMATCH", "warning")] and "37.60" in slip.findings[0].message


def test_a_list_not_said_to_be_all_or_of_another_count_is_not_added(tmp_path):
    for closing in ("主要用于食堂改造", "上述四项即为该部分全部支出"):     # (not closed as the whole; a count not its own)
        assert said(checked(tmp_path, _LISTED.format(last="74,300", closing=closing))) == []
