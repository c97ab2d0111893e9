"""A 评分表 row scoring a rate that the prose says by its name's last words alone ("按时完成率93.8%" of the row
维修养护项目按时完成率; development's 1130): the row's indicator, what it achieved that figure, its target the line its
own 评分标准 opens with. Not where those words are a rate of the department's own (预算执行率) or the end of another
row's name too."""
from __future__ import annotations

from reading import checked

_REPORT = ("溪川县水利局2024年度部门整体支出绩效自评报告\n"
           "一、预算执行\n全年预算4,800.00万元，支出4,650.00万元，预算执行率96.88%。\n"
           "二、绩效目标完成情况\n全年安排堤防维修项目40个，按期完成38个，按时完成率95.0%。{more}\n"
           "三、评分表\n"
           "| 一级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n"
           "| 过程 | 项目预算执行率 | 10 | ≥95%得满分，低于95%按比例计分 | 10 |\n"
           "| 产出 | 堤防维修项目按时完成率 | 8 | ≥90%；未达到的按比例计分 | 8 |\n"
           "{row}"
           "| 合计 | | {weights} | | {total} |\n")


def _indicators(result) -> dict:
    return {i.name: (i.target and i.target.value, i.actual and i.actual.value, i.weight and i.weight.value)
            for i in result.facts.indicators}


def test_the_rate_said_by_its_names_last_words(tmp_path):
    read = _indicators(checked(tmp_path, _REPORT.format(more="", row="", weights=18, total=18)))
    assert read["堤防维修项目按时完成率"] == (90, 95.0, 8)
    assert "项目预算执行率" not in read      # ("预算执行率96.88%" is the department's own)


def test_words_that_end_two_rows_name_neither(tmp_path):
    text = _REPORT.format(more="闸站维修按时完成率92.0%。", weights=26, total=26,
                          row="| | 闸站维修项目按时完成率 | 8 | ≥90%；未达到的按比例计分 | 8 |\n")
    read = _indicators(checked(tmp_path, text))
    assert "堤防维修项目按时完成率" not in read and "闸站维修项目按时完成率" not in read
