"""What a 评分表 row's words say was achieved against its target ("目标60万页，实际54.6万页，完成91.00%，按比例
计分"): a 评分表 of 分值, 评分说明 and 得分 gives no 指标值 column, yet its 评分说明 cell often states the
target, what was achieved and the completion — the row read as an indicator from them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import Number

_FIGURE = r"[-+]?\d[\d,]*(?:\.\d+)?"
# "目标1.2万卷，实际1.35万卷", "目标≥95%，实际97.8%", "计划45处，完成41处，完成率91.11%"
_TARGET_THEN_ACTUAL = re.compile(
    rf"(?:年度)?(?:目标值?|指标值|计划)\s*(?:为|是)?\s*[:：]?\s*(?P<sign>≥|≤|>=|<=|=|＝|不低于|不少于|不超过|不高于)?\s*"
    rf"(?P<target>{_FIGURE})\s*(?P<unit>[^\d\s，,；;。]{{0,5}}?)\s*[，,；;]\s*"
    rf"(?:实际|全年|年末)?(?:完成|达到|达成|为)?\s*(?:值)?\s*(?:为)?\s*[:：]?\s*(?P<actual>{_FIGURE})"
    rf"(?:[^\d，,；;。]{{0,5}}[，,]\s*完成(?:率)?\s*(?:为)?\s*(?P<completion>{_FIGURE})\s*%)?")
_NUMBER = re.compile(_FIGURE)


@dataclass
class Evidence:
    target_text: str
    target: Number
    actual_text: str
    actual: Number
    completion: Number | None


def target_and_actual(cell: str, figures: list[Number]) -> Evidence | None:
    """The cell's target and what was achieved (and the completion said after them), when it states
    them in that order; `figures` are the cell's numbers as read, in order."""
    said = _TARGET_THEN_ACTUAL.search(cell)
    if said is None:
        return None
    order = {m.start(): i for i, m in enumerate(_NUMBER.finditer(cell))}
    if len(order) != len(figures):
        return None       # (the figures read are not the cell's numbers one for one: nothing taken)
    at = {name: order.get(said.start(name)) for name in ("target", "actual", "completion") if said.group(name)}
    if any(i is None for i in at.values()):
        return None
    target, actual = figures[at["target"]], figures[at["actual"]]
    if target.unit != actual.unit and actual.unit:
        return None       # (a target in one unit, what was achieved in another: not compared)
    completion = figures[at["completion"]] if "completion" in at else None
    return Evidence((said.group("sign") or "") + cell[said.start("target"):said.end("unit")], target,
                    cell[said.start("actual"):said.end("actual")], actual, completion)
