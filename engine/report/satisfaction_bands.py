"""A 满意度 indicator's score against the bands the report's rules set for 满意度 itself ("满意度指标90%（含）以上得满分，
80%（含）至90%得分值的80%，80%以下不得分"): what the survey's rate falls in, whatever the target (said apart or not)."""
from __future__ import annotations

import re

from ..core.findings import SCORE_TOLERANCE, FindingList
from .bands import completion_shares, share_score
from .facts import Facts
from .stated import by_shape, quoted

# the rules' sentence for 满意度, from its word to the end of its statement
_SATISFACTION_RULE = re.compile(r"满意度(?:指标)?\s*(?:达到|在|为)?\s*(?:≥|>=)?\s*\d+(?:\.\d+)?\s*%[^。；;\n]{0,120}")


def check_satisfaction_bands(facts: Facts, report: FindingList) -> None:
    rules = {m.group() for m in _SATISFACTION_RULE.finditer(facts.text) if completion_shares(m.group()) is not None}
    if len(rules) != 1:
        return      # (none, or two that may differ: which holds is not known)
    rule = rules.pop()
    said = "".join(rule.split())[:40]
    for ind in facts.indicators:
        if "满意度" not in ind.name or ind.own_rule or ind.actual is None or not ind.actual.is_rate \
                or ind.weight is None or ind.self_score is None or report.names(facts.where(ind.self_score.start)):
            continue
        expected = share_score(rule, ind.actual.value, ind.weight.value)
        if expected is not None and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE:
            say, why = by_shape(report, facts, ind.self_score, expected)
            say("SCORE_MISMATCH", facts.where(ind.self_score.start),
                f"指标「{ind.name}」满意度 {ind.actual.value:g}%，按报告评分规则（{said}）应得 "
                f"{expected:g} 分，报告写 {ind.self_score.value:g} 分{why}{quoted(facts, ind.self_score)}")
