"""An indicator read twice, joined into one: a goals table's row and the row or statement that says what it
achieved (targets_joined), a table's row unscored and a statement scoring it (achieved_joined), an indicator said in
prose and a 评分表's row scoring it by name (scored_items_joined) — where their names are one thing (one_thing), their
figures one unit, and no other pair as close."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import GROUP_WORD, Facts, Indicator, StatedItem, same_name, shared_core
from .goals import unit_of
from .text import CELL


def scored_items_joined(facts: Facts) -> None:
    """An indicator said in prose without its points and score ("碘盐覆盖率目标≥95%，实际97.8%") and one
    row of a 评分表 scoring it by name ("| 碘盐覆盖率 | 6 | 6 |"): one indicator, with its points and score.
    The closest names are joined first ("国民体质监测合格率" its row of that name, then "完成国民体质监测" the
    row "国民体质监测人数"); an indicator scored already keeps the row of its name from any other; two rows
    as close to one indicator (or two indicators to one row) join neither."""
    items = [(text_key(i.name), i) for i in facts.items if i.weight is not None and len(text_key(i.name)) >= 3]
    pairs = []
    for indicator in facts.indicators:
        name = text_key(indicator.name)
        for key, item in items:
            if len(name) >= 3 and one_thing(name, key) or _named_by_its_group(name, key):
                pairs.append(((name == key, shared_core(name, key)), indicator, item))
    def scored_otherwise(indicator: Indicator, item: StatedItem) -> bool:
        return indicator.weight is not None \
            or indicator.self_score is not None and indicator.self_score.value != item.score.value

    for indicator, item in _one_to_one(pairs, scored_otherwise):
        # one row, as close to no other indicator: the same indicator (its score, if said with it, the row's)
        indicator.weight, indicator.self_score = item.weight, item.score
        if indicator.direction not in ("<", "<=") and _said_reverse(facts.text, (indicator.name, item.name)):
            indicator.direction = "<="
        indicator.scored_apart = "目标与实际值取自正文，分值与得分取自评分表"
        indicator.scored_as = another_name(indicator, item.name)


def targets_joined(facts: Facts) -> None:
    """A goals table's row (its target alone: "| 新增馆藏图书 | ≥12000册 |") and the indicator a 评分表 or
    the results read with what it achieved and no target ("新增馆藏图书 | 10 | 12860册 | 10"): one indicator,
    where their names are one thing and the figures one unit — the closest names first, none where two are as
    close."""
    goals = [i for i in facts.indicators if i.target is not None and i.actual is None]
    # (a result read with the very target the goal states — "培育高素质农民、…分别为628人、…" against the goal
    # "≥600人" said again in the goals' paragraph — is that goal's too: its name the goals table's)
    results = [i for i in facts.indicators if i.actual is not None and (i.target is None or any(
        _same_target(facts, g.target, i.target) for g in goals))]
    pairs = [((text_key(g.name) == text_key(r.name), shared_core(text_key(g.name), text_key(r.name))), g, r)
             for g in goals for r in results
             if one_thing(text_key(g.name), text_key(r.name)) and _one_unit(facts, g.target, r.actual)
             and (r.target is None or _same_target(facts, g.target, r.target))
             and (g.self_score is None or r.self_score is None and r.weight is None)]
    for goal, result in _one_to_one(pairs):
        if not _in_a_row(facts, result):     # (a sentence's words for it: the goals table's name is its own)
            result.scored_as = result.scored_as or another_name(goal, result.name)
            result.name = goal.name
        result.target, result.direction = goal.target, result.direction or goal.direction
        if goal.self_score is not None:    # (its points and score said of the goal's name: "收入增长率（10分）…均得满分")
            result.weight, result.self_score = goal.weight, goal.self_score
        result.scored_apart = result.scored_apart or "目标取自绩效目标表，实际值与得分取自他处"
        facts.indicators.remove(goal)


def achieved_joined(facts: Facts) -> None:
    """An indicator read with its target and what it achieved but no score (a table's "| 应急演练场次 | ≥40场 | 38场 |")
    and one scored with what it achieved but no target ("应急演练完成38场，完成率95%，得4.5分（分值5分）"): one
    indicator, where what they achieved is one figure in one unit and their names one thing."""
    unscored = [i for i in facts.indicators if i.target is not None and i.actual is not None
                and i.weight is None and i.self_score is None]
    scored = [i for i in facts.indicators if i.target is None and i.actual is not None
              and i.weight is not None and i.self_score is not None]
    pairs = [((text_key(u.name) == text_key(s.name), shared_core(text_key(u.name), text_key(s.name))), u, s)
             for u in unscored for s in scored
             if u.actual.value == s.actual.value and _one_unit(facts, u.actual, s.actual)
             and (one_thing(text_key(u.name), text_key(s.name)) or _counted_alike(facts, u, s))]
    for row, said in _one_to_one(pairs):
        row.weight, row.self_score = said.weight, said.self_score
        row.completion = row.completion or said.completion
        row.scored_as = row.scored_as or another_name(row, said.name)
        row.scored_apart = row.scored_apart or "目标与实际值取自一处，分值与得分取自他处"
        facts.indicators.remove(said)


def _counted_alike(facts: Facts, one: Indicator, other: Indicator) -> bool:
    """Two names sharing two characters or more ("维修多功能运动场地" and "场地维修完成") for one count in a unit of its
    own ("16片"), achieved by no other indicator."""
    unit = unit_of(facts.text, one.actual)
    return shared_core(text_key(one.name), text_key(other.name)) >= 2 and bool(unit) and not one.actual.is_rate \
        and unit not in ("万元", "元", "分") and sum(1 for i in facts.indicators if i.actual is not None
                                                     and i.actual.value == one.actual.value) == 2


def _in_a_row(facts: Facts, indicator: Indicator) -> bool:
    line_start = facts.text.rfind("\n", 0, indicator.start) + 1
    line_end = facts.text.find("\n", indicator.start)
    return CELL in facts.text[line_start:line_end if line_end >= 0 else len(facts.text)]


def _same_target(facts: Facts, one, other) -> bool:
    """The same target said twice (a goals table's "≥600人" and its paragraph's "600人以上")."""
    return one is not other and one.value == other.value and one.is_rate == other.is_rate \
        and unit_of(facts.text, one)[:1] == unit_of(facts.text, other)[:1]


def _one_to_one(pairs: list, refused=lambda one, other: False):
    """Of pairs (closeness, one, other), closest first, each whose two are taken by no closer pair and are as close to
    no other (nor `refused`): (one, other). A pair passed over takes its two and its rivals' out all the same."""
    joined: set[int] = set()
    for closeness, one, other in sorted(pairs, key=lambda p: p[0], reverse=True):
        if id(one) in joined or id(other) in joined:
            continue
        rivals = [p for p in pairs if p[0] == closeness and (p[1] is one) != (p[2] is other)
                  and id(p[1]) not in joined and id(p[2]) not in joined]
        joined |= {id(one), id(other)}
        if rivals or refused(one, other):
            joined |= {id(p[1]) for p in rivals} | {id(p[2]) for p in rivals}
            continue
        yield one, other


def _one_unit(facts: Facts, target, actual) -> bool:
    """Two figures of one measure: both rates, or the same unit after them ("12000册" and "12860册")."""
    if target.is_rate or actual.is_rate:
        return target.is_rate and actual.is_rate
    return bool(unit_of(facts.text, target)) and unit_of(facts.text, target)[:1] == unit_of(facts.text, actual)[:1]


def _named_by_its_group(name: str, key: str) -> bool:
    """An indicator read under its group's word ("满意度91.3%（目标≥90%）") and a row naming one indicator
    of that kind ("群众满意度"), not the group's own row ("满意度指标")."""
    return bool(GROUP_WORD.fullmatch(name)) and key.endswith(name) and key != name and not GROUP_WORD.fullmatch(key)


def one_thing(one: str, other: str) -> bool:
    """Two names of one indicator, as a report and its 评分 say them: one holds the other ("取证率" ending
    "培训取证率"), or both share a core of four characters or more, most of the shorter ("开展安全生产执法检查"
    and "执法检查企业")."""
    if one == other:
        return True      # (even a group's word: "服务对象满意度" is a row's name as often as a group's)
    shorter, longer = sorted((one, other), key=len)
    if shorter.endswith("指标") or GROUP_WORD.fullmatch(shorter):
        return False     # (a group's heading: "绩效指标", "产出指标", "满意度" — not "家长满意度")
    if same_name(one, other) or len(shorter) == 3 and longer.endswith(shorter):
        return True
    if len(shorter) >= 4 and any(longer.startswith(shorter[:k]) and longer.endswith(shorter[k:])
                                 for k in range(2, len(shorter) - 1)):
        return True      # its head and its tail ("培育人数" of "培育高素质农民人数")
    if shorter and shorter[-1] in _MEASURES and longer[-1] in _MEASURES and shorter[-1] != longer[-1]:
        return False     # (two measures of one thing: "政务服务便利度" and "政务服务事项标准化率")
    core = shared_core(shorter, longer)
    return core >= 4 and 2 * core >= len(shorter)


_MEASURES = "率度数量额"


def another_name(indicator: Indicator, name: str) -> str:
    """The name its 评分 gives it, when not the name it was read by ("培训社会体育指导员" scored as
    "社会体育指导员培训人数")."""
    return name.strip() if text_key(name) != text_key(indicator.name) else ""


def _said_reverse(text: str, names: tuple[str, ...]) -> bool:
    """"其中审核拨付时限为逆向指标": the report says, by either name, that less is better."""
    return any(re.search(re.escape(name) + r"\s*(?:为|是|属于?)\s*(?:逆向|反向)指标", text) for name in names if name)
