"""What a 评分表 row's words say was achieved against its target ("目标60万页，实际54.6万页，完成91.00%，按比例
计分"): a 评分表 of 分值, 评分说明 and 得分 gives no 指标值 column, yet its 评分说明 cell often states the
target, what was achieved and the completion — the row read as an indicator from them."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .numbers import Number, numbers

_FIGURE = r"[-+]?\d(?:\d|,(?=\d{3}))*+(?:\.\d+)?"     # (whole: "1,200" is one figure, never "1" and "200")
# "目标1.2万卷，实际1.35万卷", "目标≥95%，实际97.8%", "计划45处，完成41处，完成率91.11%"
TARGET_THEN_ACTUAL = re.compile(
    rf"(?:年度)?(?:目标值?|指标值|计划)\s*(?:为|是)?\s*[:：]?\s*(?P<sign>≥|≤|>=|<=|=|＝|不低于|不少于|不超过|不高于)?\s*"
    rf"(?P<target>{_FIGURE})\s*(?P<unit>[^\d\s，,；;。]{{0,5}}?)\s*[，,；;]\s*"
    rf"(?:实际|全年|年末)?(?:完成|达到|达成|为)?\s*(?:值)?\s*(?:为)?\s*[:：]?\s*(?P<actual>{_FIGURE})"
    rf"(?:[^\d，,；;。]{{0,5}}[，,]\s*完成(?:率)?\s*(?:为)?\s*(?P<completion>{_FIGURE})\s*%)?")
# or what was achieved first, then the target and the completion they give ("完成1,260亩，目标1,200亩，完成率105.00%",
# "亩均增收276元，目标300元，完成率92.00%"): the completion said after them is what makes the first figure the achieved one
ACTUAL_THEN_TARGET = re.compile(
    rf"(?P<actual>{_FIGURE})\s*(?P<actual_unit>[^\d\s，,；;。]{{0,5}}?)\s*[，,]\s*(?:年度|全年)?(?:目标值?|指标值|计划)\s*(?:为|是)?\s*"
    rf"(?P<sign>≥|≤|>=|<=|不低于|不少于|不超过|不高于)?\s*(?P<target>{_FIGURE})\s*(?P<unit>[^\d\s，,；;。]{{0,5}}?)\s*[，,]\s*"
    rf"完成率\s*(?:为)?\s*(?P<completion>{_FIGURE})\s*%")
_NUMBER = re.compile(_FIGURE)


@dataclass
class Evidence:
    target_text: str
    target: Number
    actual_text: str
    actual: Number
    completion: Number | None


def _by_start(cell: str, figures: list[Number]) -> dict[int, Number] | None:
    """The cell's figures by where each starts in it — None where the figures read are not its numbers one for one."""
    starts = [m.start() for m in _NUMBER.finditer(cell)]
    return dict(zip(starts, figures)) if len(starts) == len(figures) else None


def target_and_actual(cell: str, figures: list[Number]) -> Evidence | None:
    """The cell's target and what was achieved (and the completion said after them), when it states
    them in that order; `figures` are the cell's numbers as read, in order."""
    said = TARGET_THEN_ACTUAL.search(cell) or ACTUAL_THEN_TARGET.search(cell)
    if said is None or "actual_unit" in said.groupdict() and said.group("actual_unit") not in ("", said.group("unit")):
        return None       # (or 完成276元 against 目标300万元: two units, not compared)
    by_start = _by_start(cell, figures)
    if by_start is None:
        return None       # (the figures read are not the cell's numbers one for one: nothing taken)
    at = {name: by_start.get(said.start(name)) for name in ("target", "actual", "completion") if said.group(name)}
    if any(n is None for n in at.values()):
        return None
    target, actual = at["target"], at["actual"]
    if target.unit != actual.unit and actual.unit:
        return None       # (a target in one unit, what was achieved in another: not compared)
    completion = at.get("completion")
    return Evidence((said.group("sign") or "") + cell[said.start("target"):said.end("unit")], target,
                    cell[said.start("actual"):said.end("actual")], actual, completion)


# a 评分说明 cell that states what was achieved and nothing else: its one figure, a few words before it at most
# ("93.55%", "下降9.19%", "利用率90%", "复核后1.18万亩", "452人") — no target, no rule, no points
_ACHIEVED_ALONE = re.compile(rf"\s*(?P<words>[\u4e00-\u9fff]{{0,5}})\s*(?P<figure>{_FIGURE})\s*(?P<unit>%|‰|[^\d\s，,；;。、:：()（）]{{0,4}})\s*")
_NOT_ACHIEVED = re.compile(r"完成率|完成比例|完成度|达成率|比例|系数|目标|计划|指标|预算|标准|扣|得|分|以上|以下|以内|低于|高于|超|未|不|少|差|共|合计")


_OF_ITS_OWN = re.compile(r"(?:下降|增长|减少|提高|降低|增加|实际|全年|年末|复核后|累计)?")
_A_RATES_NAME = re.compile(r"(?:率|度|比例|占比)$")


def achieved_alone(name: str, cell: str, figures: list[Number]) -> tuple[Number, str] | None:
    """The one figure a 评分表 row's 评分说明 cell states as what the row achieved, and its text; None where the cell
    says more than that (a target, a rule, points), its words name something else than the row ("水质投诉1起" under
    社会效益), a rate's row states no rate ("11个月按时" under 按月拨付及时率), or its figure is not the one read."""
    said = _ACHIEVED_ALONE.fullmatch(cell)
    if said is None or len(figures) != 1 or _NOT_ACHIEVED.search(said.group("words") + said.group("unit")):
        return None
    words = said.group("words")
    if not (_OF_ITS_OWN.fullmatch(words) or words in name) or _A_RATES_NAME.search(name) and not figures[0].is_rate:
        return None
    by_start = _by_start(cell, figures)
    actual = by_start.get(said.start("figure")) if by_start else None
    return (actual, cell[said.start("words"):said.end("unit")]) if actual is not None else None


