"""Indicators whose target and result a report says apart, each in a section the document model says is of goals
or of results (goals.py pairs them): the target an indicator read with its result lacks, the result one read with its
target alone lacks, or a goal and its result made one indicator."""
from __future__ import annotations

from ..core.parsing import text_key
from .facts import Facts, Indicator
from .goals import bracketed_completion, goal_result_pairs, goal_results, goal_targets


def targets_from_goals(facts: Facts) -> None:
    """An indicator read with what it achieved and its target among the goals, said apart (goals.py)."""
    for indicator, direction, target in goal_targets(facts.document, facts.numbers, facts.indicators):
        if target.part:
            continue        # (another indicator's)
        target.part = True
        indicator.target, indicator.direction = target, indicator.direction or direction
        indicator.scored_apart = indicator.scored_apart or "目标取自绩效目标，实际值取自完成情况"


def results_of_goals(facts: Facts) -> None:
    """An indicator read with its target alone and its result among the results, said apart (goals.py)."""
    for indicator, actual in goal_results(facts.document, facts.numbers, facts.indicators):
        actual.part = True
        indicator.actual = actual
        indicator.scored_apart = indicator.scored_apart or "目标取自绩效目标，实际值取自完成情况"


def goals_and_results(facts: Facts) -> None:
    """A target among the goals and its result among the results, sections apart (goals.py)."""
    known = [text_key(i.name) for i in facts.indicators]
    for name, direction, target, actual in goal_result_pairs(facts.document, facts.numbers, known):
        target.part = actual.part = True    # an indicator's figures, not the department's
        following = next((n for n in facts.numbers if n.start > actual.end), None)
        completion = following if following is not None and bracketed_completion(facts.text, actual, following) else None
        facts.indicators.append(Indicator(len(facts.indicators) + 1, name, target.start, "", direction, target,
                                          actual, completion, end=target.end))
