"""A score a sentence works out by a formula it states itself: "预算执行率92.6%，按“20分×执行率”
计算，预算执行情况得分18.25分" — the rate, the points and the score in one sentence, so the score
is checked against points × rate (the core's ratio_score, capped at the points) at the precision
the rate is stated to; every operand is the sentence's own (precision first)."""
from __future__ import annotations

import re

from ..core.arithmetic import ratio_score
from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts
from .numbers import sentence_bounds
from .stated import quoted

# "20分×执行率", "20分*预算执行率", "执行率×20分"
_FORMULA = re.compile(r"(\d+(?:\.\d+)?)\s*分\s*[×xX*＊]\s*(?:预算|资金)?执行率|(?:预算|资金)?执行率\s*[×xX*＊]\s*(\d+(?:\.\d+)?)\s*分")
_SCORED = re.compile(r"得分?\s*(?:为|了)?\s*$")


def check_said_execution(facts: Facts, report: FindingList) -> None:
    text = facts.text
    rates = [n for n in facts.figures() if n.measure == "exec_rate" and n.is_rate and not n.part]
    for rate in rates:
        start, end = sentence_bounds(text, rate.start)
        formula = _FORMULA.search(text, start, end)
        if formula is None:
            continue
        points = float(formula.group(1) or formula.group(2))
        score = next((n for n in facts.numbers if formula.end() <= n.start < end and n.unit == "分"
                      and _SCORED.search(text[max(start, n.start - 6):n.start])), None)
        if score is None or score.value > points:
            continue
        expected = ratio_score(rate.value / 100, points)
        # the rate as stated: ± half its last digit, times the points
        slack = points * 0.5 * 10 ** -rate.decimals / 100 + SCORE_TOLERANCE
        if abs(expected - score.value) >= slack and not report.names(facts.where(score.start)):
            report.error("SCORE_MISMATCH", facts.where(score.start),
                         f"按同一句所写“{points:g}分×执行率”，{points:g} × {rate.value:g}% = {expected:.2f} 分，"
                         f"报告写 {score.value:g} 分{quoted(facts, score)}")
