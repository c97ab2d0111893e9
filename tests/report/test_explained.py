"""A rate and, after 即, what it is of: the indicator is the rate's, its bound read past the explanation; and the words
before a figure that name its indicator (a thousands' comma is no clause)."""
from __future__ import annotations

from reading import checked

HEAD = "某县林业局2023年度部门整体支出绩效自评报告\n（二）投入情况（分值20分，得20分）\n"
SAID = ("在职人员控制率93.48%，即年末实有在职86人占核定编制92名的比例，未超过100%，得3分（分值3分）。\n"
        "结转结余率2.75%，即年末结转结余83.92万元占全年预算的比例，控制在5%以内，得3分（分值3分）。\n"
        "政府采购执行率95.10%，即实际采购金额186.40万元占政府采购预算196.00万元的比例，按比例得1.9分（分值2分）。\n")


def read(tmp_path):
    result = checked(tmp_path, HEAD + SAID)
    return {i.name: (i.direction, i.target and i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in result.facts.indicators}


def test_the_rate_names_the_indicator_not_its_explanation(tmp_path):
    read_ = read(tmp_path)
    assert read_["政府采购执行率"] == (None, None, 95.10, 2, 1.9)
    assert not any(name.startswith("即") for name in read_)


def test_the_bound_after_the_explanation_is_the_target(tmp_path):
    read_ = read(tmp_path)
    assert read_["结转结余率"] == ("<=", 5, 2.75, 3, 3)
    assert read_["在职人员控制率"] == ("<=", 100, 93.48, 3, 3)     # ("未超过": a ceiling kept)


def test_a_thousands_comma_is_no_clause_of_an_indicators_name(tmp_path):
    """"全年新增各类市场主体5,412户，目标值≥5,000户": the words before the target's clause name the indicator — "户" after
    the thousands' comma of "5,412" is none."""
    text = ("某县市场监督管理局2023年度部门整体支出绩效自评报告\n三、绩效目标完成情况\n"
            "4.市场主体培育。全年新增各类市场主体5,412户，目标值≥5,000户，同比增长6.35%。\n")
    names = {i.name: (i.target.value, i.actual.value) for i in checked(tmp_path, text).facts.indicators}
    assert names == {"全年新增各类市场主体": (5000, 5412)}
