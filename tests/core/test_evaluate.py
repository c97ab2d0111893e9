"""evaluate(): the seed fixtures to the cent, every dept-common rule, errors as findings."""
import copy

import pytest

from engine import evaluate
from helpers import (COMMON_LOSSES, COMMON_TOTAL, ROOT, SAMPLE_004_LOSSES, SAMPLE_004_TOTAL, codes, item,
                     load_sample, score_of)


# ------------------------------------------------------------------ SPEC 9 fixtures
def test_seed_000_dept_simple():
    ev = evaluate(load_sample("000"))
    out = ev.to_dict()
    assert out["rates"]["exec_rate"] == 0.9999
    assert item(ev, "budget_execution")["score"] == 10.00
    assert [i["score"] for i in out["indicators"]] == [15, 25, 20, 10, 20]
    assert [i["completion"] for i in out["indicators"]] == [1.0, 1.0526, 1.0, 1.8933, 1.1571]
    assert out["total"] == 100.00 and out["grade"] == "优"
    assert ev.findings == []


def test_seed_002_mof2020():
    ev = evaluate(load_sample("002"))
    assert ev.rates["exec_rate"] == 1.0
    assert {i["id"]: i["score"] for i in ev.items} == {
        "output": 50, "benefit": 30, "satisfaction": 10, "budget_execution": 10}
    assert ev.total == 100.00 and ev.grade == "优"
    assert ev.findings == []


def test_seed_003_rates_and_stated_project_rate():
    ev = evaluate(load_sample("003"))
    assert ev.rates["adjust_rate"] == 0.2274
    assert ev.rates["exec_rate"] == 0.9664
    assert ev.rates["project_exec_rate"] == 0.8499
    assert ev.rates["sangong_control_rate"] == 0.0     # budget 0, spending 0
    assert item(ev, "budget_execution")["score"] == 9.66
    stated = [f for f in ev.findings if f.code == "STATED_RATE_MISMATCH"]
    assert [f.where for f in stated] == ["stated_rates.project_exec_rate"]
    assert "84.99%" in stated[0].message and "100.00%" in stated[0].message
    # 96.64% execution cannot give the 100 the report claims under dept-simple
    assert ev.total == 99.66 and "TOTAL_MISMATCH" in codes(ev)


# ---------------------------------------------------------------- dept-common rules
@pytest.mark.parametrize("prefix, data, losses, total", [
    ("common", None, COMMON_LOSSES, COMMON_TOTAL),
    ("004", "004", SAMPLE_004_LOSSES, SAMPLE_004_TOTAL),
])
def test_worked_dept_common_submissions(common_submission, prefix, data, losses, total):
    """Every row at its full weight but the ones worked by hand in helpers (the arithmetic is there)."""
    ev = evaluate(common_submission if data is None else load_sample(data))
    scores = {i["id"]: i["score"] for i in ev.items}
    assert scores == {i["id"]: round(i["weight"] - losses.get(i["id"], 0), 2) for i in ev.items}
    assert ev.total == total and ev.grade == "优"
    assert ev.findings == []


def _with(submission, **inputs):
    data = copy.deepcopy(submission)
    data["inputs"].update(inputs)
    return data


def test_fin_compliance_excess_and_serious_violation(common_submission):
    data = _with(common_submission, budget_initial=1000, adjust_amount=108.4)  # 10.84%
    assert score_of(data, "fin_compliance") == 2.92                            # 1 + 0.916 + 1
    assert score_of(_with(data, serious_violation="是"), "fin_compliance") == 0


def test_adjust_amount_falls_back_to_budget_adjust(common_submission):
    data = _with(common_submission, budget_initial=1000, budget_adjust=150)
    del data["inputs"]["adjust_amount"]
    assert score_of(data, "fin_compliance") == 2.5                             # 15% → 1 − 0.5


def test_disclosure(common_submission):
    assert score_of(_with(common_submission, final_disclosure="公开但不符合要求"), "disclosure") == 2.5
    assert score_of(_with(common_submission, budget_disclosure="未公开", final_disclosure="未公开"), "disclosure") == 0
    assert score_of(_with(common_submission, budget_disclosure="未公开", classified="是"), "disclosure") == 3
    bad = evaluate(_with(common_submission, budget_disclosure="公开了"))
    assert item(bad, "disclosure")["score"] is None
    assert any(f.code == "BAD_VALUE" and f.where == "inputs.budget_disclosure" for f in bad.findings)


