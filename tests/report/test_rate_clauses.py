"""A rate scored in a clause of its own with no points said: read with its line as target and its score."""
from __future__ import annotations

from reading import checked

TEXT = ("某县交通运输局2023年度部门整体支出绩效自评报告\n五、自评得分\n"
        "部门管理（分值30分）得27.06分，结转结余率9.38%低于10%得5分，预算调整率18.96%超过15%扣2分得3分，"
        "“三公”经费控制和制度建设各得5分。\n"
        "农村供水工程水质达标率目标为不低于85%，抽检达标率78.6%，得4.62分；完成率92.47%，得4.62分。\n")


def read(tmp_path):
    return {i.name: (i.direction, i.target and i.target.value, i.actual.value, i.weight, i.self_score.value)
            for i in checked(tmp_path, TEXT).facts.indicators if i.actual is not None and i.self_score is not None}


def test_a_rate_its_line_and_its_score(tmp_path):
    read_ = read(tmp_path)
    assert read_["结转结余率"] == ("<=", 10, 9.38, None, 5)
    assert read_["预算调整率"] == ("<=", 15, 18.96, None, 3)


def test_a_completion_is_no_indicator_of_its_own(tmp_path):
    read_ = read(tmp_path)
    assert not any("完成" in name for name in read_)
    assert checked(tmp_path, TEXT).findings == []
