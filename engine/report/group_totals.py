"""The total after each 一级 group's own total said apart: "1.决策指标：…决策指标合计得9分。2.过程指标：…过程部分共得
17分。…以上决策、过程、产出、效益四类指标得分合计93.5分" — the groups' totals, one each of a framework's whole
list of groups, added up against it."""
from __future__ import annotations

import re

from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from .declared import BONUS_SCORED
from .facts import Facts
from .numbers import sentence_bounds
from .stated import at_its_places, by_shape, quoted
from .vocabulary import partitions, words

_GROUP = words()["level1_group"].pattern
# "决策指标合计得9分", "产出部分共得39.6分", "效益类指标小计得30分": a group's own total, said as such
_GROUP_TOTAL = re.compile(rf"(?P<name>{_GROUP})(?:部分|类)?\s*(?:合计|小计|共计|共)\s*(?:得分|得)\s*(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分")

_GROUPS_ADDED = re.compile(rf"(?:{_GROUP}[、，,和及与]?\s*){{3,}}[^，,。；;\d]{{0,12}}?(?:得分)?\s*(?:合计|总计|共计|总分)\s*(?:为)?\s*"
                           r"(?P<total>\d+(?:\.\d+)?)\s*分")


def check_group_totals_said_before(facts: Facts, report: FindingList) -> None:
    """The total whose own sentence names the groups before it ("以上决策、过程、产出、效益四类指标得分合计…") against
    the sum of their totals said before it, each group's once — all of a framework's groups."""
    text = facts.text
    # (the total named as such, or a sum the sentence says is of the groups it names: "…四类指标得分合计93.5分")
    added_up = [facts.number_at(m.start("total")) for m in _GROUPS_ADDED.finditer(text)]
    for total in {id(n): n for n in [facts.total, *facts.totals_said, *added_up] if n is not None}.values():
        if report.names(facts.where(total.start)):
            continue
        start = sentence_bounds(text, total.start)[0]
        if re.search(r"加分|扣分|减分|加计|加上|减去|扣除", text[start:total.start]):
            continue        # (a bonus or a deduction on the groups' sum: "…四项合计95.6分，加计加分项1分…后，综合得分96.1分")
        named = [m.group(0) for m in re.finditer(_GROUP, text[start:total.start])]
        said = [(m.group("name"), facts.number_at(m.start("score"))) for m in _GROUP_TOTAL.finditer(text, 0, start)]
        groups = [(name, n) for name, n in said if n is not None]
        for members in partitions():
            mine = [[n for name, n in groups if member.search(name)] for member in members]
            if len(named) >= len(members) and all(any(m.search(name) for name in named) for m in members) \
                    and all(len(found) == 1 for found in mine):
                scores = [found[0] for found in mine]
                added = perf_total([n.value for n in scores])
                if abs(added - total.value) >= SCORE_TOLERANCE:
                    say, why = by_shape(report, facts, total, added, tuple(scores))
                    say("TOTAL_MISMATCH", facts.where(total.start),
                        f"各一级指标合计得分 {' + '.join(f'{n.value:g}' for n in scores)} = {added:.2f} 分，报告写总分 "
                        f"{total.value:g} 分{why}{quoted(facts, total)}")
                break


_GROUP_NAME = re.compile(_GROUP)


def check_group_items_total(facts: Facts, report: FindingList) -> None:
    """The total against the items read that are a framework's whole list of 一级 groups, each once by its own name
    ("（一）决策指标（20分），得18分…（四）效益指标（25分），得23分"), their points making up 100, where the report scores
    no bonus or deduction — a warning: which of them is the slip is not known."""
    total = facts.total
    if total is None or any(f.code == "TOTAL_MISMATCH" for f in report.findings):
        return      # (the total said of already — its table's 合计 row off its rows: one slip, said where it is)
    items = [i for i in facts.items if i.weight is not None and _GROUP_NAME.fullmatch(i.name.strip())]
    for members in partitions():
        mine = [[i for i in items if member.search(i.name.strip())] for member in members]
        if not all(len(found) == 1 for found in mine):
            continue
        scored = [found[0] for found in mine]
        if abs(sum(i.weight.value for i in scored) - 100) >= SCORE_TOLERANCE \
                or any(report.names(facts.where(i.score.start)) for i in scored):
            continue    # (… or a group's own score said of already — off its items: that slip, not the total's)
        added = perf_total([i.score.value for i in scored])
        # (none where the report scores a bonus or a deduction: its total is the groups' and those — the totals' checks';
        # a warning, for the slip may be the total's or a group's, and the total may be said again where it is wrong)
        bonus = sum(facts.forms.bonus) if facts.forms is not None else 0.0     # (a 评分表's 扣分 / 加分 rows)
        if abs(added - total.value) >= SCORE_TOLERANCE and not at_its_places(added, total) and not BONUS_SCORED.search(facts.text) \
                and not (bonus and abs(added + bonus - total.value) < SCORE_TOLERANCE):
            report.warning("TOTAL_MISMATCH", facts.where(total.start),
                           f"各一级指标得分 {' + '.join(f'{i.score.value:g}' for i in scored)} = {added:.2f} 分（分值合计100分），"
                           f"报告写总分 {total.value:g} 分（总分与各一级指标得分之和不符，差错可能在总分或某一级指标得分，请核对）"
                           f"{quoted(facts, total)}")
        return