def test_procurement_over_plan_and_nothing_planned(common_submission):
    assert score_of(_with(common_submission, procurement_spend=121), "procurement") == 1
    assert score_of(_with(common_submission, procurement_plan=0, procurement_spend=0), "procurement") == 2


def test_project_timeliness(common_submission):
    assert score_of(_with(common_submission, projects_completed=3), "proj_timeliness") == 4.5
    assert score_of(_with(common_submission, projects_planned=0, projects_completed=0), "proj_timeliness") == 6


def test_key_tasks_and_prep(common_submission):
    assert score_of(_with(common_submission, key_tasks_incomplete=1), "key_tasks") == 4
    assert score_of(_with(common_submission, key_tasks_incomplete=3), "key_tasks") == 0
    assert score_of(_with(common_submission, prep_violations=2), "prep_standard") == 3
    assert score_of(_with(common_submission, clarity_1="否", clarity_3=0.5), "indicator_clarity") == 4.5


def test_petitions(common_submission):
    assert score_of(_with(common_submission, petitions_replied=9), "petitions") == 2
    assert score_of(_with(common_submission, petitions_total=0, petitions_replied=0, petitions_timely=0),
                    "petitions") == 3


def test_sangong_from_categories(common_submission):
    data = copy.deepcopy(common_submission)
    del data["inputs"]["sangong_budget"], data["inputs"]["sangong_spend"]
    data["inputs"].update(sangong_budget_abroad=5, sangong_budget_car_run=10, sangong_budget_reception=5,
                          sangong_spend_car_run=12, sangong_spend_reception=7)
    ev = evaluate(data)
    assert ev.rates["sangong_control_rate"] == 0.95
    assert item(ev, "public_cost")["score"] == 4
    data["inputs"]["sangong_budget"] = 30       # a typed total that disagrees with its parts
    assert any(f.code == "BAD_VALUE" and f.where == "inputs.sangong_budget" for f in evaluate(data).findings)


def test_a_part_with_the_wrong_unit_is_read_as_the_workbook_reads_it_and_still_reported(common_submission):
    """PERF_SUM reads a part as an amount (万元 or a count): the score is the workbook's, and
    the cell is a BAD_VALUE because 件 is no unit of a 万元 field."""
    data = copy.deepcopy(common_submission)
    del data["inputs"]["sangong_budget"], data["inputs"]["sangong_spend"]
    data["inputs"].update(sangong_budget_car_run=10, sangong_budget_reception="10件",
                          sangong_spend_car_run=9, sangong_spend_reception=9)
    ev = evaluate(data)
    assert ev.rates["sangong_control_rate"] == 0.9
    assert item(ev, "public_cost")["score"] == score_of(_with(data, sangong_budget_reception=10), "public_cost")
    bad = [f for f in ev.findings if f.where == "inputs.sangong_budget_reception"]
    assert [f.code for f in bad] == ["BAD_VALUE"] and "10件" in bad[0].message


def test_a_wrong_value_used_by_a_score_is_reported_once(common_submission):
    ev = evaluate(_with(common_submission, budget_total="很多"))
    assert len([f for f in ev.findings if f.where == "inputs.budget_total"]) == 1


