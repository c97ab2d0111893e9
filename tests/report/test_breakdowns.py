"""A 部门整体 form's funds set out twice side by side under its 年度资金总额 row, by 收入性质 and by 支出性质
(engine/report/breakdowns.py)."""
from __future__ import annotations

import pytest

from reading import checked

SIDE_BY_SIDE = """部门整体支出绩效自评表
部门（单位）名称：某县医疗保障局                                  单位：万元
                          年初预算数     全年预算数     全年执行数     分值     执行率     得分
年度预算   年度资金总额     1,286.40       1,542.73       1,497.36       10      97.06%     9.71
（万元）   按收入性质分   年初预算数  全年预算数  全年执行数   按支出性质分   年初预算数  全年预算数  全年执行数
           其中：财政拨款   1,286.40    1,418.25    1,376.90     基本支出        1,012.30    1,046.85    1,046.85
                 上级补助       0.00      112.48      108.62     项目支出          274.10      495.88      {project}
                 其他资金       0.00       12.00       11.84
           预期目标                                            实际完成情况
年度总体   参保人数不低于52.6万人                               全年参保53.12万人，拨付及时率92.6%
"""


@pytest.mark.parametrize("project, codes", [("450.51", []), ("405.51", ["SUM_MISMATCH"])])
def test_each_side_against_the_total_row(tmp_path, project, codes):
    """基本支出 + 项目支出 must make the 总额 row's 全年执行数 as the sources do; the goals' rows below (figures under the
    same columns) are no part of either side."""
    assert [f.code for f in checked(tmp_path, SIDE_BY_SIDE.format(project=project)).findings] == codes


RATE_OF_THE_RIGHT_SIDE = """部门整体支出绩效自评表
年度预算申请 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 8,802.60 8,642.35 8,377.90 10 96.94% 9.69
按收入性质分 年初预算数 全年预算数 全年执行数 按支出性质分 年初预算数 全年预算数 全年执行数 执行率
一般公共预算 8,146.60 7,986.35 7,745.12 基本支出 1,402.60 1,436.82 1,436.82 100.00%
政府性基金预算 656.00 656.00 632.78 项目支出 7,400.00 7,205.53 6,941.08 {rate}
"""


@pytest.mark.parametrize("rate, said", [("96.33%", []), ("93.80%", ["项目支出"])])
def test_a_rate_after_the_second_side_is_that_sides_rows(tmp_path, rate, said):
    """The 执行率 column after 按支出性质分's columns is 基本支出's and 项目支出's: 1,436.82 ÷ 1,436.82 is the 100%, and
    项目支出's rate is of its own amounts (6,941.08 ÷ 7,205.53), named by its own name."""
    findings = checked(tmp_path, RATE_OF_THE_RIGHT_SIDE.format(rate=rate)).findings
    assert [f.code for f in findings] == ["STATED_RATE_MISMATCH"] * len(said)
    assert all(name in f.message for f, name in zip(findings, said))


@pytest.mark.parametrize("carried, found", [("3.86", []), ("3.68", ["SUM_MISMATCH"])])
def test_each_source_with_its_budget_then_what_it_spent(tmp_path, carried, found):
    """"其中当年财政拨款135.60万元，支出132.71万元，…；上年结转资金3.86万元全部支出": the spending adds up (132.71 + 3.86 =
    136.57), not every amount of the list; a carry-over mistyped (3.68) is still off it."""
    text = ("某县2023年度食品安全抽检项目支出绩效自评报告\n\n二、资金执行情况\n"
            f"    截至2023年12月31日，项目累计支出136.57万元，预算执行率97.93%。其中当年财政拨款135.60万元，支出132.71万元，"
            f"执行率97.87%；上年结转资金{carried}万元全部支出。\n")
    assert [f.code for f in checked(tmp_path, text).findings if f.code == "SUM_MISMATCH"] == found
