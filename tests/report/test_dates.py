"""A 时效 indicator's target and what it achieved said as dates: read, said back as written, never computed."""
from __future__ import annotations

from reading import checked

from engine.report.dates import is_date
from engine.report.extract import claims_of, data_of

FORM = ("某县农业农村局2023年度耕地地力保护补贴项目支出绩效自评表\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 补贴发放面积 | ≥52万亩 | 52.6万亩 | 20 | 20 |\n"
        "| | 时效指标 | 补贴资金兑付时间 | {target} | {actual} | 10 | {score} |\n")


def dated(tmp_path, target="2023年6月30日前", actual="2023年6月21日", score="10"):
    result = checked(tmp_path, FORM.format(target=target, actual=actual, score=score))
    return result, next(i for i in result.facts.indicators if i.name == "补贴资金兑付时间")


def test_a_dated_rows_target_and_result_are_read_as_dates(tmp_path):
    result, ind = dated(tmp_path)
    assert (ind.target.unit, ind.target.label, ind.actual.label) == ("日期", "2023年6月30日前", "2023年6月21日")
    assert (ind.target.value, ind.actual.value, ind.weight.value, ind.self_score.value) == (2023, 2023, 10, 10)
    said = {c["key"]: c["value"] for c in claims_of(result.facts) if c["key"].startswith(f"indicators[{ind.row}]")}
    assert said[f"indicators[{ind.row}].target"] == "2023年6月30日前"


def test_a_date_is_never_computed_with(tmp_path):
    """A late payment scored 6 of 10 by a rule the form does not state: no completion of a date, no finding; the
    framework's data leave the dates out (a date is no figure to score)."""
    result, ind = dated(tmp_path, target="6月底前", actual="7月15日", score="6")
    assert (ind.target.value, ind.actual.value) == (6, 7) and result.findings == []
    row = next(r for r in data_of(result.facts, None)["indicators"] if r["name"] == "补贴资金兑付时间")
    assert "target" not in row and "actual" not in row and "unit" not in row


def test_a_cell_of_a_date_and_more_words_is_no_date(tmp_path):
    _, ind = dated(tmp_path, target="按季度及时发放", actual="每季度末月15日前发放")
    assert not is_date(ind.target) and not is_date(ind.actual)


def test_dates_said_in_an_indicators_sentence(tmp_path):
    """"…完成时限：年度目标值为2023年12月31日前完成，实际于2023年12月20日完成，分值6分，得6分" (the target word's), and
    "维修工程完成时限为2023年11月30日前，实际于11月20日全部完工（5分，得5分）" (a statement of its own)."""
    text = ("某县住房和城乡建设局2023年度城建档案数字化项目支出绩效自评报告\n三、绩效指标完成情况\n"
            "（7）城建档案数字化完成时限：年度目标值为2023年12月31日前完成，实际于2023年12月20日完成，分值6分，得6分。\n"
            "（8）维修工程完成时限为2023年11月30日前，实际于11月20日全部完工（5分，得5分）。\n")
    result = checked(tmp_path, text)
    read = {i.name: (i.target.label, i.actual.label, i.weight.value, i.self_score.value) for i in result.facts.indicators}
    assert read == {"城建档案数字化完成时限": ("2023年12月31日前", "2023年12月20日", 6, 6),
                    "维修工程完成时限": ("2023年11月30日前", "11月20日", 5, 5)}
    assert result.findings == []
