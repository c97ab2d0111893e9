"""A rate the report defines in brackets over two counts ("转移就业率（转移就业人数÷取证人数）为…%"), each count said
before it with its unit ("转移就业842人", "取证1,105人"): the one over the other, as an amount's share is (development
round 90's 1617: the 培训人次 taken as the base)."""
from __future__ import annotations

from reading import checked, said


_TRAINED = ("青石县人力资源和社会保障局2024年技能培训项目绩效自评报告\n"
            "全年实际培训1,236人次，培训合格取证1,105人，取证率89.40%。经跟踪，全年实现转移就业842人，"
            "转移就业率（转移就业人数÷取证人数）为{rate}。\n")


def test_a_rate_over_two_counts_named_in_its_brackets(tmp_path):
    assert said(checked(tmp_path, _TRAINED.format(rate="76.20%"))) == []          # 842 ÷ 1,105
    slip = checked(tmp_path, _TRAINED.format(rate="68.12%"))                     # 842 ÷ 1,236: the 人次 trained
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")]
    assert "842人÷1,105人" in slip.findings[0].message and "76.20%" in slip.findings[0].message


def test_a_count_said_twice_otherwise_names_no_base(tmp_path):
    # (two 取证 counts of other values before the rate: which is its base is not guessed)
    twice = _TRAINED.replace("取证率89.40%。", "取证率89.40%，女性学员合格取证512人。")
    assert said(checked(tmp_path, twice.format(rate="68.12%"))) == []
