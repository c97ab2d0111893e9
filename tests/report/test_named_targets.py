"""A 评分表 naming each indicator with its target in brackets (三级指标（指标值）), as district forms do (our own
words): the indicator, its target, the row's points and score, and what it achieved from the row's note or from a
sentence of the results (engine/report/named_targets.py)."""
from __future__ import annotations

from reading import checked

REPORT = """某区某街道办事处2024年度部门整体支出绩效自评报告
经自评，2024年度部门整体支出绩效自评得分{total}分，评价等级为“优”。
三、绩效目标完成情况
全年开展助餐服务21.6万人次；社区事务受理办结率99.1%。
附件：评分表
一级指标   二级指标      三级指标                         分值     得分     扣分说明
产出       数量          助餐服务人次（≥20万人次）          20       20
                         加装电梯楼栋（≥12个）             20       {lifts}     完成9个
           质量          社区事务受理办结率（≥98%）         20       20
           时效          汛前防汛物资到位（5月31日前）      20       20
效益       满意度        居民满意度（≥90%）                 20       20       满意度93.5%
           小计                                             100      {total}
"""


def _indicators(result) -> dict[str, tuple]:
    value = lambda n: None if n is None else n.value    # noqa: E731
    return {i.name: (i.direction, value(i.target), value(i.actual), value(i.weight), value(i.self_score))
            for i in result.facts.indicators}


def test_each_row_named_with_its_target_is_an_indicator_its_achievement_from_its_note_or_the_results(tmp_path):
    read = _indicators(checked(tmp_path, REPORT.format(total="95", lifts="15")))
    assert read["助餐服务人次"] == (">=", 20, 21.6, 20, 20)
    assert read["加装电梯楼栋"] == (">=", 12, 9, 20, 15)
    assert read["社区事务受理办结率"] == (">=", 98, 99.1, 20, 20)
    assert read["居民满意度"] == (">=", 90, 93.5, 20, 20)
    assert not any(name.startswith("汛前防汛物资到位") for name in read)    # (a date in brackets: no target of a figure)


def test_a_score_the_rows_own_target_and_note_do_not_give(tmp_path):
    result = checked(tmp_path, REPORT.format(total="96", lifts="16"))
    assert [(f.code, f.severity) for f in result.findings] == [("SCORE_MISMATCH", "error")]
    assert "加装电梯楼栋" in result.findings[0].message
