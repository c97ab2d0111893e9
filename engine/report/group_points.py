"""A form whose 分值 and 得分 are set at the 二级指标 (a merged cell standing on the group's first row): the
first row's points and score are the group's, not its indicator's — "| 数量指标 | 城乡低保保障人数 | ≥9800人 |
10126人 | 20 | 19.65 |" and under it rows with their target and actual but no points or score of their own.
Such a row is left without points and score, so that none of its indicator's checks weighs the group's."""
from __future__ import annotations

from .facts import Indicator


def group_points_left_out(rows: list[Indicator]) -> None:
    """Each row scored, followed by rows that state what they aimed at and achieved but no points and score:
    its points and score dropped — where two such groups at least stand in the form (a group of one row keeps
    them: its points are its indicator's too)."""
    scored = [k for k, ind in enumerate(rows) if ind.weight is not None and ind.self_score is not None]
    followed = [k for k in scored if k + 1 < len(rows) and _unscored(rows[k + 1])]
    if len(followed) < 2:
        return
    for k in followed:
        rows[k].weight = rows[k].self_score = None


def _unscored(ind: Indicator) -> bool:
    """A row with what it aimed at (a figure with its unit, a rate, or a tier's words) and what it achieved, and
    no points or score (not a row read amiss: a bare figure for its target)."""
    aimed = ind.target is not None and (ind.target.unit != "" or ind.target.is_rate) or bool(ind.tier)
    return ind.weight is None and ind.self_score is None and aimed \
        and (ind.actual is not None or ind.coefficient is not None)
