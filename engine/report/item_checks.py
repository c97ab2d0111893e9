"""An item's score against its own points (above them is an error) and against the completion said in its clauses
before it, where the report says a shortfall scores in proportion: the checks of items, not of indicators."""
from __future__ import annotations

import re

from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import text_key
from .facts import Facts
from .indicator_rules import COMPLETION_BANDS, PROPORTIONAL, proportional_score
from .numbers import Number, statement_start
from .plain import BONUS_ROW
from .stated import at_stated, by_shape, quoted
from .vocabulary import key as _key, words

# "年接待读者人次完成目标的92%，按评分办法该项得9.6分（分值10分）": a completion, then its item's score and points
_COMPLETION_SAID = re.compile(r"(?:完成(?:年度)?(?:目标|计划)(?:值)?的|完成率\s*(?:为|达)?)\s*$")


def check_scores_of_completions(facts: Facts, report: FindingList) -> None:
    """An item's score against the completion said in its clauses before it, where the report states that a
    shortfall scores in proportion (and no bands of its own)."""
    if not PROPORTIONAL.search(facts.text) or COMPLETION_BANDS.search(facts.text):
        return
    for item in facts.items:
        if item.weight is None or report.names(facts.where(item.score.start)):
            continue
        start = statement_start(facts.text, item.score.start)
        said = [n for n in facts.numbers if start <= n.start < item.score.start and n.is_rate]
        # (what was achieved may be a rate said before its completion: "转移就业率66.59%，完成目标的95.13%，得…")
        said = [n for n in said if _COMPLETION_SAID.search(n.label)] if len(said) == 2 else said
        if len(said) != 1 or not _COMPLETION_SAID.search(said[0].label) or said[0].value > 100:
            continue
        expected = proportional_score(said[0].value / 100, item.weight.value)
        figures = [n for n in facts.numbers if start <= n.start < said[0].start and not n.is_rate]   # (before the completion)
        if expected is not None and abs(expected - item.score.value) >= SCORE_TOLERANCE \
                and not _completion_said_wrong(facts, report, item, said[0], figures):
            say, why = by_shape(report, facts, item.score, expected)
            if not _completion_of_its_figures(said[0], figures):
                say, why = report.warning, "（完成率前所写数字不得出该完成率，错处或在完成率，请核对）"
            say("SCORE_MISMATCH", facts.where(item.score.start),
                f"报告写完成率 {said[0].value:g}%，按完成比例计分：分值 {item.weight.value:g} × {said[0].value:g}% = "
                f"{expected:.2f} 分，报告写 {item.score.value:g} 分{why}{quoted(facts, item.score)}")


def _completion_of_its_figures(said: Number, figures: list[Number]) -> bool:
    """The completion said is what the figures its statement gives before it come to (any two, the less over the
    greater), or it has none of two: else which of the completion and the score is the slip is not certain."""
    figures = [n for n in figures if n.value > 0]
    return len(figures) < 2 or any(at_stated(min(a.value, b.value) / max(a.value, b.value), said)
                                   for k, a in enumerate(figures) for b in figures[k + 1:])


# "目标48万亩" / "完成46.3万亩", "实际完成…": which of the two amounts is the target and which what was done
_TARGET_WORD = re.compile(r"目标|计划|指标值|任务")
_DONE_WORD = re.compile(r"完成|实际|累计|达到")
_UNIT_AFTER = re.compile(r"[^\d\s,，;；。、|()（）%]{0,4}")


def _completion_said_wrong(facts: Facts, report: FindingList, item, said: Number, amounts: list[Number]) -> bool:
    """The completion said before an item's score is not what the two amounts its statement gives before it come to,
    and the score is its points × what they do come to ("完成46.3万亩，目标48万亩，完成率97.46%" scored 9.65: 46.3 ÷ 48 =
    96.46%): the completion is the slip, said — an error where the words name the target and what was done."""
    units = {_UNIT_AFTER.match(facts.text, n.end).group() for n in amounts}
    if len(amounts) != 2 or len(units) != 1 or not next(iter(units)) or not min(n.value for n in amounts) > 0:
        return False     # (two figures of one unit written after each: 46.3万亩, 48万亩)
    low, high = sorted(amounts, key=lambda n: n.value)
    completion = low.value / high.value
    scored = proportional_score(completion, item.weight.value)
    if scored is None or abs(scored - item.score.value) >= SCORE_TOLERANCE or at_stated(completion, said):
        return False
    labels = [re.split(r"[,，;；]", n.label)[-1] for n in amounts]
    named = sorted(bool(_TARGET_WORD.search(t)) - bool(_DONE_WORD.search(t)) for t in labels) == [-1, 1]
    (report.error if named else report.warning)(
        "COMPLETION_MISMATCH", facts.where(said.start),
        f"报告写完成率 {said.value:g}%，按 {low.value:g}{next(iter(units))}÷{high.value:g}{next(iter(units))} 应为 {completion * 100:.2f}%"
        f"（得分 {item.score.value:g} 分即按此计）{quoted(facts, said)}")
    return True


def check_items_over_their_points(facts: Facts, report: FindingList) -> None:
    """An item scored above its own points ("资金到位率（6分）：…自评得6.5分"): an error where one line says both, else a
    warning (its points may have been read from another statement)."""
    for item in facts.items:
        weight, score = item.weight, item.score
        if weight is None or score.value - weight.value < SCORE_TOLERANCE or weight.is_rate or score.is_rate \
                or BONUS_ROW.match(text_key(item.name)) or _WITH_BONUS.search(item.name) \
                or report.names(facts.where(score.start)):
            continue      # (a 小计 said to hold the bonus: "小计（含加分1分）")
        one_line = "\n" not in facts.text[min(weight.start, score.start):max(weight.end, score.end)]
        # (a group's score over its points where one of the indicators it adds is scored over its own: that row's
        # slip carried up — the row is the error, the group's a warning that says so)
        carried = _LEVEL1_GROUP.fullmatch(_key(item.name)) and any(
            i.weight is not None and i.self_score is not None and not i.weight.is_rate and not i.self_score.is_rate
            and i.self_score.value - i.weight.value >= SCORE_TOLERANCE for i in facts.indicators)
        (report.error if one_line and not carried else report.warning)(
            "SCORE_MISMATCH", facts.where(score.start),
            f"「{item.name}」得分 {score.value:g} 分，超过其分值 {weight.value:g} 分"
            f"{'（其下有指标得分超过该指标分值，见该行）' if carried else ''}{quoted(facts, score)}")


_LEVEL1_GROUP = words()["level1_group"]
_WITH_BONUS = re.compile(r"含\s*(?:加分|奖励分)")
