"""An indicator's name as the words before its figures give it: the last clause that names something (not a
bound's words, a heading's bracket, 该指标 or its points), the numbered heading above a sentence that opens
without one ("4.托养照护。年度指标值为…"), and the name tidied once read — the points in brackets after it
("违法用地图斑整改率（6分）": its 分值) and a period's word a clause ran on with ("…年初指标值为")."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts
from .plain import LIST_MARK

NAME_PREFIX = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?\s*)?(?:指标\s*[①-⑳\d一二三四五六七八九十]*)?\s*[:：]?")

# the words of a bound alone in the target's clause ("森林覆盖率78.62%，稳定在目标值78.5%以上"): no name
BOUND_WORDS = r"稳定在|保持在|控制在|达到|高于|超过|低于|不低于|不少于|优于"


# (… or "指标1：食品安全监督抽检批次。目标值…": an indicator numbered under its 二级 heading)
HEADING_NAME = re.compile(r"^[^\S\n]*(?:" + LIST_MARK + r"|指标\s*\d{1,2}\s*[:：])\s*(?P<name>[^。\n,，:：;；\d]{2,30}?)\s*[。:：]\s*$", re.M)


def indicator_name(before: str) -> str:
    clauses = [c.strip() for c in re.split(r"[，:：;；]|,(?!\d{3})", before)]   # (not a thousands' comma: "1,346户")
    if len(clauses) > 1 and re.fullmatch(BOUND_WORDS, clauses[-1]):     # the name before what was achieved
        clauses = clauses[:-2] + [re.sub(r"\s*\d[\d,]*(?:\.\d+)?\s*\S{0,4}$", "", clauses[-2])]
    for clause in reversed(clauses):
        clause = re.sub(r"^[^(（]*[)）]", "", clause)   # ("…（分值50分，得49.5分）小型水库…": a heading's bracket closed before it)
        clause = re.sub(r"该指标|预期|本指标|绩效$|^(?:全年|年度|本年度?|当年|年初)$", "", clause)   # ("…数量绩效目标值": the
        # name, not 绩效; "养老金领取人数（8分）：全年目标值为…": the name, not the year's word)
        clause = re.sub(r"(?:分值|满分|权重)\s*\d+(?:\.\d+)?\s*分$", "", clause)   # "资金到位率分值5分，年度目标值…"
        clause = re.sub(r"^(?:为|是)|(?:为|是)$", "", clause.strip(" 　"))   # "该指标为": no name
        clause = NAME_PREFIX.sub("", clause).strip(" 　")
        if clause:
            return clause[:60]
    return ""


# "违法用地图斑整改率（6分）": its points in brackets after its name; "服务对象满意度年初指标值为…": a period's word
_POINTS_AFTER_NAME = re.compile(r"\s*[(（]\s*(?:分值|满分|权重)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")
_PERIOD_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff]{4})(?:年初|年度|全年|本年)$")


def names_tidied(facts: Facts) -> None:
    """An indicator's name without the points in brackets after it (its 分值, where none was read) or the
    period's word a clause ran on with."""
    for ind in facts.indicators:
        points = _POINTS_AFTER_NAME.search(ind.name)
        if points is not None and len(ind.name[:points.start()].strip()) >= 2:
            said = re.search(re.escape(ind.name[:points.start()].strip()) + r"\s*[(（]\s*(?:分值|满分|权重)?\s*(?=\d)",
                             facts.text[ind.start:])
            weight = facts.number_at(ind.start + said.end()) if said else None
            if ind.weight is None and weight is not None and weight.unit == "分" and \
                    (ind.self_score is None or ind.self_score.value <= weight.value):
                ind.weight = weight
            ind.name = ind.name[:points.start()].strip()
        ind.name = _PERIOD_AFTER_NAME.sub("", ind.name)


def items_said_twice(facts: Facts) -> None:
    """An item read twice, from a table's row and a sentence, its name and score the same ("| 预算执行率 | 10 | 9.41 |"
    and "预算执行率94.08%，得9.41分"): one item, with the points one of them gives."""
    kept: list = []
    for item in facts.items:
        same = next((k for k, other in enumerate(kept) if text_key(other.name) == text_key(item.name)
                     and other.score.value == item.score.value and (other.weight is None) != (item.weight is None)), None)
        if same is None:
            kept.append(item)
        elif kept[same].weight is None:
            kept[same] = item       # (the one with its points, where it stands: a table's row is checked as one)
    facts.items[:] = kept