# every tier boundary of every tiers row, inclusive and exclusive
TIER_CASES = [
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 90}, 1),
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 89.99}, 0.7),
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 75}, 0.7),
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 74.99}, 0.4),
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 60}, 0.4),
    ("asset_utilization", {"asset_total": 100, "asset_in_use": 59.99}, 0),
    ("staff_control", {"staff_quota": 50, "staff_actual": 50}, 1),
    ("staff_control", {"staff_quota": 50, "staff_actual": 51}, 0),
    ("outside_staff", {"staff_actual": 95, "staff_outside": 4.99}, 1),
    ("outside_staff", {"staff_actual": 95, "staff_outside": 5}, 0.5),      # exactly 5%: not < 5%
    ("outside_staff", {"staff_actual": 90, "staff_outside": 10}, 0.5),     # exactly 10%: ≤ 10%
    ("outside_staff", {"staff_actual": 89, "staff_outside": 11}, 0),
    ("public_cost", {"sangong_budget": 100, "sangong_spend": 89.99, "public_budget": 100, "public_spend": 90}, 5),
    ("public_cost", {"sangong_budget": 100, "sangong_spend": 100, "public_budget": 100, "public_spend": 100.01}, 2),
    ("public_cost", {"sangong_budget": 100, "sangong_spend": 90, "public_budget": 100, "public_spend": 89.99}, 5),
    ("public_cost", {"sangong_budget": 100, "sangong_spend": 100.01, "public_budget": 100, "public_spend": 100}, 2),
    ("public_cost", {"sangong_budget": 0, "sangong_spend": 0, "public_budget": 100, "public_spend": 101}, 3),
    ("satisfaction", {"satisfaction": "95%"}, 6),
    ("satisfaction", {"satisfaction": "94.99%"}, 4),
    ("satisfaction", {"satisfaction": "90%"}, 4),
    ("satisfaction", {"satisfaction": "89.99%"}, 2),
    ("satisfaction", {"satisfaction": "80%"}, 2),
    ("satisfaction", {"satisfaction": "79.99%"}, 1),
    ("petitions", {"petitions_total": 10, "petitions_replied": 10, "petitions_timely": 9}, 2),
    ("petitions", {"petitions_total": 10, "petitions_replied": 9.99, "petitions_timely": 10}, 2),
]


@pytest.mark.parametrize("row, inputs, expected", TIER_CASES)
def test_tier_boundaries(common_submission, row, inputs, expected):
    assert score_of(_with(common_submission, **inputs), row) == expected


# ----------------------------------------------------------- errors are findings
@pytest.mark.parametrize("value, code, finding, fragment", [
    (None, "#N/A", "MISSING_INPUT", "缺少输入：全年预算数"),
    ("一千万", "#VALUE!", "BAD_VALUE", "一千万"),
    ("13,892,350元", "#VALUE!", "BAD_VALUE", "万元"),
    (-5, "#NUM!", "BAD_VALUE", "不能为负数"),
])
def test_bad_budget_total_is_a_finding_naming_the_field(common_submission, value, code, finding, fragment):
    data = _with(common_submission, budget_total=value)
    if value is None:
        del data["inputs"]["budget_total"]
    ev = evaluate(data)
    assert item(ev, "budget_execution")["score"] is None and ev.total is None and ev.grade is None
    found = [f for f in ev.findings if f.where == "inputs.budget_total"]
    assert found and found[0].code == finding and found[0].severity == "error"
    assert fragment in found[0].message and "全年预算数" in found[0].message


def test_zero_budget_with_spending(common_submission):
    ev = evaluate(_with(common_submission, budget_total=0))
    assert item(ev, "budget_execution")["score"] is None
    assert "ZERO_BUDGET" in codes(ev) and "BAD_VALUE" in codes(ev)
    assert ev.rates["exec_rate"] is None


def test_one_missing_input_is_reported_once_and_others_still_scored(common_submission):
    data = copy.deepcopy(common_submission)
    del data["inputs"]["prep_reasonable_3"], data["inputs"]["clarity_2"]
    ev = evaluate(data)
    assert item(ev, "prep_reasonable")["score"] is None and item(ev, "indicator_clarity")["score"] is None
    assert item(ev, "goal_complete")["score"] == 3
    missing = [f.where for f in ev.findings if f.code == "MISSING_INPUT"]
    assert missing == ["inputs.prep_reasonable_3", "inputs.clarity_2"]


@pytest.mark.parametrize("data", [None, [], "text", {"rule_set": 5}, {"rule_set": "dept-simple", "inputs": []},
                                  {"rule_set": "dept-simple", "indicators": {"a": 1}},
                                  {"rule_set": "dept-simple", "indicators": [{"name": "x", "weight": "heavy"}]}])
def test_evaluate_never_raises(data):
    ev = evaluate(data)
    assert ev.findings and all(f.severity in ("error", "warning") for f in ev.findings)


def test_unknown_rule_set_is_template_unknown():
    ev = evaluate({"rule_set": "nope", "dept_name": "某局"})
    assert codes(ev) == ["TEMPLATE_UNKNOWN"] and not ev.evaluated and ev.dept_name == "某局"


