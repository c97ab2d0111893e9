"""Hypothesis strategies for submissions: every rule set, messy strings and blanks included."""
# Numbers are what a person types into Excel: 15 significant digits at most.
from hypothesis import strategies as st

from engine.core import rulesets


def typed(low: float, high: float) -> st.SearchStrategy:
    # at most 6 decimals: what a finance sheet holds (formulas reads 1e-59 as 0, Excel would not)
    return st.floats(low, high, allow_nan=False).map(lambda x: float(f"{round(x, 6):.15g}"))


FULL_WIDTH = str.maketrans("0123456789.%,", "０１２３４５６７８９．％，")


def money_text(x: float) -> st.SearchStrategy:
    return st.sampled_from([x, f"{x:,.2f}", f"{x:.2f}万元", f"{x:,.2f}".replace(",", "，"), f" {x:,.2f} ",
                            f"{x:.2f} 万元", f"{x:.2f}".translate(FULL_WIDTH), f"{x:,.2f}万元".translate(FULL_WIDTH)])


def spaced(options: list) -> st.SearchStrategy:
    """A choice as people type it: as offered, or with spaces (half- or full-width) around it."""
    return st.sampled_from(options).flatmap(lambda o: st.sampled_from(
        [o] if not isinstance(o, str) or not o.strip() else [o, f"{o} ", f" {o}", f"{o}\u3000", f"\u3000{o} "]))


MESSY = st.sampled_from([None, "", "  ", "n/a", "12元", -3, "——"])
AMOUNT = typed(0, 50000).map(lambda x: round(x, 2))
VALUES = {
    "money": st.one_of(AMOUNT.flatmap(money_text), MESSY),
    "signed_money": st.one_of(typed(-2000, 2000).map(lambda x: round(x, 2)), MESSY),
    "count": st.one_of(st.integers(0, 30), st.integers(0, 30).map(lambda n: f"{n}人"),
                       st.integers(0, 30).map(lambda n: f"{n} 人".translate(FULL_WIDTH)), MESSY),
    "check": spaced(["是", "否", "√", "×", 0, 0.5, 1, 1.5, 2, None, "maybe", "Y", "TRUE"]),
    "flag": spaced(["是", "否", "Y", "N", None, "也许"]),
    "rate": st.one_of(typed(0, 1.2).map(lambda x: f"{x:.2%}"), typed(0, 1.2).map(lambda x: f" {x:.2%}".translate(FULL_WIDTH)),
                      typed(0, 1.2), MESSY),
    "choice": spaced(["按规定公开", "公开但不符合要求", "未公开", None, "不知道"]),
    "text": st.sampled_from(["某局", "=HYPERLINK(\"http://x\",\"点我\")", "+86 局", None]),
    "year": st.sampled_from([2023, "2024年", None, "去年"]),
}
INDICATOR = st.fixed_dictionaries({
    "name": st.sampled_from(["办结率", "会议次数", "成本", None]),
    "level1": spaced(["产出指标", "效益指标", "满意度指标", "效果性指标", "产出"]),
    "direction": spaced(["≥", ">", "=", "≤", "<", "定性", "约", ">=", "<=", "大于等于", "不低于", "不超过", "＞＝"]),
    "target": st.one_of(st.sampled_from(["95%", "150件", 0, 50, "达成年度指标", "部分达成", None, "９５％", " 150 件"]),
                        typed(0, 500)),
    "actual": st.one_of(st.sampled_from(["100%", "284件", 0, 60, "85%", None, "很多", "１００％", "284 件"]),
                        typed(-10, 500)),
    "weight": st.one_of(st.integers(0, 40), st.sampled_from([None, "十"])),
    "self_score": st.one_of(st.none(), typed(0, 40)),
}, optional={"coefficient": st.sampled_from(["90%", 0.7, None, "高"]),
             "deviation_reason": st.sampled_from(["无", "任务调整", None])})


@st.composite
def submissions(draw, rule_set_id: str | None = None):
    rule_set = rulesets.load(rule_set_id or draw(st.sampled_from(rulesets.available())))
    keys = draw(st.lists(st.sampled_from(sorted(rule_set.inputs)), unique=True,
                         min_size=len(rule_set.inputs) // 2))
    inputs = {k: draw(VALUES[rule_set.inputs[k].kind]) for k in keys}
    self_scores = {r.id: draw(typed(0, r.weight)) for r in rule_set.rows if draw(st.booleans())}
    stated = {k: draw(VALUES["rate"]) for k in rule_set.rates if draw(st.integers(0, 4)) == 0}
    return {"rule_set": rule_set.id, "inputs": inputs, "indicators": draw(st.lists(INDICATOR, max_size=6)),
            "self_scores": self_scores, "stated_rates": stated}