# the target an 指标解释 cell states ("全年监督检查特种设备台次，目标值≥420台次。")
_TARGET_SAID = re.compile(rf"目标值?\s*(?:为|是)?\s*[:：]?\s*(?P<sign>≥|≤|>=|<=|=|＝|不低于|不少于|不超过|不高于)?\s*"
                          rf"(?P<target>{_FIGURE})\s*(?P<unit>[^\d\s，,；;。]{{0,6}})")


def target_explained(text: str, cell: str, row_start: int) -> tuple[Number, str] | None:
    """The one target a row's 指标解释 cell states ("全年监督检查特种设备台次，目标值≥420台次。") — its figure where it stands
    in the text of the row at `row_start` (a rule's words: not among the figures read as the report's claims, so read
    here) — and its text with its sign and unit ("≥420台次"). None where it states none, or two."""
    line_start = text.rfind("\n", 0, row_start) + 1
    line_end = text.find("\n", line_start)
    at = text.find(cell, line_start) if cell else -1
    if at < 0 or 0 <= line_end < at:
        return None
    said = list(_TARGET_SAID.finditer(cell))
    by_start = _by_start(cell, [dataclasses.replace(n, start=n.start + at, end=n.end + at) for n in numbers(cell)])
    if len(said) != 1 or by_start is None or said[0].start("target") not in by_start:
        return None
    return by_start[said[0].start("target")], (said[0].group("sign") or "") + cell[said[0].start("target"):said[0].end()]


def sign_before(figure: str, cells: str) -> str:
    """The sign a row's other cells set before the figure ("…×100%，目标≥92%" for "92%"), or none."""
    said = re.search(r"(≥|≤|>=|<=)\s*" + re.escape(figure) + r"(?![\d.])", cells)
    return said.group(1) if said else ""


# what a figure says of a change, not of the year's value ("同比增长4.3%", "比上年下降2个百分点")
_A_CHANGE = re.compile(r"(?:增长|下降|提高|降低|减少|增加|同比|比上年|较上年)\s*(?:了|为)?\s*$")
_SAID_AS = re.compile(r"\s*(?:为|达|达到|是|[:：])?\s*$")


def figure_said_for(name: str, cell: str, figures: list[Number], unit: str, text: str) -> Number | None:
    """What a row's 完成情况 cell of words says its indicator achieved, where it says several figures ("预算18.60万元，
    实际支出15.27万元，控制率82.10%"): for a rate (its name ends in 率 or 度), the cell's one rate — or the one
    after the end of its name ("…，调整率13.51%") —, a change said ("同比增长4.3%") none; else the first figure in the
    target's unit ("全年送戏、送书、送展下乡112场，其中送戏68场" under ≥120场).  None where that is not one figure."""
    if len(figures) < 2 or not re.search(r"[，,；;。、]", cell):
        return None
    own = [n for n in figures if not _A_CHANGE.search(n.label)]
    if re.search(r"[率度]$", name.strip()):
        rates = [n for n in own if n.is_rate]
        named = [n for n in rates if any(_SAID_AS.sub("", n.label).endswith(name.strip()[-k:]) for k in (3, 2))]
        chosen = named if len(named) == 1 else rates
        return chosen[0] if len(chosen) == 1 else None
    if not unit or unit == "%":
        return None
    in_unit = [n for n in own if text.startswith(unit, n.end) or n.unit == unit]
    if not in_unit and "/" in unit:      # ≤2.5万元/户 against "补助438.96万元，186户，户均2.36万元": the figure said 户均
        per = unit.split("/")[0]
        in_unit = [n for n in own if (n.unit == per or text.startswith(per, n.end)) and _SAID_AS.sub("", n.label).endswith("均")]
        return in_unit[0] if len(in_unit) == 1 else None
    return in_unit[0] if in_unit else None


# a 评分表 row's 评分标准 that opens with the line it scores against ("≥90%得满分，每低1个百分点扣0.3分",
# "≤10个工作日得满分", "在职人员控制率≤100%得满分", "≥12个，按实际/目标×分值计分")
OPENING_LINE = re.compile(r"\s*(?P<name>[^\d，,；;。≥≤<>=]{0,20}?)\s*(?P<sign>≥|≤|>=|<=|=|不低于|不少于|不超过|不高于|达到)\s*"
                           r"(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>[%％]|[^\d\s，,；;。的得按]{1,4})?\s*"
                           r"(?:的|以上|以内|及以上|及以下)?\s*"
                           r"(?:得满分|得\d+(?:\.\d+)?分|[，,；;]|$)")
# "预算调整率=(…)/年初预算；", or a ratio alone in its clause: "实有人数÷编制人数×100%，", "（结转+结余）÷全年预算数，"
_DEFINITION = re.compile(r"[^;；。，,]{2,20}[=＝][^;；。]*[/÷][^;；。]*[;；]\s*"
                         r"|[^;；。，,≥≤<>=\d]{2,24}[/÷][^;；。，,≥≤<>=\d]{2,20}(?:[×xX*]\s*100\s*%)?\s*[，,;；]\s*")
RATIO = re.compile(r"\S\s*[/÷]\s*\S")                                              # "在职人员数/编制数"


def opening_match(rule: str) -> re.Match | None:
    """The line a row's 评分标准 opens with, after the rate's definition where it gives one first."""
    defined = _DEFINITION.match(rule)
    return OPENING_LINE.match(rule, defined.end() if defined else 0)
