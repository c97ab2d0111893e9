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



_DEGREE = ("岭西县畜牧站2024年度项目支出绩效自评报告\n"
           "一、完成情况\n{goal}全年应免牛羊12.4万头，实际免疫11.9万头，免疫密度95.97%，高于90%的指标值；"
           "调查养殖户200户，{satisfied}\n"
           "二、得分\n免疫密度（10分，得10分）；养殖户满意度（10分，得10分）。\n")


def test_a_rate_named_in_du_is_read_as_its_row(tmp_path):
    read = _indicators(checked(tmp_path, _DEGREE.format(goal="", satisfied="养殖户满意度93.5%。")))
    assert read["免疫密度"][1:] == (95.97, 10) and read["养殖户满意度"][1:] == (93.5, 10)


def test_a_line_is_not_what_was_achieved(tmp_path):
    read = _indicators(checked(tmp_path, _DEGREE.format(goal="", satisfied="养殖户满意度90%以上。")))
    assert "养殖户满意度" not in read


def test_a_goals_sentences_figure_is_not_what_was_achieved(tmp_path):
    read = _indicators(checked(tmp_path, _DEGREE.format(goal="年度绩效目标：养殖户满意度90%。\n", satisfied="满意度较高。")))
    assert "养殖户满意度" not in read or read["养殖户满意度"][1] is None


def test_the_words_before_the_last_words_share_the_names_rest(tmp_path):
    # ("城乡低保对象应保尽保率100%" of the row 低保应保尽保率: 城乡低保对象 shares 低保 with it)
    text = _REPORT.format(more="城乡供水工程水质达标率94.6%。", weights=26, total=26,
                          row="| | 供水水质达标率 | 8 | ≥92%得满分 | 8 |\n")
    assert _indicators(checked(tmp_path, text))["供水水质达标率"] == (92, 94.6, 8)
    other = _REPORT.format(more="城区污水处理厂水质达标率94.6%。", weights=26, total=26,
                           row="| | 供水水质达标率 | 8 | ≥92%得满分 | 8 |\n")
    assert "供水水质达标率" not in _indicators(checked(tmp_path, other))     # (no word of 供水 before it)