def test_unknown_keys_are_never_silently_dropped(common_submission):
    data = copy.deepcopy(common_submission)
    data["inputs"]["budget_totl"] = 5
    data["self_scores"] = {"no_such_item": 3}
    data["extra"] = 1
    wheres = {f.where for f in evaluate(data).findings if f.code == "BAD_VALUE"}
    assert {"inputs.budget_totl", "self_scores.no_such_item", "extra"} <= wheres


# --------------------------------------------------------------- every finding code
def test_clean_submission_has_no_findings(common_submission):
    common_submission["self_scores"] = {"budget_execution": 5.87, "total": COMMON_TOTAL}
    assert evaluate(common_submission).findings == []


def test_score_total_and_grade_mismatch(common_submission):
    common_submission["self_scores"] = {"budget_execution": 6, "procurement": 1.994, "total": 90.2}
    common_submission["indicators"][1]["self_score"] = 10
    ev = evaluate(common_submission)
    mismatched = {f.where for f in ev.findings if f.code == "SCORE_MISMATCH"}
    assert mismatched == {"self_scores.budget_execution", "indicators[2].self_score"}   # 1.994 vs 1.99 is < 0.005
    assert "TOTAL_MISMATCH" in codes(ev) and "GRADE_MISMATCH" not in codes(ev)          # 90.2 is still 优
    common_submission["self_scores"]["total"] = 89.99
    assert "GRADE_MISMATCH" in codes(evaluate(common_submission))
    common_submission["self_scores"] = {"total": COMMON_TOTAL}
    common_submission["self_grade"] = "良"
    ev = evaluate(common_submission)
    assert [f.code for f in ev.findings if f.severity == "error"] == ["SCORE_MISMATCH", "GRADE_MISMATCH"]


def test_weight_sum(common_submission):
    common_submission["indicators"][0]["weight"] = 14
    ev = evaluate(common_submission)
    assert "WEIGHT_SUM" in codes(ev) and item(ev, "effectiveness")["score"] is None


def test_mof2020_groups_and_weight_sums():
    data = load_sample("002")
    data["indicators"][0]["level1"] = "成本指标"          # not a group of mof2020
    ev = evaluate(data)
    assert any(f.code == "BAD_VALUE" and f.where == "indicators[1].level1" for f in ev.findings)
    assert any(f.code == "WEIGHT_SUM" and f.where == "items.output" for f in ev.findings)


def test_warnings(common_submission):
    data = _with(common_submission, spend_total=10000, spend_q4=10000)   # 71.98% spent
    data["indicators"][1]["deviation_reason"] = "无"          # 定性 at 90%: below 100%
    ev = evaluate(data)
    for code in ("UNSPENT", "COMPLETION_AHEAD", "DEVIATION_UNEXPLAINED"):
        assert code in codes(ev)
        assert all(f.severity == "warning" for f in ev.findings if f.code == code)
    data["indicators"][1]["deviation_reason"] = "两项制度尚在修订"
    assert "DEVIATION_UNEXPLAINED" not in codes(evaluate(data))


def test_stated_rate_within_a_hundredth_of_a_point_is_fine(common_submission):
    common_submission["stated_rates"] = {"exec_rate": "99.46%", "adjust_rate": "6.85%"}
    ev = evaluate(common_submission)
    assert [f.where for f in ev.findings] == ["stated_rates.adjust_rate"]   # 6.86% computed


# --------------------------------------------------------------- a fourth framework
def test_fourth_framework_needs_no_code():
    data = {"rule_set": str(ROOT / "tests/rulesets/county-lite.toml"), "dept_name": "某县局", "fiscal_year": 2025,
            "inputs": {"budget_total": 200, "spend_total": 180, "sangong_budget": 10, "sangong_spend": 9,
                       "audit_issues": 1, "rules_posted": "是"},
            "indicators": [
                {"name": "接待成本", "direction": "≤", "target": 50, "actual": 60, "weight": 30,
                 "deviation_reason": "接待任务增加"},
                {"name": "办结率", "direction": "≥", "target": "90%", "actual": "99%", "weight": 30}],
            "self_scores": {"total": 90}}
    ev = evaluate(data)
    assert ev.rule_set == "county-lite"
    assert {i["id"]: i["score"] for i in ev.items} == {"execution": 18, "cost": 10, "compliance": 8, "results": 54}
    assert ev.total == 90 and ev.grade == "A"     # 接待成本 by deviation: 1 − 10/50 = 0.8 → 24
    assert ev.findings == []
