"""Rule sets are data, checked when loaded."""
import pytest

from engine.core import rulesets
from engine.core.rulesets import RuleSetError

SHIPPED = ["dept-common", "dept-simple", "mof2020"]


def test_three_rule_sets_ship():
    assert rulesets.available() == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_weights_sum_to_100_and_every_row_has_its_standard(name):
    rule_set = rulesets.load(name)
    assert rule_set.total_weight == 100
    for row in rule_set.rows:
        assert row.standard and any("\u4e00" <= ch <= "\u9fff" for ch in row.standard)
        assert row.level1 and row.level2 and row.level3


def test_dept_common_matches_spec_table():
    rule_set = rulesets.load("dept-common")
    assert [(r.id, r.weight) for r in rule_set.rows] == [
        ("prep_standard", 5), ("prep_reasonable", 5), ("goal_complete", 3), ("indicator_clarity", 7),
        ("fin_compliance", 3), ("procurement", 2), ("disclosure", 3), ("proj_supervision", 2),
        ("proj_procedure", 2), ("asset_utilization", 1), ("asset_safety", 2), ("staff_control", 1),
        ("outside_staff", 1), ("system_sound", 3), ("public_cost", 6), ("proj_timeliness", 6),
        ("key_tasks", 8), ("budget_execution", 6), ("effectiveness", 25), ("satisfaction", 6), ("petitions", 3)]
    groups = {}
    for row in rule_set.rows:
        groups[row.level1] = groups.get(row.level1, 0) + row.weight
    assert groups == {"部门决策": 20, "部门管理": 20, "部门绩效": 60}


def test_mof2020_groups():
    rule_set = rulesets.load("mof2020")
    assert {r.id: r.weight for r in rule_set.rows} == {"output": 50, "benefit": 30, "satisfaction": 10,
                                                       "budget_execution": 10}


def test_every_shared_rate_of_spec_5_4_is_defined():
    keys = set(rulesets.load("dept-simple").rates)
    assert {"exec_rate", "adjust_rate", "basic_exec_rate", "project_exec_rate", "sangong_control_rate",
            "public_control_rate", "procurement_rate", "asset_utilization_rate", "staff_control_rate",
            "outside_staff_rate", "q1_progress", "q2_progress", "q3_progress", "q4_progress"} <= keys


BROKEN = {
    "bad_toml": ('id = "x"\nrows = [', "格式错误"),
    "no_rows": ('id = "x"\ntitle = "t"\nversion = "1"', "缺少 rows"),
    "bad_method": ('id="x"\ntitle="t"\nversion="1"\n[[rows]]\nid="a"\nlevel1="a"\nlevel2="b"\nlevel3="c"\n'
                   'weight=10\nstandard="s"\nparts=[{method="magic"}]', "计分方法未知"),
    "points_mismatch": ('id="x"\ntitle="t"\nversion="1"\n[[rows]]\nid="a"\nlevel1="a"\nlevel2="b"\nlevel3="c"\n'
                        'weight=10\nstandard="s"\nparts=[{method="tiers", rate="exec_rate", tiers=[[">=1", 5], ["else", 0]]}]',
                        "满分合计"),
    "unknown_input": ('id="x"\ntitle="t"\nversion="1"\n[[rows]]\nid="a"\nlevel1="a"\nlevel2="b"\nlevel3="c"\n'
                      'weight=10\nstandard="s"\nparts=[{method="deduct", count="nothing", per_item=1}]', "nothing"),
    "bad_tier": ('id="x"\ntitle="t"\nversion="1"\n[[rows]]\nid="a"\nlevel1="a"\nlevel2="b"\nlevel3="c"\n'
                 'weight=10\nstandard="s"\nparts=[{method="tiers", rate="exec_rate", tiers=[["about 1", 10]]}]', "分档"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_rule_set_is_reported_clearly(tmp_path, case):
    text, fragment = BROKEN[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleSetError) as err:
        rulesets.load(str(path))
    assert fragment in str(err.value) and f"{case}.toml" in str(err.value)


def test_unknown_rule_set_lists_the_available_ones():
    with pytest.raises(RuleSetError) as err:
        rulesets.load("nope")
    assert "dept-common" in str(err.value)
