"""Completions said in words of their own: beyond the target ("超额完成年度目标17.6%"), and a ceiling's completion by the
formula the report states for it (反向指标…完成率=年度目标值÷实际完成值)."""
from __future__ import annotations

from reading import checked

BEYOND = ("某县草原站2023年度项目支出绩效自评报告\n二、绩效目标\n年度目标：开展牧民技能培训不少于500人次。\n"
          "三、绩效目标完成情况\n牧民技能培训人次：目标≥500人次，实际538人次，得5分（分值5分）。\n"
          "完成人工种草2,460亩；开展牧民技能培训538人次，超额完成年度目标{beyond}。\n")


def test_beyond_the_target_by_its_share(tmp_path):
    assert checked(tmp_path, BEYOND.format(beyond="7.6%")).findings == []
    found = checked(tmp_path, BEYOND.format(beyond="17.6%")).findings      # 538 ÷ 500 − 1 = 7.6%
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "warning")] and "7.60%" in found[0].message


CEILING = ("某县卫生健康局2023年度部门整体支出绩效自评表\n"
           "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n"
           "| 效益指标 | 经济效益 | 乡镇卫生院次均住院费用 | ≤2300元 | 2116元 | {share} | 6 | 6 |\n"
           "注：1.正向指标完成率=实际完成值÷年度目标值×100%；反向指标（目标值为“≤”的指标）完成率=年度目标值÷实际完成值×100%。\n")


def test_a_ceilings_completion_by_the_formula_the_report_states(tmp_path):
    assert checked(tmp_path, CEILING.format(share="108.70%")).findings == []
    found = checked(tmp_path, CEILING.format(share="92.00%")).findings      # 2,116 ÷ 2,300: the formula turned about
    assert [f.code for f in found] == ["COMPLETION_MISMATCH"] and "108.70%" in found[0].message
    # no formula stated: the share of the ceiling used is a convention of its own
    assert checked(tmp_path, CEILING.format(share="92.00%").rsplit("注：", 1)[0]).findings == []


UNIT_APART = ("某县教育体育局2023年度项目支出绩效自评表\n"
              "| 一级指标 | 二级指标 | 三级指标 | 计量单位 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
              "| 产出指标 | 数量指标 | 秋季学期资助学生人数 | 人 | ≥1800 | 1853 | 10 | 10 |\n"
              "二、绩效目标完成情况\n秋季学期资助1,853人，完成率{rate}；资助对象认定准确率100%。\n")


def test_a_completion_said_of_a_forms_figure_whose_unit_stands_in_a_column_of_its_own(tmp_path):
    """"秋季学期资助1,853人，完成率102.49%" of the row "| 人 | ≥1800 | 1853 |": the same figure achieved (its unit the
    row's 计量单位 cell), so the completion is the row's — 1,853 ÷ 1,800 = 102.94%."""
    assert checked(tmp_path, UNIT_APART.format(rate="102.94%")).findings == []
    found = checked(tmp_path, UNIT_APART.format(rate="102.49%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "warning")] and "102.94%" in found[0].message


def test_beyond_the_target_with_both_figures_said_before_it(tmp_path):
    """"处理12,600头（只），比年度指标值10,500头（只）多处理2,100头（只），超额完成16.67%": 12,600 ÷ 10,500 − 1 = 20%
    (16.67% is the excess over what was achieved) — a warning."""
    text = ("某区动物防疫项目支出绩效自评报告\n病死畜禽无害化处理12,600头（只），比年度指标值10,500头（只）多处理2,100头（只），"
            "超额完成{beyond}。\n")
    assert checked(tmp_path, text.format(beyond="20%")).findings == []
    found = checked(tmp_path, text.format(beyond="16.67%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "warning")] and "20.00%" in found[0].message


def test_a_result_said_as_its_share_of_the_target(tmp_path):
    """"受益人口…48,960人，为目标值的94.51%" of the row "受益人口 | ≥52000人 | 48960人": 94.15% — a warning."""
    form = ("某县危桥改造项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 效益指标 | 社会效益 | 受益人口 | ≥52000人 | 48960人 | 10 | 9.42 |\n"
            "受益人口按户籍人口统计为48,960人，为目标值的{share}。\n")
    assert checked(tmp_path, form.format(share="94.15%")).findings == []
    found = checked(tmp_path, form.format(share="94.51%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "warning")] and "94.15%" in found[0].message


# the form's row gives the target and the figure achieved; a sentence names the indicator in other words, its
# figure achieved said earlier in that sentence, and the completion after the name alone
NAMED_APART = ("某县住房和城乡建设局2023年度项目支出绩效自评报告\n"
               "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
               "| 产出指标 | 数量指标 | 补助发放户数 | ≥25000户 | 24855户 | 10 | 9.94 |\n"
               "| 效益指标 | 社会效益指标 | 清洁取暖设备正常使用率 | ≥90% | 95% | 10 | 10 |\n"
               "全年共核定并向24,855户发放运行补助，其中“气代煤”18,640户、“电代煤”6,215户，补助户数完成年度目标的{rate}。\n")


def test_a_completion_said_after_the_indicators_name_alone(tmp_path):
    assert checked(tmp_path, NAMED_APART.format(rate="99.42%")).findings == []
    found = checked(tmp_path, NAMED_APART.format(rate="97.24%")).findings      # 24,855 ÷ 25,000 = 99.42%
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "warning")] and "99.42%" in found[0].message


# an indicator's paragraph, its completion said with what was achieved under no name of its own; the form gives its row
PARAGRAPH = ("（二）产出指标\n"
             "    兽药残留抽检批次指标，分值10分。年度目标≥800批次，实际完成{actual}，完成率{rate}，得10分。\n"
             "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
             "| 产出指标 | 数量指标 | 兽药残留抽检批次 | ≥800批次 | {actual} | 10 | 10 |\n")


def test_a_completion_said_in_the_paragraph_that_names_its_indicator(tmp_path):
    assert checked(tmp_path, PARAGRAPH.format(actual="856批次", rate="107%")).findings == []
    # 800 ÷ 856 = 93.46%: the ratio turned over — every operand said in the sentence, an error
    found = checked(tmp_path, PARAGRAPH.format(actual="856批次", rate="93.46%")).findings
    assert [(f.code, f.severity) for f in found] == [("COMPLETION_MISMATCH", "error")] and "107.00%" in found[0].message


def test_a_unit_with_its_other_name_in_brackets(tmp_path):
    """"55台（套），完成率95.83%": 55 ÷ 58 = 94.83%."""
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 采购医疗设备台（套）数 | ≥58台（套） | 55台（套） | 10 | 9.48 |\n"
            "采购医疗设备台（套）数，分值10分。年度目标≥58台（套），实际完成55台（套），完成率{rate}，得9.48分。\n")
    assert checked(tmp_path, text.format(rate="94.83%")).findings == []
    assert "COMPLETION_MISMATCH" in [f.code for f in checked(tmp_path, text.format(rate="95.83%")).findings]
