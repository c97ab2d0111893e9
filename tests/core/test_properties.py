"""Properties over generated submissions, messy strings and blanks included."""
from hypothesis import HealthCheck, given, settings

from engine import evaluate
from strategies import submissions

KNOWN_CODES = {"SCORE_MISMATCH", "TOTAL_MISMATCH", "GRADE_MISMATCH", "FORMULA_OVERWRITTEN", "FORMULA_TAMPERED",
               "MISSING_INPUT", "BAD_VALUE", "WEIGHT_SUM", "TEMPLATE_UNKNOWN", "DEVIATION_UNEXPLAINED",
               "STATED_RATE_MISMATCH", "UNSPENT", "ZERO_BUDGET", "COMPLETION_AHEAD"}
GRADES = ((90, "优"), (80, "良"), (60, "中"), (0, "差"))   # SPEC 4.8; the shipped rule sets keep them


def two_decimals(x: float) -> bool:
    return float(f"{x:.2f}") == x


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(submissions())
def test_scores_stay_in_range_and_total_is_sum_of_rounded_items(data):
    out = evaluate(data).to_dict()
    for item in out["items"]:
        assert item["score"] is None or (0 <= item["score"] <= item["weight"] and two_decimals(item["score"]))
    for ind in out["indicators"]:
        assert ind["score"] is None or ind["score"] >= 0
    scores = [i["score"] for i in out["items"]]
    if None in scores:
        assert out["total"] is None and out["grade"] is None
        assert any(f["severity"] == "error" for f in out["findings"])
    else:
        assert two_decimals(out["total"]) and abs(out["total"] - sum(scores)) < 1e-9
        assert 0 <= out["total"] <= 100
        assert out["grade"] == next(g for low, g in GRADES if out["total"] >= low)
    assert {f["code"] for f in out["findings"]} <= KNOWN_CODES
    assert all(f["message"] for f in out["findings"])
