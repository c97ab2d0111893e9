"""Properties over generated submissions, messy strings and blanks included."""
from hypothesis import HealthCheck, given, settings, strategies as st

from engine import evaluate, excel_round, rulesets
from engine.methods import perf_grade

KNOWN_CODES = {"SCORE_MISMATCH", "TOTAL_MISMATCH", "GRADE_MISMATCH", "FORMULA_OVERWRITTEN", "FORMULA_TAMPERED",
               "MISSING_INPUT", "BAD_VALUE", "WEIGHT_SUM", "TEMPLATE_UNKNOWN", "DEVIATION_UNEXPLAINED",
               "STATED_RATE_MISMATCH", "UNSPENT", "ZERO_BUDGET", "COMPLETION_AHEAD"}


def money_text(x: float) -> st.SearchStrategy:
    return st.sampled_from([x, f"{x:,.2f}", f"{x:.2f}万元", f"{x:,.2f}".replace(",", "，"),
                            f"{x:.2f}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))])


MESSY = st.sampled_from([None, "", "  ", "n/a", "12元", -3, "——"])
AMOUNT = st.floats(min_value=0, max_value=50000, allow_nan=False).map(lambda x: round(x, 2))
VALUES = {
    "money": st.one_of(AMOUNT.flatmap(money_text), MESSY),
    "signed_money": st.one_of(st.floats(-2000, 2000).map(lambda x: round(x, 2)), MESSY),
    "count": st.one_of(st.integers(0, 30), st.integers(0, 30).map(lambda n: f"{n}人"), MESSY),
    "check": st.sampled_from(["是", "否", "√", "×", 0, 0.5, 1, 1.5, 2, None, "maybe"]),
    "flag": st.sampled_from(["是", "否", "Y", "N", None, "也许"]),
    "rate": st.one_of(st.floats(0, 1.2).map(lambda x: f"{x:.2%}"), st.floats(0, 1.2), MESSY),
    "choice": st.sampled_from(["按规定公开", "公开但不符合要求", "未公开", None, "不知道"]),
    "text": st.sampled_from(["某局", "=HYPERLINK(\"x\")", None]),
    "year": st.sampled_from([2023, "2024年", None, "去年"]),
}
INDICATOR = st.fixed_dictionaries({
    "name": st.sampled_from(["办结率", "会议次数", "成本", None]),
    "level1": st.sampled_from(["产出指标", "效益指标", "满意度指标", "效果性指标"]),
    "direction": st.sampled_from(["≥", ">", "=", "≤", "<", "定性", "约"]),
    "target": st.one_of(st.sampled_from(["95%", "150件", 0, 50, "达成年度指标", "部分达成", None]),
                        st.floats(0, 500)),
    "actual": st.one_of(st.sampled_from(["100%", "284件", 0, 60, "85%", None, "很多"]), st.floats(-10, 500)),
    "weight": st.one_of(st.integers(0, 40), st.sampled_from([None, "十"])),
    "self_score": st.one_of(st.none(), st.floats(0, 40)),
})


@st.composite
def submissions(draw):
    rule_set = rulesets.load(draw(st.sampled_from(rulesets.available())))
    keys = draw(st.lists(st.sampled_from(sorted(rule_set.inputs)), unique=True,
                         min_size=len(rule_set.inputs) // 2))
    inputs = {k: draw(VALUES[rule_set.inputs[k].kind]) for k in keys}
    self_scores = {r.id: draw(st.floats(0, r.weight)) for r in rule_set.rows if draw(st.booleans())}
    return {"rule_set": rule_set.id, "inputs": inputs, "indicators": draw(st.lists(INDICATOR, max_size=6)),
            "self_scores": self_scores}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(submissions())
def test_scores_stay_in_range_and_total_is_sum_of_rounded_items(data):
    ev = evaluate(data)
    out = ev.to_dict()
    for item in out["items"]:
        assert item["score"] is None or 0 <= item["score"] <= item["weight"]
        if item["score"] is not None:
            assert item["score"] == excel_round(item["score"], 2)
    for ind in out["indicators"]:
        assert ind["score"] is None or ind["score"] >= 0
    scores = [i["score"] for i in out["items"]]
    if None in scores:
        assert out["total"] is None and out["grade"] is None
        assert any(f["severity"] == "error" for f in out["findings"])
    else:
        assert out["total"] == excel_round(sum(excel_round(s, 2) for s in scores), 2)
        assert 0 <= out["total"] <= 100
        assert out["grade"] == perf_grade(out["total"])
    assert {f["code"] for f in out["findings"]} <= KNOWN_CODES
    assert all(f["message"] for f in out["findings"])
